package dev.settle.exception;

/**
 * The account, payment method, invoice or license does not exist (HTTP 404).
 */
public final class NotFoundException extends ApiException {
  /**
   * Creates the exception from the error the server answered with.
   *
   * @param error the status and the decoded error body
   */
  public NotFoundException(ApiError error) {
    super(error);
  }
}
