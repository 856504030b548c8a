package dev.settle.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Signs a webhook body the way the billing system does, producing its three headers: for tests
 * of webhook handlers, examples, and anything else that must send a delivery a {@link
 * WebhookVerifier} accepts.
 *
 * <pre>{@code
 * WebhookSigner signer = WebhookSigner.create("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
 * Map<String, String> headers = signer.sign(body);
 * // webhook-id: msg_…, webhook-timestamp: <now>, webhook-signature: v1,…
 * }</pre>
 *
 * <p>Immutable and thread-safe. Its {@code toString()} never shows the secret.
 */
public final class WebhookSigner {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final byte[] key;
  private final Clock clock;

  private WebhookSigner(byte[] key, Clock clock) {
    this.key = key;
    this.clock = clock;
  }

  /**
   * A signer for {@code secret}, {@code whsec_<base64>}, timing deliveries with the system clock.
   *
   * @throws dev.settle.exception.WebhookVerificationException ({@code MALFORMED_SECRET}) if it is not of
   *     that form; the message does not repeat it
   */
  public static WebhookSigner create(String secret) {
    return create(secret, Clock.systemUTC());
  }

  /** Like {@link #create(String)}, timing deliveries with {@code clock}. */
  public static WebhookSigner create(String secret, Clock clock) {
    return new WebhookSigner(WebhookSecret.key(secret), Objects.requireNonNull(clock, "clock"));
  }

  /** Signs {@code body} (as UTF-8) now, under a new random id {@code msg_…}. */
  public Map<String, String> sign(String body) {
    return sign(newId(), clock.instant(), body);
  }

  /** Signs {@code body} (as UTF-8) as delivery {@code id} at {@code timestamp}. */
  public Map<String, String> sign(String id, Instant timestamp, String body) {
    return sign(id, timestamp, Objects.requireNonNull(body, "body").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Signs {@code body} as delivery {@code id} at {@code timestamp} (whole seconds; a fraction is
   * dropped).
   *
   * @return the headers {@code webhook-id}, {@code webhook-timestamp} and {@code
   *     webhook-signature}, in that order
   */
  public Map<String, String> sign(String id, Instant timestamp, byte[] body) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(body, "body");
    String seconds = Long.toString(Objects.requireNonNull(timestamp, "timestamp").getEpochSecond());
    String signature =
        "v1," + Base64.getEncoder().encodeToString(WebhookVerifier.sign(key, id, seconds, body));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(WebhookVerifier.ID_HEADER, id);
    headers.put(WebhookVerifier.TIMESTAMP_HEADER, seconds);
    headers.put(WebhookVerifier.SIGNATURE_HEADER, signature);
    return Collections.unmodifiableMap(headers);
  }

  private static String newId() {
    StringBuilder id = new StringBuilder("msg_");
    for (int i = 0; i < 24; i++) {
      id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }

  @Override
  public String toString() {
    return "WebhookSigner{secret=" + WebhookSecret.MASKED + "}";
  }
}
