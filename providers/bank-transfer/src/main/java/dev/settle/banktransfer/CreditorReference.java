package dev.settle.banktransfer;

import dev.settle.exception.ValidationException.Reason;
import dev.settle.exception.ValidationException.Violation;
import dev.settle.exception.ValidationException;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * A structured creditor reference (ISO 11649, "RF reference"): what a customer quotes on a bank
 * transfer so that the payment is matched to its invoice.
 *
 * <pre>{@code
 * CreditorReference.of("RF18 5390 0754 7034").value();     // RF18539007547034
 * CreditorReference.from("INV-2026-0001").printable();     // RF16 INV2 0260 001
 * }</pre>
 *
 * <p>{@code RF}, two check digits (ISO 7064 MOD 97-10), then 1 to 21 letters and digits: 5 to 25
 * characters. Banks check the digits when the customer types the reference, so a mistyped one is
 * refused at their bank instead of arriving as a payment nobody can match.
 *
 * <p>{@link #of} accepts what a person types; {@link #parse} only the electronic form (upper
 * case, no spaces); {@link #check} and {@link #isValid} say what {@link #of} would, without
 * throwing.
 */
@Value.Immutable
public abstract class CreditorReference {
  /** The longest reference part: 25 characters less {@code RF} and the check digits. */
  static final int MAX_REFERENCE_LENGTH = 21;
  private static final String PARAM = "reference";

  CreditorReference() {}

  /**
   * {@return the reference in its electronic form: upper case, no spaces, such as
   * {@code RF18539007547034}}
   */
  @Value.Parameter
  public abstract String value();

  /**
   * Returns the reference written in {@code text}; spaces are ignored and lower case is
   * accepted.
   *
   * @param text the reference as a person types it
   * @return the reference
   * @throws ValidationException with param {@code reference}, saying what is wrong: nothing given
   *     ({@link Reason#REQUIRED}), a character that is neither a letter nor a digit, no {@code RF}
   *     prefix or check digits that are not digits ({@link Reason#FORMAT}), the length, 5 to 25
   *     ({@link Reason#LENGTH}), or check digits that do not match ({@link Reason#CHECKSUM})
   */
  public static CreditorReference of(String text) {
    String reference = Mod97.normalise(text);
    return ImmutableCreditorReference.of(Mod97.checked(reference, violation(reference)));
  }

  /**
   * Returns the reference in {@code text}, which must be in its electronic form, upper case and
   * without spaces; for what a person types, use {@link #of}.
   *
   * @param text the reference in its electronic form
   * @return the reference
   * @throws ValidationException with param {@code reference}: {@link Reason#FORMAT} for a space
   *     or a lower-case letter, and otherwise as {@link #of}
   */
  public static CreditorReference parse(String text) {
    return ImmutableCreditorReference.of(Mod97.checked(text,
        Mod97.notElectronic(text, PARAM, "A creditor reference", "CreditorReference.of"),
        violation(text)));
  }

  /**
   * What is wrong with the reference written in {@code text}, as {@link #of} would report it;
   * empty when it is valid. Never throws.
   *
   * @param text the reference as a person types it
   * @return the violation, or empty
   */
  public static Optional<Violation> check(@Nullable String text) {
    return Optional.ofNullable(violation(Mod97.normalise(text)));
  }

  /**
   * Whether {@link #of} accepts {@code text}; never throws.
   *
   * @param text the reference as a person types it
   * @return whether it is valid
   */
  public static boolean isValid(@Nullable String text) {
    return violation(Mod97.normalise(text)) == null;
  }

  /**
   * Builds the reference of an invoice number: its letters and digits, upper case, behind
   * {@code RF} and the check digits computed for them. {@code INV-2026-0001} gives the reference
   * part {@code INV20260001}.
   *
   * @param invoiceNumber the invoice number, such as {@code INV-2026-0001}
   * @return the reference
   * @throws ValidationException with param {@code reference} if the number has no letter or
   *     digit, or more than 21 of them (cutting it would make two invoices share a reference), or
   *     a letter outside A–Z (accented letters are not allowed in a reference)
   */
  public static CreditorReference from(String invoiceNumber) {
    if (invoiceNumber == null) {
      throw refused(Reason.REQUIRED, "An invoice number is required to build a reference");
    }
    StringBuilder part = new StringBuilder();
    for (int i = 0; i < invoiceNumber.length(); i++) {
      char c = invoiceNumber.charAt(i);
      char upper = c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
      if (Mod97.isAsciiLetterOrDigit(upper)) {
        part.append(upper);
      } else if (Character.isLetterOrDigit(c)) {
        throw refused(Reason.FORMAT, "An ISO 11649 reference holds only the letters A-Z and digits; the invoice "
            + "number has " + Mod97.describe(c));
      }
    }
    if (part.length() == 0) {
      throw refused(Reason.FORMAT, "The invoice number has no letter or digit to build a reference from");
    }
    if (part.length() > MAX_REFERENCE_LENGTH) {
      throw refused(Reason.LENGTH, "The invoice number has " + part.length() + " letters and digits; an ISO "
          + "11649 reference holds at most " + MAX_REFERENCE_LENGTH);
    }
    String body = part.toString();
    return ImmutableCreditorReference.of("RF" + Mod97.checkDigits(body, "RF") + body);
  }

  /** {@return the two check digits after {@code RF}} */
  public String checkDigits() {
    return value().substring(2, 4);
  }

  /** {@return what follows the check digits: the creditor's own reference} */
  public String reference() {
    return value().substring(4);
  }

  /**
   * {@return the reference in groups of four, as printed for people: {@code RF18 5390 0754 7034}}
   */
  public String printable() {
    return Mod97.groupsOfFour(value());
  }

  /** The electronic form, {@link #value()}. */
  @Override
  public String toString() {
    return value();
  }

  /** What is wrong with {@code reference} (normalised); null when nothing is. */
  private static Violation violation(String reference) {
    if (reference == null || reference.isEmpty()) {
      return invalid(Reason.REQUIRED, "A creditor reference is required");
    }
    for (int i = 0; i < reference.length(); i++) {
      if (!Mod97.isAsciiLetterOrDigit(reference.charAt(i))) {
        return invalid(Reason.FORMAT, "An ISO 11649 reference has only letters and digits (spaces "
            + "are ignored); character " + (i + 1) + " is " + Mod97.describe(reference.charAt(i)));
      }
    }
    if (!reference.startsWith("RF")) {
      return invalid(Reason.FORMAT, "An ISO 11649 reference starts with RF");
    }
    if (reference.length() < 5 || reference.length() > 4 + MAX_REFERENCE_LENGTH) {
      return invalid(Reason.LENGTH, "An ISO 11649 reference has 5 to 25 characters (RF, two check "
          + "digits, 1 to 21 letters or digits); this one has " + reference.length());
    }
    String digits = reference.substring(2, 4);
    if (!Character.isDigit(digits.charAt(0)) || !Character.isDigit(digits.charAt(1))) {
      return invalid(Reason.FORMAT,
          "The third and fourth characters of an ISO 11649 reference are check digits");
    }
    if (Mod97.isNeverIssued(digits) || !Mod97.isValid(reference.substring(4), "RF", digits)) {
      return invalid(Reason.CHECKSUM, "The check digits " + digits + " do not match the rest of "
          + "the reference (ISO 7064 MOD 97-10): a character is mistyped or two are swapped");
    }
    return null;
  }

  private static Violation invalid(Reason reason, String message) {
    return new Violation(PARAM, reason, message);
  }

  private static ValidationException refused(Reason reason, String message) {
    return new ValidationException(List.of(invalid(reason, message)));
  }
}
