package dev.settle.exception;

/**
 * The request conflicts with the state on the server (HTTP 409).
 *
 * <p>For example {@code portal_single_method}: a second method on a Portal I account;
 * {@code invoice_not_open}: the invoice is already paid; {@code idempotency_key_in_use}: the same
 * write is still running.
 */
public final class ConflictException extends ApiException {
  /**
   * Creates the exception from the error the server answered with.
   *
   * @param error the status and the decoded error body
   */
  public ConflictException(ApiError error) {
    super(error);
  }
}
