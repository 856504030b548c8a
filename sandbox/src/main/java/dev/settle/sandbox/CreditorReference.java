package dev.settle.sandbox;

import java.util.Locale;

/** ISO 11649 structured creditor references ({@code RF} + two check digits + up to 21 characters). */
final class CreditorReference {
  private CreditorReference() {}

  static String of(String reference) {
    String body = reference.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    if (body.isEmpty() || body.length() > 21) {
      throw new IllegalArgumentException("A creditor reference holds 1 to 21 letters or digits");
    }
    // ISO 7064 MOD 97-10: check digits make (body + "RF" + check) leave remainder 1.
    int check = 98 - mod97(body + "RF00");
    return String.format(Locale.ROOT, "RF%02d%s", check, body);
  }

  static boolean isValid(String creditorReference) {
    String compact = creditorReference.replace(" ", "").toUpperCase(Locale.ROOT);
    return compact.matches("RF[0-9]{2}[A-Z0-9]{1,21}")
        && mod97(compact.substring(4) + compact.substring(0, 4)) == 1;
  }

  /** The remainder mod 97 of the number formed by writing digits as-is and letters A=10 … Z=35. */
  static int mod97(String alphanumeric) {
    int remainder = 0;
    for (char c : alphanumeric.toCharArray()) {
      int value = Character.digit(c, 36);
      if (value < 0) {
        throw new IllegalArgumentException("Not a letter or digit: " + c);
      }
      remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
    }
    return remainder;
  }
}
