package dev.settle.webhooks;

import static dev.settle.exception.ValidationException.required;

import dev.settle.exception.ValidationException.Reason;
import dev.settle.exception.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs a webhook body the way the billing system does, producing its three headers: for tests
 * of webhook handlers, examples, and anything else that must send a delivery a {@link
 * WebhookVerifier} accepts.
 *
 * <pre>{@code
 * WebhookSigner signer = WebhookSigner.create("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
 * Map<String, String> headers = signer.sign(body);
 * // webhook-id: msg_…, webhook-timestamp: <now>, webhook-signature: v1,…
 * headers.forEach(request::header);                     // send them with the body, or
 * WebhookEvent event = verifier.verify(body, headers::get);   // verify them in place
 * }</pre>
 *
 * <p>It signs nothing a {@link WebhookVerifier} would read differently: an id with surrounding
 * spaces or a control character, and a timestamp before 1970 or of more than 15 digits, are
 * refused.
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
   * A signer for {@code secret}, {@code whsec_<base64>} or the bare base64, timing deliveries
   * with the system clock.
   *
   * @param secret the endpoint's signing secret
   * @return the signer
   * @throws dev.settle.exception.WebhookVerificationException ({@code MALFORMED_SECRET}) if it is not
   *     base64; the message does not repeat it
   */
  public static WebhookSigner create(String secret) {
    return create(secret, Clock.systemUTC());
  }

  /**
   * Like {@link #create(String)}, timing deliveries with {@code clock}.
   *
   * @param secret the endpoint's signing secret
   * @param clock the clock that dates the deliveries
   * @return the signer
   */
  public static WebhookSigner create(String secret, Clock clock) {
    required(secret, "secret");
    required(clock, "clock");
    return new WebhookSigner(WebhookSecret.key(secret), clock);
  }

  /**
   * Signs {@code body} (as UTF-8) now, under a new random id {@code msg_…}.
   *
   * @param body the event's JSON
   * @return the headers {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature}
   */
  public Map<String, String> sign(String body) {
    return sign(newId(), clock.instant(), body);
  }

  /**
   * Signs {@code body} (as UTF-8) as delivery {@code id} at {@code timestamp}.
   *
   * @param id the delivery's id
   * @param timestamp when the delivery is signed
   * @param body the event's JSON
   * @return the headers {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature}
   */
  public Map<String, String> sign(String id, Instant timestamp, String body) {
    required(id, "id");
    required(timestamp, "timestamp");
    return sign(id, timestamp, required(body, "body").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Signs {@code body} as delivery {@code id} at {@code timestamp} (whole seconds; a fraction is
   * dropped).
   *
   * @param body the request body to sign
   * @param timestamp when the delivery is signed
   * @param id the delivery's id
   * @return the headers {@code webhook-id}, {@code webhook-timestamp} and {@code
   *     webhook-signature}, in that order; hand them to a verifier as {@code headers::get}
   * @throws ValidationException with param {@code id} ({@link Reason#REQUIRED} when blank, {@link
   *     Reason#FORMAT} with surrounding spaces or a control character) or {@code timestamp}
   *     ({@link Reason#RANGE} before 1970-01-01T00:00:00Z or beyond 15 digits of seconds)
   */
  public Map<String, String> sign(String id, Instant timestamp, byte[] body) {
    required(id, "id");
    required(timestamp, "timestamp");
    required(body, "body");
    checkId(id);
    String seconds = Long.toString(timestamp.getEpochSecond());
    if (timestamp.getEpochSecond() < 0) {
      throw new ValidationException("timestamp", Reason.RANGE, "A webhook timestamp counts "
          + "seconds since the Unix epoch and cannot be before 1970-01-01T00:00:00Z; this one is "
          + timestamp);
    }
    if (!WebhookVerifier.isSeconds(seconds)) {
      throw new ValidationException("timestamp", Reason.RANGE, "A webhook timestamp has at most "
          + WebhookVerifier.MAX_TIMESTAMP_DIGITS + " digits of seconds; this one is " + timestamp);
    }
    String signature =
        "v1," + Base64.getEncoder().encodeToString(WebhookSecret.sign(key, id, seconds, body));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(WebhookVerifier.ID_HEADER, id);
    headers.put(WebhookVerifier.TIMESTAMP_HEADER, seconds);
    headers.put(WebhookVerifier.SIGNATURE_HEADER, signature);
    return Collections.unmodifiableMap(headers);
  }

  /** The verifier strips a header value and needs one; an id it would change cannot be signed. */
  private static void checkId(String id) {
    if (id.isBlank()) {
      throw new ValidationException("id", Reason.REQUIRED, "A webhook id is required");
    }
    if (!id.equals(id.strip()) || id.chars().anyMatch(Character::isISOControl)) {
      throw new ValidationException("id", Reason.FORMAT, "A webhook id cannot start or end with "
          + "a space or hold a control character: a header would not carry it as signed");
    }
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
