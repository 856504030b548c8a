package dev.settle.exception;

import org.jspecify.annotations.Nullable;

/**
 * The server answered, but with a body Settle cannot read: not JSON, the wrong types, or a
 * required field missing.
 *
 * <p>Seen when a proxy answers in place of the billing system (an HTML error page) or when the
 * server does not keep its contract.
 */
public final class MalformedResponseException extends SettleException {
  /** The HTTP status of the unreadable response. */
  private final int statusCode;

  /**
   * Creates the exception for a response whose body could not be read.
   *
   * @param message what could not be read, without the body's values
   * @param statusCode the response's HTTP status
   * @param requestId the response's request id, or null
   * @param cause the decoding failure
   */
  public MalformedResponseException(String message, int statusCode, @Nullable String requestId,
      @Nullable Throwable cause) {
    super(message, requestId, cause);
    this.statusCode = statusCode;
  }

  /** {@return the HTTP status of the unreadable response} */
  public int statusCode() {
    return statusCode;
  }
}
