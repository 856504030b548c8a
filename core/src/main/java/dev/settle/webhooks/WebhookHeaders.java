package dev.settle.webhooks;

import dev.settle.exception.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The header forms a verifier reads, each turned into one lookup by name: a server's
 * multi-valued map, or the three values given one by one.
 */
final class WebhookHeaders {
  private WebhookHeaders() {}

  /**
   * A lookup in {@code headers}, names matched ignoring case: the first non-blank value, except
   * for {@code webhook-signature}, whose values are joined with spaces into one list.
   */
  static Function<String, String> of(Map<String, List<String>> headers) {
    ValidationException.required(headers, "headers");
    return name -> name.equals(WebhookVerifier.SIGNATURE_HEADER)
        ? all(headers, name)
        : first(headers, name);
  }

  /** A lookup of the three headers' values. */
  static Function<String, String> of(String id, String timestamp, String signature) {
    return name -> {
      switch (name) {
        case WebhookVerifier.ID_HEADER:
          return id;
        case WebhookVerifier.TIMESTAMP_HEADER:
          return timestamp;
        default:
          return signature;
      }
    };
  }

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

  private static String all(Map<String, List<String>> headers, String name) {
    String joined =
        headers.entrySet().stream()
            .filter(header -> name.equalsIgnoreCase(header.getKey()) && header.getValue() != null)
            .flatMap(header -> header.getValue().stream())
            .filter(Objects::nonNull)
            .collect(Collectors.joining(" "));
    return joined.isEmpty() ? null : joined;
  }
}
