package dev.settle;

import static dev.settle.exception.ValidationException.required;

import dev.settle.exception.SettleConfigurationException;
import java.time.Duration;

/**
 * When and how Settle repeats a call that failed for a reason that may pass: a dropped or
 * timed-out connection, HTTP 429, 502, 503 or 504, or a 409 saying the same idempotency key is
 * still being processed.
 *
 * <p>A request the server found wrong (any other 4xx) is never repeated. Writes are repeated
 * with the idempotency key of their first attempt, so the server replays a write it already did
 * instead of doing it again. The waits grow exponentially with full jitter, and a
 * {@code Retry-After} from the server is honoured. All attempts of a call share one deadline: the
 * call's timeout.
 *
 * <pre>{@code
 * SettleClient.builder()...retryPolicy(RetryPolicy.builder().maxAttempts(5).build())
 * }</pre>
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;

  private RetryPolicy(Builder builder) {
    this.maxAttempts = builder.maxAttempts;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
  }

  /** {@return the default policy: up to 4 attempts, waits from 200 ms doubling up to 5 s} */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** {@return a policy of one attempt: failures reach the caller at once} */
  public static RetryPolicy none() {
    return NONE;
  }

  /** {@return a builder starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Attempts per call, the first included.
   *
   * @return the attempts per call, at least 1
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * {@return the longest first wait: the first retry waits a random time up to it (full jitter)}
   */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /**
   * {@return the longest any wait may be, unless the server's {@code Retry-After} asks for more}
   */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
        + ", maxBackoff=" + maxBackoff + "}";
  }

  /** Builds a {@link RetryPolicy}. */
  public static final class Builder {
    private int maxAttempts = 4;
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(5);

    private Builder() {}

    /**
     * Sets the attempts per call, the first included; 1 turns retries off.
     *
     * @param maxAttempts the attempts per call, at least 1
     * @return this builder
     * @throws SettleConfigurationException if below 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new SettleConfigurationException("maxAttempts must be at least 1");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * The longest first wait; each later one may be twice as long.
     *
     * @param backoff a positive duration
     * @return this builder
     */
    public Builder initialBackoff(Duration backoff) {
      this.initialBackoff = nonNegative(backoff, "initialBackoff");
      return this;
    }

    /**
     * The longest any wait may be, unless the server's {@code Retry-After} asks for more.
     *
     * @param backoff a positive duration
     * @return this builder
     */
    public Builder maxBackoff(Duration backoff) {
      this.maxBackoff = nonNegative(backoff, "maxBackoff");
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return a new policy
     */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }

    private static Duration nonNegative(Duration value, String name) {
      if (required(value, name).isNegative()) {
        throw new SettleConfigurationException(name + " must not be negative");
      }
      return value;
    }
  }
}
