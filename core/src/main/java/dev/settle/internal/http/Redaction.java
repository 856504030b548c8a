package dev.settle.internal.http;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Set;
import okio.Buffer;

/**
 * Masks what must never be written down: card numbers, CVCs, tokens, secrets and API keys, and
 * the pages a customer's browser is sent to, whose query may carry a bank's or a shop's session.
 * The one place that decides which headers and JSON values are secret.
 */
public final class Redaction {
  /** JSON fields whose values are secret wherever they appear. */
  private static final Set<String> SECRET_FIELDS =
      Set.of("cvc", "cvv", "cvc2", "securitycode", "token", "restoretoken", "secret", "apikey",
          "approvaltokenid", "password", "returnurl", "hostedurl");

  /** Objects whose {@code url} is such a page: a payment's {@code next_action}. */
  private static final Set<String> PAGE_HOLDERS = Set.of("nextaction");

  /** Prefixes of values that are secret in any field: tokens and webhook secrets. */
  private static final String[] SECRET_PREFIXES = {"tok_", "whsec_", "sk_"};

  private static final String MASK = "****";

  private Redaction() {}

  /** {@code sk_test_****}: a secret shown only by its prefix, up to an underscore in its first 8 characters. */
  public static String mask(String secret) {
    if (secret == null) {
      return "null";
    }
    int prefixEnd = secret.lastIndexOf('_', Math.min(8, secret.length() - 2));
    return (prefixEnd > 0 ? secret.substring(0, prefixEnd + 1) : "") + MASK;
  }

  /** {@code securityCode}, {@code security_code} and {@code SECURITY-CODE} are one field name. */
  private static String normalised(String name) {
    StringBuilder letters = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        letters.append(Character.toLowerCase(c));
      }
    }
    return letters.toString();
  }

  /** A header value as it may be written down. */
  public static String header(String name, String value) {
    if (name.equalsIgnoreCase("Authorization")) {
      int space = value.indexOf(' ');
      return (space > 0 ? value.substring(0, space + 1) : "") + MASK;
    }
    return secretValue(value) ? MASK : value;
  }

  /**
   * A JSON body as it may be written down: the same JSON with secret values replaced. A body that
   * is not JSON is summarised by its size, since it cannot be searched for secrets field by field.
   */
  public static String json(Buffer body) {
    Buffer out = new Buffer();
    try (JsonReader reader = JsonReader.of(body.clone()); JsonWriter writer = JsonWriter.of(out)) {
      copy(reader, writer, false, "");
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        return "(" + body.size() + "-byte body, not JSON)";
      }
    } catch (IOException | RuntimeException notJson) {
      return "(" + body.size() + "-byte body, not JSON)";
    }
    return out.readUtf8();
  }

  /** Copies the value {@code field} (normalised; empty at the top) holds, masked if {@code secret}. */
  private static void copy(JsonReader reader, JsonWriter writer, boolean secret, String field) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        reader.beginObject();
        writer.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          writer.name(name);
          String normalised = normalised(name);
          boolean page = PAGE_HOLDERS.contains(field) && normalised.equals("url");
          copy(reader, writer, page || SECRET_FIELDS.contains(normalised), normalised);
        }
        reader.endObject();
        writer.endObject();
        break;
      case BEGIN_ARRAY:
        reader.beginArray();
        writer.beginArray();
        while (reader.hasNext()) {
          copy(reader, writer, secret, field);
        }
        reader.endArray();
        writer.endArray();
        break;
      case NULL:
        writer.value((String) reader.nextNull());
        break;
      case BOOLEAN:
        boolean flag = reader.nextBoolean();
        if (secret) {
          writer.value(MASK);
        } else {
          writer.value(flag);
        }
        break;
      case NUMBER:
        String number = reader.nextString();
        if (secret || secretValue(number)) {
          writer.value(MASK);
        } else {
          writer.value(new BigDecimal(number));
        }
        break;
      default:
        String value = reader.nextString();
        writer.value(secret || secretValue(value) ? MASK : value);
    }
  }

  /** Tokens, secrets and anything shaped like a card number (12 to 19 digits). */
  private static boolean secretValue(String value) {
    String digits = value.replace(" ", "").replace("-", "");
    if (digits.length() >= 12 && digits.length() <= 19 && digits.chars().allMatch(Character::isDigit)) {
      return true;
    }
    for (String prefix : SECRET_PREFIXES) {
      if (value.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
