package dev.settle.exception;

import java.time.Duration;
import java.util.Optional;

/** The server is shedding load (HTTP 429); try again after {@link #retryAfter()}. */
public final class RateLimitedException extends ApiException {
  /** How long the server asked to wait, or null when it did not say. */
  private final Duration retryAfter;

  /**
   * Creates the exception from the server's refusal and its {@code Retry-After}.
   *
   * @param error the status and the decoded error body
   * @param retryAfter the wait the server asked for, or null
   */
  public RateLimitedException(ApiError error, Duration retryAfter) {
    super(error);
    this.retryAfter = retryAfter;
  }

  /** {@return how long the server asked to wait, when it said} */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
