package dev.settle.model;

import dev.settle.exception.ValidationException.Reason;
import dev.settle.exception.ValidationException;

/** The one rule for server-issued ids: a known prefix, then 1 to 64 letters or digits. */
final class Ids {
  private Ids() {}

  static String check(String value, String prefix, String param) {
    if (value == null) {
      throw new ValidationException(param, Reason.REQUIRED, "Expected an id of the form " + prefix + "…");
    }
    if (!value.startsWith(prefix)) {
      throw new ValidationException(param, Reason.FORMAT, "Expected an id of the form " + prefix + "…");
    }
    if (value.length() == prefix.length() || value.length() > prefix.length() + 64) {
      throw new ValidationException(param, Reason.LENGTH, "Expected an id of the form " + prefix + "…");
    }
    for (int i = prefix.length(); i < value.length(); i++) {
      char c = value.charAt(i);
      boolean alphanumeric =
          (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!alphanumeric) {
        throw new ValidationException(param, Reason.FORMAT, "Expected an id of the form " + prefix + "…");
      }
    }
    return value;
  }
}
