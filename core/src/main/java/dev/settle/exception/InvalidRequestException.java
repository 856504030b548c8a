package dev.settle.exception;

/**
 * The server found the request wrong (HTTP 400 or 422); {@link #param()} says which field.
 *
 * <p>Retrying the same request gets the same answer.
 */
public final class InvalidRequestException extends ApiException {
  /**
   * Creates the exception from the error the server answered with.
   *
   * @param error the status and the decoded error body
   */
  public InvalidRequestException(ApiError error) {
    super(error);
  }
}
