package dev.settle.webhooks;

import dev.settle.exception.WebhookVerificationException.Reason;
import dev.settle.exception.ValidationException;
import dev.settle.exception.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads webhook secrets and signs with them, and is the one place that decides how they are
 * shown.
 */
final class WebhookSecret {
  static final String PREFIX = "whsec_";

  /** How every secret is shown: its kind, never any of its characters. */
  static final String MASKED = PREFIX + "****";

  private static final String ALGORITHM = "HmacSHA256";

  private WebhookSecret() {}

  /**
   * The HMAC key: the base64-decoded secret, after {@code whsec_} when it has that prefix. A bare
   * base64 secret is read as the Standard Webhooks reference libraries read it; base64 has no
   * {@code _}, so the two forms cannot be confused.
   *
   * @throws WebhookVerificationException ({@link Reason#MALFORMED_SECRET}) naming what is wrong,
   *     never the secret itself
   */
  static byte[] key(String secret) {
    ValidationException.required(secret, "secret");
    String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
    byte[] key;
    try {
      key = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      // The decoder's message quotes the offending character; it is not passed on.
      throw malformed("A webhook secret is base64, with or without the " + PREFIX
          + " prefix given when the endpoint was created; this one is not base64");
    }
    if (key.length == 0) {
      throw malformed("A webhook secret has no key" + (encoded.isEmpty() && !secret.isEmpty()
          ? " after " + PREFIX : ""));
    }
    return key;
  }

  /** The HMAC-SHA256 of {@code "<id>.<timestamp>.<body>"} under {@code key}. */
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

  private static WebhookVerificationException malformed(String message) {
    return new WebhookVerificationException(Reason.MALFORMED_SECRET, message);
  }
}
