package dev.settle;

import java.io.IOException;

/**
 * The request could not be completed on the network: refused, reset, timed out, or a response
 * that broke off.
 *
 * <p>For a write (adding a method, paying), the request may have reached the server before the
 * failure; {@link #idempotencyKey()} is then the key it was sent with, so repeating the call with
 * the same key cannot charge twice.
 */
public class ConnectionException extends SettleException {
  private final String idempotencyKey;

  ConnectionException(String message, String idempotencyKey, IOException cause) {
    super(message, null, cause);
    this.idempotencyKey = idempotencyKey;
  }

  /** The idempotency key of the failed write, or empty for a read. */
  public java.util.Optional<String> idempotencyKey() {
    return java.util.Optional.ofNullable(idempotencyKey);
  }
}
