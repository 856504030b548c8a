package dev.settle.exception;

import java.io.IOException;

/**
 * The request could not be completed on the network: refused, reset, timed out, or a response
 * that broke off.
 *
 * <p>A read that fails this way can simply be made again. A write that fails this way, after
 * Settle's retries, is reported as {@link dev.settle.OutcomeUnknownException} instead, since it may have
 * reached the server.
 */
public final class ConnectionException extends SettleException {
  /**
   * Creates the exception for a request that failed on the network.
   *
   * @param message what failed, without secrets
   * @param cause the network failure
   */
  public ConnectionException(String message, IOException cause) {
    super(message, null, cause);
  }
}
