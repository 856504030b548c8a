package dev.settle.spring;

import dev.settle.webhooks.WebhookEvent;
import dev.settle.webhooks.WebhookVerifier;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Checks a delivery's signature and timestamp and reads its event: the starter's one use of
 * {@link WebhookVerifier}.
 *
 * <p>The verifier is rebuilt only when the secrets change. Thread-safe.
 */
final class WebhookVerification {
  private record Current(List<String> secrets, WebhookVerifier verifier) {}

  private final SettleWebhookSecrets secrets;
  private final Duration tolerance;
  private final Clock clock;
  private volatile Current current;

  WebhookVerification(SettleWebhookSecrets secrets, Duration tolerance, Clock clock) {
    this.secrets = secrets;
    this.tolerance = tolerance;
    this.clock = clock;
  }

  /**
   * The delivery's event.
   *
   * @throws dev.settle.exception.WebhookVerificationException when it must not be trusted, or a secret is
   *     malformed ({@code MALFORMED_SECRET}); the message never holds a secret or a signature
   */
  WebhookEvent verify(byte[] body, String id, String timestamp, String signature) {
    return verifier().verify(body, id, timestamp, signature);
  }

  /** How long an id must be remembered to refuse every replay the timestamp check lets through. */
  Duration replayWindow() {
    // A delivery signed up to the tolerance in the future passes until the tolerance after that.
    return tolerance.multipliedBy(2);
  }

  Clock clock() {
    return clock;
  }

  /** Builds the verifier now, so that a malformed or missing secret stops the start-up. */
  void check() {
    verifier();
  }

  private WebhookVerifier verifier() {
    List<String> now = List.copyOf(secrets.current());
    Current known = current;
    if (known != null && known.secrets().equals(now)) {
      return known.verifier();
    }
    if (now.isEmpty()) {
      throw new IllegalStateException("No webhook secret is configured");
    }
    WebhookVerifier verifier = WebhookVerifier.builder().secrets(now).tolerance(tolerance).clock(clock).build();
    current = new Current(now, verifier);
    return verifier;
  }
}
