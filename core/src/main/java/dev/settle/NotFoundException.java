package dev.settle;

/**
 * The account, payment method, invoice or license does not exist (HTTP 404).
 */
public final class NotFoundException extends ApiException {
  NotFoundException(ApiError error) {
    super(error);
  }
}
