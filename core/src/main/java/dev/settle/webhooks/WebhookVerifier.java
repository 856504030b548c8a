package dev.settle.webhooks;

import dev.settle.exception.WebhookVerificationException;
import dev.settle.exception.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a webhook delivery was signed by the billing system, recently, and reads it as a
 * {@link WebhookEvent}.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.builder()
 *     .secret(System.getenv("SETTLE_WEBHOOK_SECRET"))
 *     .build();
 *
 * try {
 *   WebhookEvent event = verifier.verify(body, headers);   // the body exactly as received
 *   handle(event);
 *   return 200;
 * } catch (WebhookVerificationException e) {
 *   log.warn("Refused webhook: {} ({})", e.getMessage(), e.reason());
 *   return 400;
 * }
 * }</pre>
 *
 * <p>The scheme is <a href="https://www.standardwebhooks.com/">Standard Webhooks</a>: a delivery
 * passes when {@code webhook-timestamp} is within the {@linkplain Builder#tolerance tolerance} of
 * the clock, in either direction, and any {@code v1} entry of {@code webhook-signature} is the
 * base64 HMAC-SHA256 of {@code "<webhook-id>.<webhook-timestamp>.<body>"} under any of the
 * configured secrets. Signatures are compared in constant time; entries of other versions are
 * ignored. Verify the body's bytes as they arrived: parsing and re-serializing JSON changes them.
 *
 * <p>To rotate a secret, configure the new one next to the old, switch the endpoint to the new
 * one, then build a verifier without the old one.
 *
 * <p>Immutable and thread-safe; build one and share it. Its {@code toString()} never shows a
 * secret, and no exception it throws contains a secret or a signature.
 */
public final class WebhookVerifier {
  /** The header with the delivery's id, the same on every retry of one delivery. */
  public static final String ID_HEADER = "webhook-id";

  /** The header with the time of signing, in seconds since the Unix epoch. */
  public static final String TIMESTAMP_HEADER = "webhook-timestamp";

  /** The header with the space-separated signatures, each {@code v1,<base64>}. */
  public static final String SIGNATURE_HEADER = "webhook-signature";

  /** How far a delivery's timestamp may be from the clock, unless set: five minutes. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private static final String ALGORITHM = "HmacSHA256";

  private final List<byte[]> keys;
  private final Duration tolerance;
  private final Clock clock;

  private WebhookVerifier(Builder builder) {
    this.keys = List.copyOf(builder.keys);
    this.tolerance = builder.tolerance;
    this.clock = builder.clock;
  }

  /** A builder with no secret, the default tolerance and the system clock. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this verifier's secrets, tolerance and clock, to derive another from. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /**
   * Verifies a delivery and reads its event.
   *
   * @param body the request body, byte for byte as received
   * @param headers the request headers; names are matched ignoring case, and several {@code
   *     webhook-signature} values are read as one list
   * @throws WebhookVerificationException when the delivery must not be trusted or is not an event;
   *     {@code reason()} says which
   */
  public WebhookEvent verify(byte[] body, Map<String, List<String>> headers) {
    Objects.requireNonNull(headers, "headers");
    return verify(body, first(headers, ID_HEADER), first(headers, TIMESTAMP_HEADER), all(headers, SIGNATURE_HEADER));
  }

  /**
   * Like {@link #verify(byte[], Map)}, for a body held as text; it is signed as its UTF-8 bytes.
   */
  public WebhookEvent verify(String body, Map<String, List<String>> headers) {
    return verify(Objects.requireNonNull(body, "body").getBytes(StandardCharsets.UTF_8), headers);
  }

  /**
   * Verifies a delivery given the values of its three headers, and reads its event.
   *
   * @param body the request body, byte for byte as received
   * @param id the {@code webhook-id} header
   * @param timestamp the {@code webhook-timestamp} header
   * @param signature the {@code webhook-signature} header
   * @throws WebhookVerificationException when the delivery must not be trusted or is not an event;
   *     {@code reason()} says which
   */
  public WebhookEvent verify(byte[] body, String id, String timestamp, String signature) {
    Objects.requireNonNull(body, "body");
    String checkedId = present(id, ID_HEADER);
    String checkedTimestamp = present(timestamp, TIMESTAMP_HEADER);
    String checkedSignature = present(signature, SIGNATURE_HEADER);
    checkTimestamp(parseTimestamp(checkedTimestamp));
    checkSignature(checkedId, checkedTimestamp, body, checkedSignature);
    return EventParser.parse(body);
  }

  /**
   * Like {@link #verify(byte[], String, String, String)}, for a body held as text; it is signed as
   * its UTF-8 bytes.
   */
  public WebhookEvent verify(String body, String id, String timestamp, String signature) {
    return verify(Objects.requireNonNull(body, "body").getBytes(StandardCharsets.UTF_8), id, timestamp, signature);
  }

  /** How far a delivery's timestamp may be from the clock, in either direction. */
  public Duration tolerance() {
    return tolerance;
  }

  private static long parseTimestamp(String value) {
    // Digits only (no sign, no fraction), and few enough that they fit in a long and an Instant;
    // a timestamp in milliseconds passes here and is then refused as far in the future.
    boolean digits = value.length() <= 15 && value.chars().allMatch(c -> c >= '0' && c <= '9');
    if (!digits) {
      throw new WebhookVerificationException(
          Reason.MALFORMED_TIMESTAMP, "Header " + TIMESTAMP_HEADER + " is not a number of seconds since the Unix epoch");
    }
    return Long.parseLong(value);
  }

  private void checkTimestamp(long seconds) {
    Instant signedAt = Instant.ofEpochSecond(seconds);
    Instant now = clock.instant();
    Duration age = Duration.between(signedAt, now);
    if (age.compareTo(tolerance) > 0) {
      throw new WebhookVerificationException(
          Reason.TIMESTAMP_TOO_OLD,
          "The delivery was signed at " + signedAt + ", " + age.getSeconds() + " s before now (" + now
              + "); the tolerance is " + tolerance.getSeconds() + " s");
    }
    if (age.negated().compareTo(tolerance) > 0) {
      throw new WebhookVerificationException(
          Reason.TIMESTAMP_IN_FUTURE,
          "The delivery claims to be signed at " + signedAt + ", " + age.negated().getSeconds()
              + " s after now (" + now + "); the tolerance is " + tolerance.getSeconds() + " s");
    }
  }

  private void checkSignature(String id, String timestamp, byte[] body, String header) {
    List<byte[]> candidates = new ArrayList<>();
    for (String entry : header.split(" ")) {
      int comma = entry.indexOf(',');
      if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
        continue;   // another version, or not a signature: ignored, as the scheme says
      }
      try {
        candidates.add(Base64.getDecoder().decode(entry.substring(comma + 1)));
      } catch (IllegalArgumentException e) {
        // Not base64: it cannot match. Skipped, and its text not repeated anywhere.
      }
    }
    if (candidates.isEmpty()) {
      throw new WebhookVerificationException(
          Reason.NO_VALID_SIGNATURE, "Header " + SIGNATURE_HEADER + " holds no v1 signature");
    }
    for (byte[] key : keys) {
      byte[] expected = sign(key, id, timestamp, body);
      for (byte[] candidate : candidates) {
        if (MessageDigest.isEqual(expected, candidate)) {
          return;
        }
      }
    }
    throw new WebhookVerificationException(
        Reason.NO_VALID_SIGNATURE,
        "None of the " + candidates.size() + " v1 signature(s) matches the body under any of the "
            + keys.size() + " secret(s)");
  }

  /** The HMAC-SHA256 of {@code "<id>.<timestamp>.<body>"}; shared with {@link WebhookSigner}. */
  static byte[] sign(byte[] key, String id, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);   // a Mac is not thread-safe: one per use
      mac.init(new SecretKeySpec(key, ALGORITHM));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
    }
  }

  private static String present(String value, String header) {
    if (value == null || value.isBlank()) {
      throw new WebhookVerificationException(Reason.MISSING_HEADER, "Header " + header + " is missing");
    }
    return value.strip();
  }

  /** The first value of a header, its name matched ignoring case; null when there is none. */
  private static String first(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (name.equalsIgnoreCase(header.getKey()) && header.getValue() != null) {
        for (String value : header.getValue()) {
          if (value != null && !value.isBlank()) {
            return value;
          }
        }
      }
    }
    return null;
  }

  /** Every value of a header, joined with spaces, its name matched ignoring case. */
  private static String all(Map<String, List<String>> headers, String name) {
    String joined =
        headers.entrySet().stream()
            .filter(header -> name.equalsIgnoreCase(header.getKey()) && header.getValue() != null)
            .flatMap(header -> header.getValue().stream())
            .filter(Objects::nonNull)
            .collect(Collectors.joining(" "));
    return joined.isEmpty() ? null : joined;
  }

  @Override
  public String toString() {
    return "WebhookVerifier{secrets=" + masked(keys.size()) + ", tolerance=" + tolerance + "}";
  }

  private static String masked(int count) {
    return "[" + String.join(", ", Collections.nCopies(count, WebhookSecret.MASKED)) + "]";
  }

  /** Builds a {@link WebhookVerifier}. */
  public static final class Builder {
    private final List<byte[]> keys = new ArrayList<>();
    private Duration tolerance = DEFAULT_TOLERANCE;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    private Builder(WebhookVerifier verifier) {
      this.keys.addAll(verifier.keys);
      this.tolerance = verifier.tolerance;
      this.clock = verifier.clock;
    }

    /**
     * Adds a secret, {@code whsec_<base64>} as given when the endpoint was created. Add several
     * while rotating: a delivery signed with any of them passes.
     *
     * @throws WebhookVerificationException ({@link Reason#MALFORMED_SECRET}) if it is not of that
     *     form; the message does not repeat it
     */
    public Builder secret(String secret) {
      keys.add(WebhookSecret.key(secret));
      return this;
    }

    /**
     * Replaces all secrets with {@code secrets}, for example to drop a rotated-out one from a
     * {@link WebhookVerifier#newBuilder()}.
     *
     * @throws WebhookVerificationException ({@link Reason#MALFORMED_SECRET}) if one is malformed;
     *     the secrets are then left as they were
     */
    public Builder secrets(Collection<String> secrets) {
      List<byte[]> replaced = new ArrayList<>();
      for (String secret : Objects.requireNonNull(secrets, "secrets")) {
        replaced.add(WebhookSecret.key(secret));
      }
      keys.clear();
      keys.addAll(replaced);
      return this;
    }

    /**
     * How far a delivery's timestamp may be from the clock, in either direction, to allow for
     * delivery delays and clock skew; {@link #DEFAULT_TOLERANCE} unless set. Deliveries exactly at
     * the limit pass. Shorter narrows the window for replaying a captured delivery.
     *
     * @throws IllegalArgumentException unless positive
     */
    public Builder tolerance(Duration tolerance) {
      Objects.requireNonNull(tolerance, "tolerance");
      if (tolerance.isNegative() || tolerance.isZero()) {
        throw new IllegalArgumentException("The tolerance must be a positive duration");
      }
      this.tolerance = tolerance;
      return this;
    }

    /** The clock timestamps are checked against; the system clock unless set (tests fix it). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @throws IllegalStateException if no secret was given
     */
    public WebhookVerifier build() {
      if (keys.isEmpty()) {
        throw new IllegalStateException("A webhook verifier needs at least one secret");
      }
      return new WebhookVerifier(this);
    }

    @Override
    public String toString() {
      return "WebhookVerifier.Builder{secrets=" + masked(keys.size()) + ", tolerance=" + tolerance + "}";
    }
  }
}
