package dev.settle;

/**
 * The server failed (HTTP 5xx). A write may or may not have taken effect: repeat it with the
 * same idempotency key to find out without risk.
 */
public final class ServerException extends ApiException {
  ServerException(ApiError error) {
    super(error);
  }
}
