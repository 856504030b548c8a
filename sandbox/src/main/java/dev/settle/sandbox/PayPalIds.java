package dev.settle.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** PayPal's shapes of ids, and the query it adds to the URLs it sends a payer back to. */
final class PayPalIds {
  /** PayPal's payer ids: upper-case letters and digits without 0, 1, I and O, which read alike. */
  private static final String PAYER_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

  private PayPalIds() {}

  /** 13 characters of {@code [2-9A-HJ-NP-Z]}, as PayPal's {@code payer_id}. */
  static String payerId(Ids ids) {
    return ids.draw(PAYER_ALPHABET, 13);
  }

  static String approvalTokenId(Ids ids) {
    return ids.draw(PAYER_ALPHABET, 17);
  }

  /** {@code url} with query parameters added after any it has, before any fragment. */
  static String withQuery(String url, String... namesAndValues) {
    int hash = url.indexOf('#');
    String base = hash < 0 ? url : url.substring(0, hash);
    String fragment = hash < 0 ? "" : url.substring(hash);
    StringBuilder result = new StringBuilder(base);
    char separator = base.contains("?") ? '&' : '?';
    if (base.endsWith("?") || base.endsWith("&")) {
      separator = 0;
    }
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (separator != 0) {
        result.append(separator);
      }
      result.append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
      separator = '&';
    }
    return result.append(fragment).toString();
  }
}
