package dev.settle.exception;

import java.time.Duration;
import java.util.Optional;

/** The server is shedding load (HTTP 429); try again after {@link #retryAfter()}. */
public final class RateLimitedException extends ApiException {
  private final Duration retryAfter;

  public RateLimitedException(ApiError error, Duration retryAfter) {
    super(error);
    this.retryAfter = retryAfter;
  }

  /** How long the server asked to wait, when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
