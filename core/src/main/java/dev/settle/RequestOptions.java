package dev.settle;

import static dev.settle.exception.ValidationException.required;

import dev.settle.exception.ValidationException;
import dev.settle.exception.ValidationException.Reason;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Options for one call: its idempotency key, its timeout, and where a customer who must
 * authenticate comes back to.
 *
 * <p>Pass your own idempotency key when the same logical operation may be started twice, for
 * example from two instances of your service paying the same order: derive it from your order id
 * and the server will charge once. Without one, Settle generates a fresh key per call.
 *
 * <pre>{@code
 * invoices.pay(invoiceId, RequestOptions.builder().idempotencyKey("order-8812-pay").build());
 * }</pre>
 *
 * <p>A payment or a card that the customer's bank asks them to authenticate (3-D Secure) ends in
 * {@link AuthenticationRequiredException}: the customer goes to the bank's page, which sends them
 * back to the {@link Builder#returnUrl(URI) return URL} given here.
 */
public final class RequestOptions {
  private static final RequestOptions DEFAULTS = new Builder().build();

  private static final int MAX_URL_LENGTH = 4000;

  private final String idempotencyKey;
  private final Duration timeout;
  private final URI returnUrl;

  private RequestOptions(Builder builder) {
    this.idempotencyKey = builder.idempotencyKey;
    this.timeout = builder.timeout;
    this.returnUrl = builder.returnUrl;
  }

  /** {@return options with no key of your own and the client's timeouts} */
  public static RequestOptions defaults() {
    return DEFAULTS;
  }

  /**
   * These options under {@code idempotencyKey}, a key Settle made itself or was given before, which
   * may exceed the caller's 240 characters.
   */
  RequestOptions withKey(String idempotencyKey) {
    Builder builder = newBuilder();
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

  /** {@return where the bank's authentication page sends the customer back, if given} */
  public Optional<URI> returnUrl() {
    return Optional.ofNullable(returnUrl);
  }

  /** {@return a builder holding these options, to derive options that differ in one} */
  public Builder newBuilder() {
    Builder builder = new Builder();
    builder.idempotencyKey = idempotencyKey;
    builder.timeout = timeout;
    builder.returnUrl = returnUrl;
    return builder;
  }

  @Override
  public String toString() {
    // The return URL is left out: a caller may carry a session of its own in its query.
    return "RequestOptions{idempotencyKey=" + idempotencyKey + ", timeout=" + timeout
        + (returnUrl == null ? "" : ", returnUrl=" + returnUrl.getScheme() + "://" + returnUrl.getHost() + "/…") + "}";
  }

  /** Builds {@link RequestOptions}. */
  public static final class Builder {
    private String idempotencyKey;
    private Duration timeout;
    private URI returnUrl;

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
     * Sets where the bank's page sends the customer back after they authenticate a payment or a
     * card (3-D Secure): a page of yours that resumes the flow. It is sent with the calls that may
     * need it (paying, adding or switching to a card); without it the bank's page tells the
     * customer to close it. Put what you need to find the flow again (a session of yours) in it.
     *
     * @param returnUrl an absolute http or https URL of your own
     * @return this builder
     * @throws ValidationException with reason {@code FORMAT} if it is not an absolute http or
     *     https URL, {@code LENGTH} if it is longer than 4000 characters
     */
    public Builder returnUrl(URI returnUrl) {
      String scheme = required(returnUrl, "returnUrl").getScheme() == null ? "" : returnUrl.getScheme().toLowerCase(Locale.ROOT);
      if (!returnUrl.isAbsolute() || returnUrl.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
        throw new ValidationException("return_url", Reason.FORMAT,
            "The bank's page sends the customer's browser here, so it must be an absolute http or https URL");
      }
      if (returnUrl.toString().length() > MAX_URL_LENGTH) {
        throw new ValidationException("return_url", Reason.LENGTH,
            "The return URL is longer than " + MAX_URL_LENGTH + " characters");
      }
      this.returnUrl = returnUrl;
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
