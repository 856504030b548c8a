package dev.settle.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
  /** An email address, loosely: something, an {@code @}, something, without spaces. */
  static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}");
  private static final Pattern INSTANT = Pattern.compile("(?s).{1,40}");

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

  /** An array of at most {@code max} whole numbers, each from {@code min} to {@code maxValue}. */
  List<Long> requiredLongs(String name, int max, long min, long maxValue) {
    Object value = values.get(name);
    if (value == null) {
      throw ApiError.parameterMissing(prefix + name);
    }
    String expected = prefix + name + " must be an array of at most " + max + " integers from " + min + " to "
        + maxValue + ".";
    if (!(value instanceof List<?> list) || list.size() > max) {
      throw ApiError.parameterInvalid(prefix + name, expected);
    }
    List<Long> numbers = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof BigDecimal number)) {
        throw ApiError.parameterInvalid(prefix + name, expected);
      }
      try {
        long integer = number.longValueExact();
        if (integer < min || integer > maxValue) {
          throw ApiError.parameterInvalid(prefix + name, expected);
        }
        numbers.add(integer);
      } catch (ArithmeticException e) {
        throw ApiError.parameterInvalid(prefix + name, expected);
      }
    }
    return numbers;
  }

  boolean has(String name) {
    return values.get(name) != null;
  }

  /** Which of {@code names} the object holds (not null), in the order named. */
  List<String> present(String... names) {
    return Arrays.stream(names).filter(this::has).toList();
  }

  /** {@code 2026-11-26} (the start of that day, UTC) or a full RFC 3339 timestamp; null when absent. */
  Instant optionalInstant(String name) {
    String text = optionalString(name, INSTANT, "a date or an RFC 3339 timestamp");
    if (text == null) {
      return null;
    }
    try {
      return text.length() == 10
          ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
          : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiError.parameterInvalid(prefix + name,
          prefix + name + " must be a date such as 2026-11-26 or an RFC 3339 timestamp.");
    }
  }

  /** An array of 1 to {@code max} objects, each read by its own {@code Fields} ({@code lines.0.amount}). */
  @SuppressWarnings("unchecked")
  List<Fields> requiredObjects(String name, int max) {
    Object value = values.get(name);
    if (value == null) {
      throw ApiError.parameterMissing(prefix + name);
    }
    if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > max) {
      throw ApiError.parameterInvalid(prefix + name, prefix + name + " must be an array of 1 to " + max + " objects.");
    }
    List<Fields> items = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map)) {
        throw ApiError.parameterInvalid(prefix + name + "." + i, prefix + name + "." + i + " must be an object.");
      }
      items.add(new Fields((Map<String, Object>) list.get(i), prefix + name + "." + i + "."));
    }
    return items;
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
