package dev.settle.sandbox;

import java.util.Locale;

/**
 * Which requests a fault rule applies to: {@code "<METHOD> <path>"}, where the method may be
 * {@code *} for any, a path segment {@code *} matches any one segment, and a last segment
 * {@code **} matches any rest (none included). The pattern
 * {@code "POST /v1/accounts/<star>/invoices/<star>/pay"}, with {@code *} for each star, names every
 * invoice payment.
 */
record FaultRoute(String pattern, String method, String[] segments) {

  static FaultRoute parse(String pattern) {
    if (pattern == null) {
      throw new IllegalArgumentException("A route pattern is \"<METHOD> <path>\", such as \"POST /v1/tokens\"");
    }
    String[] parts = pattern.strip().split(" +");
    if (parts.length != 2 || !parts[0].matches("[A-Za-z]+|\\*") || !parts[1].startsWith("/")) {
      throw new IllegalArgumentException("A route pattern is \"<METHOD> <path>\" with a path starting with /, "
          + "such as \"POST /v1/accounts/*/invoices/*/pay\"; not \"" + pattern + "\"");
    }
    String[] segments = parts[1].split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      if (segments[i].equals("**") && i != segments.length - 1) {
        throw new IllegalArgumentException("** may only end a route pattern: " + pattern);
      }
    }
    return new FaultRoute(parts[0].toUpperCase(Locale.ROOT) + " " + parts[1],
        parts[0].toUpperCase(Locale.ROOT), segments);
  }

  boolean matches(String requestMethod, String path) {
    if (!method.equals("*") && !method.equals(requestMethod)) {
      return false;
    }
    String[] actual = path.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      if (segments[i].equals("**")) {
        return true;
      }
      if (i >= actual.length) {
        return false;
      }
      boolean any = segments[i].equals("*") && !actual[i].isEmpty();
      if (!any && !segments[i].equals(actual[i])) {
        return false;
      }
    }
    return actual.length == segments.length;
  }
}
