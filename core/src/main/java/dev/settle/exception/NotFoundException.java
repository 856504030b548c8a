package dev.settle.exception;

/**
 * The account, payment method, invoice or license does not exist (HTTP 404).
 */
public final class NotFoundException extends ApiException {
  public NotFoundException(ApiError error) {
    super(error);
  }
}
