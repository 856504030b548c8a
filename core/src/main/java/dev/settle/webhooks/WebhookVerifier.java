package dev.settle.webhooks;

import static dev.settle.exception.ValidationException.required;

import dev.settle.exception.WebhookVerificationException.Reason;
import dev.settle.exception.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

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
 * <p>A framework that binds the JSON body itself checks only the signature, with {@link
 * #checkSignature}, which returns a {@link SignatureCheck} instead of throwing. Headers are read
 * from a server's multi-valued map ({@code Map<String, List<String>>}) or through a lookup
 * ({@code Function<String, String>}) such as a servlet request's {@code getHeader}, or the map a
 * {@link WebhookSigner} returns ({@code signed::get}).
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

  /** The longest {@code webhook-timestamp} read: 15 digits, beyond any real date. */
  static final int MAX_TIMESTAMP_DIGITS = 15;

  private final List<byte[]> keys;
  private final Duration tolerance;
  private final Clock clock;

  private WebhookVerifier(Builder builder) {
    this.keys = List.copyOf(builder.keys);
    this.tolerance = builder.tolerance;
    this.clock = builder.clock;
  }

  /** {@return a builder with no secret, the default tolerance and the system clock} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return a builder with this verifier's secrets, tolerance and clock, to derive another from}
   */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /**
   * Verifies a delivery and reads its event.
   *
   * @param body the request body, byte for byte as received
   * @param headers the request headers; names are matched ignoring case, and several {@code
   *     webhook-signature} values are read as one list
   * @return the event, typed by its {@code type}
   * @throws WebhookVerificationException when the delivery must not be trusted or is not an event;
   *     {@code reason()} says which
   */
  public WebhookEvent verify(byte[] body, Map<String, List<String>> headers) {
    return verify(body, WebhookHeaders.of(headers));
  }

  /**
   * Like {@link #verify(byte[], Map)}, for a body held as text; it is signed as its UTF-8 bytes.
   *
   * @param body the request body as text
   * @param headers the request headers, read as {@link #verify(byte[], Map)} reads them
   * @return the event, typed by its {@code type}
   */
  public WebhookEvent verify(String body, Map<String, List<String>> headers) {
    return verify(utf8(body), headers);
  }

  /**
   * Verifies a delivery whose headers are read through {@code headers}, and reads its event.
   *
   * @param body the request body, byte for byte as received
   * @param headers returns the value of the header it is given the name of, or null; it is asked
   *     for {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature} in lower
   *     case, so give it a lookup that ignores case, as servers' lookups do: a servlet request's
   *     {@code getHeader}, Spring's {@code HttpHeaders::getFirst}, the JDK server's {@code
   *     Headers::getFirst}; or a {@link WebhookSigner}'s map, {@code signed::get}
   * @return the event, typed by its {@code type}
   * @throws WebhookVerificationException when the delivery must not be trusted or is not an event;
   *     {@code reason()} says which
   */
  public WebhookEvent verify(byte[] body, Function<String, String> headers) {
    checkSignature(body, headers).orThrow();
    return EventParser.parse(body);
  }

  /**
   * Like {@link #verify(byte[], Function)}, for a body held as text; it is signed as its UTF-8
   * bytes.
   *
   * @param body the request body as text
   * @param headers returns the value of the named header, or null
   * @return the event, typed by its {@code type}
   */
  public WebhookEvent verify(String body, Function<String, String> headers) {
    return verify(utf8(body), headers);
  }

  /**
   * Verifies a delivery given the values of its three headers, and reads its event.
   *
   * @param body the request body, byte for byte as received
   * @param id the {@code webhook-id} header; null when the request has none
   * @param timestamp the {@code webhook-timestamp} header; null when the request has none
   * @param signature the {@code webhook-signature} header; null when the request has none
   * @return the event, typed by its {@code type}
   * @throws WebhookVerificationException when the delivery must not be trusted or is not an event,
   *     a missing header included; {@code reason()} says which
   */
  public WebhookEvent verify(byte[] body, @Nullable String id, @Nullable String timestamp,
      @Nullable String signature) {
    return verify(body, WebhookHeaders.of(id, timestamp, signature));
  }

  /**
   * Like {@link #verify(byte[], String, String, String)}, for a body held as text; it is signed as
   * its UTF-8 bytes.
   *
   * @param body the request body as text
   * @param id the {@code webhook-id} header
   * @param timestamp the {@code webhook-timestamp} header
   * @param signature the {@code webhook-signature} header
   * @return the event, typed by its {@code type}
   */
  public WebhookEvent verify(String body, @Nullable String id, @Nullable String timestamp,
      @Nullable String signature) {
    return verify(utf8(body), id, timestamp, signature);
  }

  /**
   * Checks a delivery's signature and timestamp only, without reading the body: for frameworks
   * that bind the JSON themselves. Never throws for a delivery that fails; the result says why.
   *
   * @param body the request body, byte for byte as received
   * @param headers the request headers, read as {@link #verify(byte[], Map)} reads them
   * @return the check's result
   */
  public SignatureCheck checkSignature(byte[] body, Map<String, List<String>> headers) {
    return checkSignature(body, WebhookHeaders.of(headers));
  }

  /**
   * Like {@link #checkSignature(byte[], Map)}, with the headers read through a lookup, as {@link
   * #verify(byte[], Function)} reads them.
   *
   * @param body the request body, byte for byte as received
   * @param headers returns the value of the named header, or null
   * @return the check's result
   */
  public SignatureCheck checkSignature(byte[] body, Function<String, String> headers) {
    required(body, "body");
    required(headers, "headers");
    String id = headers.apply(ID_HEADER);
    String timestamp = headers.apply(TIMESTAMP_HEADER);
    String signature = headers.apply(SIGNATURE_HEADER);
    for (String[] header : new String[][] {
        {ID_HEADER, id}, {TIMESTAMP_HEADER, timestamp}, {SIGNATURE_HEADER, signature}}) {
      if (header[1] == null || header[1].isBlank()) {
        return SignatureCheck.refused(Reason.MISSING_HEADER, "Header " + header[0] + " is missing");
      }
    }
    id = id.strip();
    timestamp = timestamp.strip();
    if (!isSeconds(timestamp)) {
      return SignatureCheck.refused(Reason.MALFORMED_TIMESTAMP,
          "Header " + TIMESTAMP_HEADER + " is not a number of seconds since the Unix epoch");
    }
    Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
    SignatureCheck refusal = timestampRefusal(signedAt);
    if (refusal == null) {
      refusal = signatureRefusal(id, timestamp, body, signature.strip());
    }
    return refusal == null ? SignatureCheck.passed(id, signedAt) : refusal;
  }

  /** {@return how far a delivery's timestamp may be from the clock, in either direction} */
  public Duration tolerance() {
    return tolerance;
  }

  /**
   * Digits only (no sign, no fraction), and few enough that they fit in a long and an Instant; a
   * timestamp in milliseconds passes here and is then refused as far in the future.
   */
  static boolean isSeconds(String value) {
    return value.length() <= MAX_TIMESTAMP_DIGITS
        && value.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private SignatureCheck timestampRefusal(Instant signedAt) {
    Instant now = clock.instant();
    Duration age = Duration.between(signedAt, now);
    if (age.compareTo(tolerance) > 0) {
      return SignatureCheck.refused(
          Reason.TIMESTAMP_TOO_OLD,
          "The delivery was signed at " + signedAt + ", " + age.getSeconds() + " s before now (" + now
              + "); the tolerance is " + tolerance.getSeconds() + " s");
    }
    if (age.negated().compareTo(tolerance) > 0) {
      return SignatureCheck.refused(
          Reason.TIMESTAMP_IN_FUTURE,
          "The delivery claims to be signed at " + signedAt + ", " + age.negated().getSeconds()
              + " s after now (" + now + "); the tolerance is " + tolerance.getSeconds() + " s");
    }
    return null;
  }

  private SignatureCheck signatureRefusal(String id, String timestamp, byte[] body, String header) {
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
      return SignatureCheck.refused(
          Reason.NO_VALID_SIGNATURE, "Header " + SIGNATURE_HEADER + " holds no v1 signature");
    }
    for (byte[] key : keys) {
      byte[] expected = WebhookSecret.sign(key, id, timestamp, body);
      for (byte[] candidate : candidates) {
        if (MessageDigest.isEqual(expected, candidate)) {
          return null;
        }
      }
    }
    return SignatureCheck.refused(
        Reason.NO_VALID_SIGNATURE,
        "None of the " + candidates.size() + " v1 signature(s) matches the body under any of the "
            + keys.size() + " secret(s)");
  }

  private static byte[] utf8(String body) {
    return required(body, "body").getBytes(StandardCharsets.UTF_8);
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
     * Adds a secret, {@code whsec_<base64>} as given when the endpoint was created, or the bare
     * base64 after the prefix, as the Standard Webhooks libraries accept it. Add several while
     * rotating: a delivery signed with any of them passes.
     *
     * @param secret the secret, with or without its {@code whsec_} prefix
     * @return this builder
     * @throws WebhookVerificationException ({@link Reason#MALFORMED_SECRET}) if it is not base64;
     *     the message does not repeat it
     */
    public Builder secret(String secret) {
      keys.add(WebhookSecret.key(secret));
      return this;
    }

    /**
     * Replaces all secrets with {@code secrets}, for example to drop a rotated-out one from a
     * {@link WebhookVerifier#newBuilder()}.
     *
     * @param secrets the secrets, each with or without its {@code whsec_} prefix
     * @return this builder
     * @throws WebhookVerificationException ({@link Reason#MALFORMED_SECRET}) if one is malformed;
     *     the secrets are then left as they were
     */
    public Builder secrets(Collection<String> secrets) {
      List<byte[]> replaced = new ArrayList<>();
      for (String secret : required(secrets, "secrets")) {
        replaced.add(WebhookSecret.key(required(secret, "secrets")));
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
     * @param tolerance a positive duration
     * @return this builder
     * @throws IllegalArgumentException unless positive
     */
    public Builder tolerance(Duration tolerance) {
      if (required(tolerance, "tolerance").isNegative() || tolerance.isZero()) {
        throw new IllegalArgumentException("The tolerance must be a positive duration");
      }
      this.tolerance = tolerance;
      return this;
    }

    /**
     * The clock timestamps are checked against; the system clock unless set (tests fix it).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = required(clock, "clock");
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @return a new verifier
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
