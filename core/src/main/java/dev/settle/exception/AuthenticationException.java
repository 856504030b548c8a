package dev.settle.exception;

/**
 * The API key is missing, wrong or not allowed to do this (HTTP 401 or 403).
 *
 * <p>Retrying cannot help; check the key given to {@link dev.settle.SettleClient.Builder#apiKey}.
 */
public final class AuthenticationException extends ApiException {
  /**
   * Creates the exception from the error the server answered with.
   *
   * @param error the status and the decoded error body
   */
  public AuthenticationException(ApiError error) {
    super(error);
  }
}
