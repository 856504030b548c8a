package dev.settle.sandbox;

import java.util.regex.Pattern;

/** Keeps anything that looks like a card number out of text the sandbox echoes back. */
final class Redaction {
  // Customer ids have at most 12 digits; card numbers at least 13 in practice.
  private static final Pattern LONG_DIGIT_RUN = Pattern.compile("[0-9]{13,}");

  private Redaction() {}

  static String mask(String text) {
    return LONG_DIGIT_RUN.matcher(text).replaceAll("[redacted]");
  }
}
