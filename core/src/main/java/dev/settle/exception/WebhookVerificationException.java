package dev.settle.exception;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A webhook delivery that must not be trusted, or a webhook secret that cannot be used; {@link
 * #reason()} says which.
 *
 * <p>Thrown by {@code dev.settle.webhooks.WebhookVerifier}. Answer a delivery that fails with
 * anything but {@link Reason#MALFORMED_SECRET} with an HTTP 400 and do not act on it: the sender
 * retries deliveries it could not hand over, while a forged or replayed one is simply dropped.
 *
 * <p>The message says what was wrong without repeating any secret or signature, so it is safe to
 * log. It lives in {@code dev.settle}, not in {@code dev.settle.webhooks}, so that it is a {@link
 * SettleException} like everything else Settle throws; its constructor is public only because the
 * webhooks package is a separate package.
 */
public final class WebhookVerificationException extends SettleException {

  /** Why a delivery or a secret was refused. */
  public enum Reason {
    /** One of {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature} is absent or blank. */
    MISSING_HEADER,
    /** {@code webhook-timestamp} is not a whole number of seconds since the Unix epoch. */
    MALFORMED_TIMESTAMP,
    /** The delivery was signed longer ago than the tolerance allows: late, or replayed. */
    TIMESTAMP_TOO_OLD,
    /** The delivery claims to be signed further in the future than the tolerance allows. */
    TIMESTAMP_IN_FUTURE,
    /**
     * No {@code v1} signature in {@code webhook-signature} matches the body under any configured
     * secret: a tampered body, a wrong or removed secret, or a forgery.
     */
    NO_VALID_SIGNATURE,
    /** A secret given to the verifier or signer is not {@code whsec_} followed by base64. */
    MALFORMED_SECRET,
    /** The signature is valid, but the body is not a webhook event Settle can read. */
    INVALID_PAYLOAD
  }

  /** Why the delivery or secret was refused. */
  private final Reason reason;

  /**
   * Creates the exception; used by {@code dev.settle.webhooks}.
   *
   * <p>{@code message} must describe the problem without any secret or signature value.
   *
   * @param reason why the delivery or secret was refused
   * @param message what is wrong, without secrets or signatures
   */
  public WebhookVerificationException(Reason reason, String message) {
    this(reason, message, null);
  }

  /**
   * Like {@link #WebhookVerificationException(Reason, String)}, with the failure underneath.
   *
   * @param reason why the delivery or secret was refused
   * @param message what is wrong, without secrets or signatures
   * @param cause the failure underneath
   */
  public WebhookVerificationException(Reason reason, String message, @Nullable Throwable cause) {
    super(message, null, cause);
    this.reason = ValidationException.required(reason, "reason");
  }

  /** {@return why the delivery or secret was refused} */
  public Reason reason() {
    return reason;
  }
}
