package dev.settle.exception;

/**
 * The server found the request wrong (HTTP 400 or 422); {@link #param()} says which field.
 *
 * <p>Retrying the same request gets the same answer.
 */
public final class InvalidRequestException extends ApiException {
  public InvalidRequestException(ApiError error) {
    super(error);
  }
}
