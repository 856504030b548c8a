package dev.settle.banktransfer;

import dev.settle.exception.ValidationException.Reason;
import dev.settle.exception.ValidationException.Violation;
import dev.settle.exception.ValidationException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * A Business Identifier Code (ISO 9362, the "SWIFT code") of the payee's bank, checked.
 *
 * <p>8 or 11 characters: a 4-letter bank code, the 2-letter ISO 3166 country code of the bank,
 * a 2-character location code and, optionally, a 3-character branch code. {@code COBADEFFXXX}
 * and {@code COBADEFF} both name the bank's primary office; they are kept as written and are not
 * equal to each other, because a BIC is copied, not compared.
 *
 * <p>{@link #of} accepts what a person types; {@link #parse} only the electronic form (upper
 * case, no spaces); {@link #check} and {@link #isValid} say what {@link #of} would, without
 * throwing.
 */
@Value.Immutable
public abstract class Bic {
  private static final String PARAM = "bic";
  /** ISO 3166 alpha-2 codes, plus XK (Kosovo), which SWIFT uses though ISO has not assigned it. */
  private static final Set<String> COUNTRIES = countries();

  Bic() {}

  /** {@return the BIC, upper case and without spaces, such as {@code COBADEFFXXX}} */
  @Value.Parameter
  public abstract String value();

  /**
   * Returns the BIC written in {@code text}; spaces are ignored and lower case is accepted.
   *
   * @param text the BIC as a person types it
   * @return the BIC
   * @throws ValidationException with param {@code bic}, saying what is wrong: nothing given
   *     ({@link Reason#REQUIRED}), the length, 8 or 11 ({@link Reason#LENGTH}), a character that
   *     is neither a letter nor a digit, or a bank or country code that is not letters ({@link
   *     Reason#FORMAT}), or a country code that is not an ISO 3166 country ({@link
   *     Reason#UNSUPPORTED})
   */
  public static Bic of(String text) {
    String bic = Mod97.normalise(text);
    return ImmutableBic.of(Mod97.checked(bic, violation(bic)));
  }

  /**
   * Returns the BIC in {@code text}, which must be in its electronic form, upper case and without
   * spaces; for what a person types, use {@link #of}.
   *
   * @param text the BIC in its electronic form
   * @return the BIC
   * @throws ValidationException with param {@code bic}: {@link Reason#FORMAT} for a space or a
   *     lower-case letter, and otherwise as {@link #of}
   */
  public static Bic parse(String text) {
    return ImmutableBic.of(
        Mod97.checked(text, Mod97.notElectronic(text, PARAM, "A BIC", "Bic.of"), violation(text)));
  }

  /**
   * What is wrong with the BIC written in {@code text}, as {@link #of} would report it; empty when
   * it is valid. Never throws.
   *
   * @param text the BIC as a person types it
   * @return the violation, or empty
   */
  public static Optional<Violation> check(@Nullable String text) {
    return Optional.ofNullable(violation(Mod97.normalise(text)));
  }

  /**
   * Whether {@link #of} accepts {@code text}; never throws.
   *
   * @param text the BIC as a person types it
   * @return whether it is valid
   */
  public static boolean isValid(@Nullable String text) {
    return violation(Mod97.normalise(text)) == null;
  }

  /** {@return the bank code, the first four letters: {@code COBA}} */
  public String bankCode() {
    return value().substring(0, 4);
  }

  /** {@return the bank's ISO 3166 country code: {@code DE}} */
  public String countryCode() {
    return value().substring(4, 6);
  }

  /** {@return the location code: {@code FF}} */
  public String locationCode() {
    return value().substring(6, 8);
  }

  /** {@return the branch code of an 11-character BIC ({@code XXX} is the primary office)} */
  public Optional<String> branchCode() {
    return value().length() == 11 ? Optional.of(value().substring(8)) : Optional.empty();
  }

  @Override
  public String toString() {
    return value();
  }

  /** What is wrong with {@code bic} (normalised); null when nothing is. */
  private static Violation violation(String bic) {
    if (bic == null || bic.isEmpty()) {
      return invalid(Reason.REQUIRED, "A BIC is required");
    }
    if (bic.length() != 8 && bic.length() != 11) {
      return invalid(Reason.LENGTH, "A BIC has 8 or 11 characters; this one has " + bic.length());
    }
    for (int i = 0; i < bic.length(); i++) {
      if (!Mod97.isAsciiLetterOrDigit(bic.charAt(i))) {
        return invalid(Reason.FORMAT, "A BIC has only letters and digits; character " + (i + 1)
            + " is " + Mod97.describe(bic.charAt(i)));
      }
    }
    for (int i = 0; i < 6; i++) {
      char c = bic.charAt(i);
      if (c < 'A' || c > 'Z') {
        return invalid(Reason.FORMAT, i < 4
            ? "A BIC starts with a four-letter bank code; character " + (i + 1) + " is '" + c + "'"
            : "Characters 5 and 6 of a BIC are the bank's country code, two letters");
      }
    }
    String country = bic.substring(4, 6);
    if (!COUNTRIES.contains(country)) {
      return invalid(Reason.UNSUPPORTED, "Unknown country " + country + " in the BIC (characters "
          + "5 and 6): it is not an ISO 3166 country code");
    }
    return null;
  }

  private static Set<String> countries() {
    Set<String> codes = new HashSet<>(Set.of(Locale.getISOCountries()));
    codes.add("XK");
    return Set.copyOf(codes);
  }

  private static Violation invalid(Reason reason, String message) {
    return new Violation(PARAM, reason, message);
  }
}
