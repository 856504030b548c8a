package dev.settle.spring;

/**
 * A {@code settle.*} property is missing or refused; {@link InvalidSettlePropertyFailureAnalyzer}
 * turns it into a start-up report. The message names the property, never its value.
 */
final class InvalidSettlePropertyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String property;

  InvalidSettlePropertyException(String property, String problem) {
    super(property + ": " + problem);
    this.property = property;
  }

  String property() {
    return property;
  }

  /** The environment variable Spring Boot's relaxed binding reads for the property. */
  String environmentVariable() {
    return property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace("-", "");
  }
}
