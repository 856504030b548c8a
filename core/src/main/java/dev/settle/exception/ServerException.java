package dev.settle.exception;

/**
 * The server failed (HTTP 5xx). A write may or may not have taken effect: repeat it with the
 * same idempotency key to find out without risk.
 */
public final class ServerException extends ApiException {
  /**
   * Creates the exception from the error the server answered with.
   *
   * @param error the status and the decoded error body
   */
  public ServerException(ApiError error) {
    super(error);
  }
}
