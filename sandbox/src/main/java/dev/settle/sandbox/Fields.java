package dev.settle.sandbox;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the fields of one JSON object of a request body, refusing unknown, missing and
 * wrongly-typed ones with the parameter's dotted name ({@code card.number}). Messages describe
 * what is expected and never repeat the value sent, which may be card data.
 */
final class Fields {
  private final Map<String, Object> values;
  private final String prefix;

  private Fields(Map<String, Object> values, String prefix) {
    this.values = values;
    this.prefix = prefix;
  }

  @SuppressWarnings("unchecked")
  static Fields of(Object body) {
    if (!(body instanceof Map)) {
      throw ApiError.invalidJson("The request body must be a JSON object.");
    }
    return new Fields((Map<String, Object>) body, "");
  }

  /** Refuses any field not named; reports the first unknown one in alphabetical order. */
  Fields allowOnly(String... names) {
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(Arrays.asList(names));
    if (!unknown.isEmpty()) {
      throw ApiError.parameterUnknown(prefix + unknown.iterator().next());
    }
    return this;
  }

  String requiredString(String name, Pattern pattern, String expected) {
    String value = optionalString(name, pattern, expected);
    if (value == null) {
      throw ApiError.parameterMissing(prefix + name);
    }
    return value;
  }

  String optionalString(String name, Pattern pattern, String expected) {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String string) || (pattern != null && !pattern.matcher(string).matches())) {
      throw ApiError.parameterInvalid(prefix + name, prefix + name + " must be " + expected + ".");
    }
    return string;
  }

  Boolean optionalBoolean(String name) {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Boolean bool)) {
      throw ApiError.parameterInvalid(prefix + name, prefix + name + " must be true or false.");
    }
    return bool;
  }

  boolean requiredBoolean(String name) {
    Boolean value = optionalBoolean(name);
    if (value == null) {
      throw ApiError.parameterMissing(prefix + name);
    }
    return value;
  }

  int requiredInteger(String name, int min, int max) {
    return (int) requiredLong(name, min, max);
  }

  long requiredLong(String name, long min, long max) {
    Object value = values.get(name);
    if (value == null) {
      throw ApiError.parameterMissing(prefix + name);
    }
    String expected = prefix + name + " must be an integer from " + min + " to " + max + ".";
    if (!(value instanceof BigDecimal number)) {
      throw ApiError.parameterInvalid(prefix + name, expected);
    }
    try {
      long integer = number.longValueExact();
      if (integer < min || integer > max) {
        throw ApiError.parameterInvalid(prefix + name, expected);
      }
      return integer;
    } catch (ArithmeticException e) {
      throw ApiError.parameterInvalid(prefix + name, expected);
    }
  }

  @SuppressWarnings("unchecked")
  Fields requiredObject(String name) {
    Object value = values.get(name);
    if (value == null) {
      throw ApiError.parameterMissing(prefix + name);
    }
    if (!(value instanceof Map)) {
      throw ApiError.parameterInvalid(prefix + name, prefix + name + " must be an object.");
    }
    return new Fields((Map<String, Object>) value, prefix + name + ".");
  }
}
