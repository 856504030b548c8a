package dev.settle.banktransfer;

import dev.settle.exception.ValidationException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A Business Identifier Code (ISO 9362, the "SWIFT code") of the payee's bank, checked.
 *
 * <p>8 or 11 characters: a 4-letter bank code, the 2-letter ISO 3166 country code of the bank,
 * a 2-character location code and, optionally, a 3-character branch code. {@code COBADEFFXXX}
 * and {@code COBADEFF} both name the bank's primary office; they are kept as written and are not
 * equal to each other, because a BIC is copied, not compared.
 */
@Value.Immutable
public abstract class Bic {
  /** ISO 3166 alpha-2 codes, plus XK (Kosovo), which SWIFT uses though ISO has not assigned it. */
  private static final Set<String> COUNTRIES = countries();

  Bic() {}

  /** The BIC, upper case and without spaces, such as {@code COBADEFFXXX}. */
  @Value.Parameter
  public abstract String value();

  /**
   * Returns the BIC written in {@code text}; spaces are ignored and lower case is accepted.
   *
   * @throws ValidationException with param {@code bic}, saying what is wrong: the length (8 or
   *     11), a character that is neither a letter nor a digit, a bank code that is not four
   *     letters, or a country code that is not an ISO 3166 country
   */
  public static Bic of(String text) {
    return ImmutableBic.of(check(text));
  }

  /** The bank code, the first four letters: {@code COBA}. */
  public String bankCode() {
    return value().substring(0, 4);
  }

  /** The bank's ISO 3166 country code: {@code DE}. */
  public String countryCode() {
    return value().substring(4, 6);
  }

  /** The location code: {@code FF}. */
  public String locationCode() {
    return value().substring(6, 8);
  }

  /** The branch code of an 11-character BIC ({@code XXX} is the primary office). */
  public Optional<String> branchCode() {
    return value().length() == 11 ? Optional.of(value().substring(8)) : Optional.empty();
  }

  @Override
  public String toString() {
    return value();
  }

  static String check(String text) {
    if (text == null) {
      throw invalid("A BIC is required");
    }
    String bic = Mod97.normalise(text);
    if (bic.length() != 8 && bic.length() != 11) {
      throw invalid("A BIC has 8 or 11 characters; this one has " + bic.length());
    }
    for (int i = 0; i < bic.length(); i++) {
      if (!Mod97.isAsciiLetterOrDigit(bic.charAt(i))) {
        throw invalid("A BIC has only letters and digits; character " + (i + 1) + " is "
            + Mod97.describe(bic.charAt(i)));
      }
    }
    for (int i = 0; i < 6; i++) {
      char c = bic.charAt(i);
      if (c < 'A' || c > 'Z') {
        throw invalid(i < 4
            ? "A BIC starts with a four-letter bank code; character " + (i + 1) + " is '" + c + "'"
            : "Characters 5 and 6 of a BIC are the bank's country code, two letters");
      }
    }
    String country = bic.substring(4, 6);
    if (!COUNTRIES.contains(country)) {
      throw invalid("Unknown country " + country + " in the BIC (characters 5 and 6): it is not "
          + "an ISO 3166 country code");
    }
    return bic;
  }

  private static Set<String> countries() {
    Set<String> codes = new HashSet<>(Set.of(Locale.getISOCountries()));
    codes.add("XK");
    return Set.copyOf(codes);
  }

  private static ValidationException invalid(String message) {
    return new ValidationException("bic", message);
  }
}
