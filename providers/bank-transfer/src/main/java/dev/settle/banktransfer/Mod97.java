package dev.settle.banktransfer;

import dev.settle.exception.ValidationException.Reason;
import dev.settle.exception.ValidationException.Violation;
import dev.settle.exception.ValidationException;
import java.util.List;

/**
 * ISO 7064 MOD 97-10, the check used by IBANs (ISO 13616) and creditor references (ISO 11649):
 * letters count as two digits (A = 10 … Z = 35), and the remainder of the whole number by 97 is
 * computed digit by digit so that no number longer than a {@code long} is ever built.
 *
 * <p>Also the two written forms that IBANs, BICs and references share: the printed one a person
 * types (spaces, lower case) and the electronic one (upper case, no spaces).
 */
final class Mod97 {
  private Mod97() {}

  /** The remainder by 97 of {@code text} (upper-case letters and digits only) read as a number. */
  static int remainder(CharSequence text) {
    int remainder = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        remainder = (remainder * 10 + (c - '0')) % 97;
      } else if (c >= 'A' && c <= 'Z') {
        remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
      } else {
        throw new IllegalArgumentException("Not a letter or digit: " + c);
      }
    }
    return remainder;
  }

  /**
   * The two check digits that make {@code body + prefix + digits} leave a remainder of 1: the
   * value of an IBAN or an RF reference with the check digits moved behind the body.
   */
  static String checkDigits(String body, String prefix) {
    int check = 98 - remainder(body + prefix + "00");
    return check < 10 ? "0" + check : Integer.toString(check);
  }

  /** True when {@code body + prefix + digits} leaves a remainder of 1. */
  static boolean isValid(String body, String prefix, String digits) {
    return remainder(body + prefix + digits) == 1;
  }

  /**
   * Check digits that MOD 97-10 never produces (the computed value is always 02 to 98), but that
   * would still pass the remainder test when they are 97 or 98 in disguise.
   */
  static boolean isNeverIssued(String digits) {
    return digits.equals("00") || digits.equals("01") || digits.equals("99");
  }

  static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /**
   * Removes spaces and upper-cases ASCII letters; other characters are left for the check. Null
   * stays null.
   */
  static String normalise(String input) {
    if (input == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(input.length());
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c == ' ') {
        continue;
      }
      out.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
    }
    return out.toString();
  }

  /**
   * Why {@code text} is not in the electronic form, which a strict parse requires; null when it
   * is (or is null, which the value's own check reports as missing).
   *
   * @param what the value as the message names it, such as {@code An IBAN}
   * @param lenient the method that accepts the printed form, such as {@code Iban.of}
   */
  static Violation notElectronic(String text, String param, String what, String lenient) {
    if (text == null || text.equals(normalise(text))) {
      return null;
    }
    return new Violation(param, Reason.FORMAT, what + " in electronic form has no spaces and no "
        + "lower-case letters; " + lenient + " accepts one as a person types it");
  }

  /** {@code value}, or the {@link ValidationException} of the first violation there is. */
  static String checked(String value, Violation... violations) {
    for (Violation violation : violations) {
      if (violation != null) {
        throw new ValidationException(List.of(violation));
      }
    }
    return value;
  }

  /** {@code value} in groups of four separated by single spaces, as printed on paper. */
  static String groupsOfFour(String value) {
    StringBuilder out = new StringBuilder(value.length() + value.length() / 4);
    for (int i = 0; i < value.length(); i++) {
      if (i > 0 && i % 4 == 0) {
        out.append(' ');
      }
      out.append(value.charAt(i));
    }
    return out.toString();
  }

  /** How a character is named in an error: printable ones quoted, others as a code point. */
  static String describe(char c) {
    return c >= 0x21 && c <= 0x7e ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }
}
