package dev.settle.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing, the sandbox's own: a secret is {@code whsec_<base64 of 24 random
 * bytes>}; a delivery's {@code webhook-signature} is {@code v1,<base64 HMAC-SHA256>} of
 * {@code "<webhook-id>.<webhook-timestamp>.<body>"} keyed with the secret's decoded bytes.
 */
final class WebhookSignature {
  static final String SECRET_PREFIX = "whsec_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSignature() {}

  /** A fresh key, 24 random bytes. */
  static byte[] newKey() {
    byte[] key = new byte[24];
    RANDOM.nextBytes(key);
    return key;
  }

  /** The secret as the endpoint's creator is shown it, once. */
  static String secret(byte[] key) {
    return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The {@code webhook-signature} header value for one delivery attempt. */
  static String sign(byte[] key, String id, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      mac.update(body);
      return "v1," + Base64.getEncoder().encodeToString(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
