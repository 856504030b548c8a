package dev.settle.webhooks;

import dev.settle.exception.WebhookVerificationException;
import dev.settle.exception.WebhookVerificationException.Reason;
import java.util.Base64;

/** Reads {@code whsec_<base64>} secrets, and is the one place that decides how they are shown. */
final class WebhookSecret {
  static final String PREFIX = "whsec_";

  /** How every secret is shown: its kind, never any of its characters. */
  static final String MASKED = PREFIX + "****";

  private WebhookSecret() {}

  /**
   * The HMAC key: the base64-decoded part after {@code whsec_}.
   *
   * @throws WebhookVerificationException ({@link Reason#MALFORMED_SECRET}) naming what is wrong,
   *     never the secret itself
   */
  static byte[] key(String secret) {
    if (secret == null) {
      throw malformed("A webhook secret is missing");
    }
    if (!secret.startsWith(PREFIX)) {
      throw malformed("A webhook secret starts with " + PREFIX
          + ", as given when the endpoint was created; this one does not");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      // The decoder's message quotes the offending character; it is not passed on.
      throw malformed("A webhook secret is " + PREFIX + " followed by base64; this one is not base64");
    }
    if (key.length == 0) {
      throw malformed("A webhook secret has no key after " + PREFIX);
    }
    return key;
  }

  private static WebhookVerificationException malformed(String message) {
    return new WebhookVerificationException(Reason.MALFORMED_SECRET, message);
  }
}
