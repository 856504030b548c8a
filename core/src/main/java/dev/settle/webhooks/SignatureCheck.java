package dev.settle.webhooks;

import dev.settle.exception.WebhookVerificationException.Reason;
import dev.settle.exception.WebhookVerificationException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a webhook delivery's signature and timestamp passed, checked without reading the body:
 * what {@link WebhookVerifier#checkSignature} returns, for frameworks that bind the JSON body
 * themselves.
 *
 * <pre>{@code
 * SignatureCheck check = verifier.checkSignature(rawBody, request::getHeader);
 * if (!check.isVerified()) {
 *   log.warn("Refused webhook: {} ({})", check.message(), check.reason().orElseThrow());
 *   return ResponseEntity.badRequest().build();
 * }
 * MyEvent event = objectMapper.readValue(rawBody, MyEvent.class);
 * }</pre>
 *
 * <p>Immutable and thread-safe. The message is safe to log: it never holds a secret or a
 * signature.
 */
public final class SignatureCheck {
  private final String deliveryId;
  private final Instant signedAt;
  private final Reason reason;
  private final String message;

  private SignatureCheck(String deliveryId, Instant signedAt, Reason reason, String message) {
    this.deliveryId = deliveryId;
    this.signedAt = signedAt;
    this.reason = reason;
    this.message = message;
  }

  static SignatureCheck passed(String deliveryId, Instant signedAt) {
    return new SignatureCheck(deliveryId, signedAt, null,
        "Delivery " + deliveryId + " was signed at " + signedAt + " with a configured secret");
  }

  static SignatureCheck refused(Reason reason, String message) {
    return new SignatureCheck(null, null, Objects.requireNonNull(reason, "reason"), message);
  }

  /** {@return true when the delivery was signed with a configured secret within the tolerance} */
  public boolean isVerified() {
    return reason == null;
  }

  /** {@return why the delivery was refused; empty when it was verified} */
  public Optional<Reason> reason() {
    return Optional.ofNullable(reason);
  }

  /** {@return what was found, for a log line: why the delivery was refused, or which one passed} */
  public String message() {
    return message;
  }

  /**
   * The {@code webhook-id} of a verified delivery, the same on every retry of it: a key to do
   * each delivery's work once. Empty when refused, because an unverified id proves nothing.
   *
   * @return the delivery's id, or empty
   */
  public Optional<String> deliveryId() {
    return Optional.ofNullable(deliveryId);
  }

  /** {@return when a verified delivery was signed, to the second; empty when refused} */
  public Optional<Instant> signedAt() {
    return Optional.ofNullable(signedAt);
  }

  /**
   * Returns this check when the delivery was verified.
   *
   * @return this check
   * @throws WebhookVerificationException with {@link #reason()} and {@link #message()} when not
   */
  public SignatureCheck orThrow() {
    if (reason != null) {
      throw new WebhookVerificationException(reason, message);
    }
    return this;
  }

  /** For example {@code SignatureCheck{verified, deliveryId=msg_1, signedAt=…}}. */
  @Override
  public String toString() {
    return reason == null
        ? "SignatureCheck{verified, deliveryId=" + deliveryId + ", signedAt=" + signedAt + "}"
        : "SignatureCheck{refused=" + reason + ", message=" + message + "}";
  }
}
