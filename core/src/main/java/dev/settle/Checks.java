package dev.settle;

import dev.settle.exception.ValidationException;
import org.jspecify.annotations.Nullable;

/** The one rule for a missing argument: a {@link ValidationException} naming the parameter, before any request. */
final class Checks {
  private Checks() {}

  static <T> T required(@Nullable T value, String param) {
    if (value == null) {
      throw new ValidationException(param, param + " is required");
    }
    return value;
  }

  static RequestOptions options(@Nullable RequestOptions options) {
    return required(options, "options");
  }
}
