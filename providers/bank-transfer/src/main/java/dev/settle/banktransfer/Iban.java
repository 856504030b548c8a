package dev.settle.banktransfer;

import dev.settle.banktransfer.IbanCountries.IbanCountry;
import dev.settle.exception.ValidationException.Reason;
import dev.settle.exception.ValidationException.Violation;
import dev.settle.exception.ValidationException;
import java.util.Optional;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * An International Bank Account Number (ISO 13616), checked.
 *
 * <pre>{@code
 * Iban iban = Iban.of("de89 3704 0044 0532 0130 00");
 * iban.value();      // DE89370400440532013000
 * iban.printable();  // DE89 3704 0044 0532 0130 00
 * }</pre>
 *
 * <p>{@link #of} accepts spaces and lower case, as people type and print IBANs, and keeps the
 * electronic form: upper case, no spaces. {@link #parse} accepts only the electronic form, for
 * IBANs read from files and other systems; {@link #check} and {@link #isValid} say what
 * {@link #of} would, without throwing. Each checks, in this order, that only letters and digits
 * are used, that the country issues IBANs (the SWIFT registry, 89 countries), that the IBAN has
 * that country's length and its account part that country's structure, and the two check digits
 * (ISO 7064 MOD 97-10). The check digits catch every single mistyped digit and every
 * letter typed for another letter; see {@link #of} for the one kind of typo they cannot catch.
 */
@Value.Immutable
public abstract class Iban {
  private static final String PARAM = "iban";

  Iban() {}

  /**
   * {@return the IBAN in its electronic form: upper case, no spaces, such as
   * {@code DE89370400440532013000}}
   */
  @Value.Parameter
  public abstract String value();

  /**
   * Returns the IBAN written in {@code text}, as a person types or prints it: spaces are ignored
   * and lower case is accepted.
   *
   * <p>Letters typed for digits (or digits for letters) are refused where the country's account
   * structure allows only one of them. Where it allows both, as in the middle of French or
   * Italian account numbers, MOD 97-10 misses about one such swap in 97: no IBAN check can do
   * better without asking the bank.
   *
   * @param text the IBAN as a person types it
   * @return the IBAN
   * @throws ValidationException with param {@code iban}, saying what is wrong: nothing given
   *     ({@link Reason#REQUIRED}), a character that is neither a letter nor a digit or one the
   *     country's structure does not allow there ({@link Reason#FORMAT}), a country that issues no
   *     IBANs ({@link Reason#UNSUPPORTED}), the wrong length for the country, expected and actual
   *     ({@link Reason#LENGTH}), or check digits that do not match ({@link Reason#CHECKSUM})
   */
  public static Iban of(String text) {
    String iban = Mod97.normalise(text);
    return ImmutableIban.of(Mod97.checked(iban, violation(iban)));
  }

  /**
   * Returns the IBAN in {@code text}, which must be in its electronic form, upper case and
   * without spaces, as in a file or a message from another system; for what a person types, use
   * {@link #of}.
   *
   * @param text the IBAN in its electronic form
   * @return the IBAN
   * @throws ValidationException with param {@code iban}: {@link Reason#FORMAT} for a space or a
   *     lower-case letter, and otherwise as {@link #of}
   */
  public static Iban parse(String text) {
    return ImmutableIban.of(
        Mod97.checked(text, Mod97.notElectronic(text, PARAM, "An IBAN", "Iban.of"), violation(text)));
  }

  /**
   * What is wrong with the IBAN written in {@code text}, as {@link #of} would report it; empty
   * when it is valid. Never throws.
   *
   * @param text the IBAN as a person types it
   * @return the violation, or empty
   */
  public static Optional<Violation> check(@Nullable String text) {
    return Optional.ofNullable(violation(Mod97.normalise(text)));
  }

  /**
   * Whether {@link #of} accepts {@code text}; never throws.
   *
   * @param text the IBAN as a person types it
   * @return whether it is valid
   */
  public static boolean isValid(@Nullable String text) {
    return violation(Mod97.normalise(text)) == null;
  }

  /** {@return the ISO 3166 country code, the first two letters: {@code DE}} */
  public String countryCode() {
    return value().substring(0, 2);
  }

  /** {@return the two check digits after the country code: {@code 89}} */
  public String checkDigits() {
    return value().substring(2, 4);
  }

  /**
   * {@return the Basic Bank Account Number, the country-specific rest: {@code 370400440532013000}}
   */
  public String bban() {
    return value().substring(4);
  }

  /**
   * {@return the IBAN in groups of four, as printed for people: {@code DE89 3704 0044 0532 0130
   * 00}}
   */
  public String printable() {
    return Mod97.groupsOfFour(value());
  }

  /** The electronic form, {@link #value()}. */
  @Override
  public String toString() {
    return value();
  }

  /** What is wrong with {@code iban} (normalised); null when nothing is. */
  private static Violation violation(String iban) {
    if (iban == null || iban.isEmpty()) {
      return invalid(Reason.REQUIRED, "An IBAN is required");
    }
    for (int i = 0; i < iban.length(); i++) {
      char c = iban.charAt(i);
      if (!Mod97.isAsciiLetterOrDigit(c)) {
        return invalid(Reason.FORMAT, "An IBAN has only letters and digits (spaces are ignored); "
            + "character " + (i + 1) + " is " + Mod97.describe(c));
      }
    }
    if (iban.length() < 2 || !isLetter(iban.charAt(0)) || !isLetter(iban.charAt(1))) {
      return invalid(Reason.FORMAT, "An IBAN starts with a two-letter country code");
    }
    String countryCode = iban.substring(0, 2);
    IbanCountry country = IbanCountries.find(countryCode).orElse(null);
    if (country == null) {
      return invalid(Reason.UNSUPPORTED, "Unknown country " + countryCode
          + ": it is not in the IBAN registry (ISO 13616), so no IBAN starts with it");
    }
    if (iban.length() != country.length()) {
      return invalid(Reason.LENGTH, "An IBAN of " + country + " has " + country.length()
          + " characters; this one has " + iban.length());
    }
    if (!isDigit(iban.charAt(2)) || !isDigit(iban.charAt(3))) {
      return invalid(Reason.FORMAT, "The third and fourth characters of an IBAN are check digits");
    }
    for (int i = 4; i < iban.length(); i++) {
      if (!country.allows(i - 4, iban.charAt(i))) {
        return invalid(Reason.FORMAT, "Character " + (i + 1) + " of an IBAN of " + country
            + " must be " + country.kindAt(i - 4) + " (account structure " + country.structure()
            + "), not " + Mod97.describe(iban.charAt(i)));
      }
    }
    String digits = iban.substring(2, 4);
    if (Mod97.isNeverIssued(digits) || !Mod97.isValid(iban.substring(4), countryCode, digits)) {
      return invalid(Reason.CHECKSUM, "The check digits " + digits + " do not match the rest of "
          + "the IBAN (ISO 7064 MOD 97-10): a character is mistyped or two are swapped");
    }
    return null;
  }

  private static boolean isLetter(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static Violation invalid(Reason reason, String message) {
    return new Violation(PARAM, reason, message);
  }
}
