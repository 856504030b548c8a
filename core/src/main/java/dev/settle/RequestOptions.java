package dev.settle;

import static dev.settle.exception.ValidationException.required;

import dev.settle.exception.ValidationException;
import java.time.Duration;
import java.util.Optional;

/**
 * Options for one call: its idempotency key and its timeout.
 *
 * <p>Pass your own idempotency key when the same logical operation may be started twice, for
 * example from two instances of your service paying the same order: derive it from your order id
 * and the server will charge once. Without one, Settle generates a fresh key per call.
 *
 * <pre>{@code
 * invoices.pay(invoiceId, RequestOptions.builder().idempotencyKey("order-8812-pay").build());
 * }</pre>
 */
public final class RequestOptions {
  private static final RequestOptions DEFAULTS = new Builder().build();

  private final String idempotencyKey;
  private final Duration timeout;

  private RequestOptions(Builder builder) {
    this.idempotencyKey = builder.idempotencyKey;
    this.timeout = builder.timeout;
  }

  /** {@return options with no key of your own and the client's timeouts} */
  public static RequestOptions defaults() {
    return DEFAULTS;
  }

  /** Options carrying a key Settle made itself, which may exceed the caller's 240 characters. */
  static RequestOptions withKey(String idempotencyKey) {
    Builder builder = new Builder();
    builder.idempotencyKey = idempotencyKey;
    return builder.build();
  }

  /** {@return a builder with no key and no timeout set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the caller's idempotency key, if given} */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  /** {@return the whole call's timeout, overriding the client's, if given} */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** {@return a builder holding these options, to derive options that differ in one} */
  public Builder newBuilder() {
    Builder builder = new Builder();
    builder.idempotencyKey = idempotencyKey;
    builder.timeout = timeout;
    return builder;
  }

  @Override
  public String toString() {
    return "RequestOptions{idempotencyKey=" + idempotencyKey + ", timeout=" + timeout + "}";
  }

  /** Builds {@link RequestOptions}. */
  public static final class Builder {
    private String idempotencyKey;
    private Duration timeout;

    private Builder() {}

    /**
     * Sets the idempotency key: 1 to 240 printable ASCII characters.
     *
     * @param idempotencyKey your key, stable across the tries of one operation
     * @return this builder
     * @throws ValidationException if it is not
     */
    public Builder idempotencyKey(String idempotencyKey) {
      boolean printable = required(idempotencyKey, "idempotencyKey").chars().allMatch(c -> c > 0x20 && c < 0x7f);
      if (idempotencyKey.isEmpty() || idempotencyKey.length() > 240 || !printable) {
        throw new ValidationException(
            "idempotency_key", "An idempotency key is 1 to 240 printable ASCII characters");
      }
      this.idempotencyKey = idempotencyKey;
      return this;
    }

    /**
     * Sets the timeout of the whole call.
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws ValidationException if it is not positive
     */
    public Builder timeout(Duration timeout) {
      if (required(timeout, "timeout").isNegative() || timeout.isZero()) {
        throw new ValidationException("timeout", "A timeout must be positive");
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return new options
     */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
