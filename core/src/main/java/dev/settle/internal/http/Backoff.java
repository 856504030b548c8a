package dev.settle.internal.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How many attempts a call gets and how long it waits between them: exponential with full
 * jitter, from the client's retry policy.
 *
 * @param maxAttempts attempts per call, the first included
 */
public record Backoff(int maxAttempts, Duration initial, Duration max) {
  /** The wait before attempt {@code attempt + 1}: uniform in [0, min(max, initial·2^(attempt-1))]. */
  Duration wait(int attempt) {
    long ceiling = initial.toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(Math.max(ceiling, 0), max.toMillis());
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(capped + 1));
  }
}
