package dev.settle.exception;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Input that Settle refused before sending anything: a card number that fails the Luhn check,
 * an unsupported card brand, an expired card, a malformed customer number, a negative amount.
 *
 * <p>No request was made, so nothing happened on the server and it is safe to correct the input
 * and try again.
 *
 * <p>Each refused field is one {@link Violation}: the field's name, a {@link Reason} a program
 * can act on, and a sentence for a person. A builder that checks several fields (such as a
 * card's) reports every field it refused at once, so a form can mark them all:
 *
 * <pre>{@code
 * try {
 *   card = CardDetails.builder().number(number).expiry(month, year).cvc(cvc).build();
 * } catch (ValidationException e) {
 *   for (ValidationException.Violation v : e.violations()) {
 *     form.markInvalid(v.param(), v.reason(), v.message());
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #param()} and {@link #reason()} describe the first violation, which is enough where
 * one field is checked at a time. The message lists every violation and never repeats a secret
 * value (a card number, a CVC).
 */
public final class ValidationException extends SettleException {

  /**
   * Why a field was refused. Switch on it to choose what to tell the user; new values may be
   * added, so keep a default branch.
   */
  public enum Reason {
    /** The field is missing or blank. */
    REQUIRED,
    /**
     * The value is not written the way the field is: a character the field may not hold, a
     * missing prefix, letters where digits belong, or not the canonical form a strict parse
     * expects.
     */
    FORMAT,
    /** The value has too few or too many characters or digits for the field. */
    LENGTH,
    /** The check digits do not match the rest (Luhn, ISO 7064 MOD 97-10): a typo. */
    CHECKSUM,
    /** A number (an amount, a month, a year, a timestamp) is outside the range allowed. */
    RANGE,
    /** The card's expiry month has ended. */
    EXPIRED,
    /** The card belongs to a network that is not accepted, or to no known network. */
    UNSUPPORTED_BRAND,
    /**
     * A well-formed value that is not one Settle or the standard accepts here: a country that
     * issues no IBANs, a currency an EPC QR code cannot carry.
     */
    UNSUPPORTED,
    /** Two fields that exclude each other were both given. */
    CONFLICT
  }

  /**
   * One refused field.
   *
   * @param param the field's name, such as {@code number} or {@code customer_id}
   * @param reason why it was refused
   * @param message what is wrong, for a person; never the refused value when it is secret
   */
  public record Violation(String param, Reason reason, String message) {
    /**
     * Checks that every component is present.
     *
     * @param param the field's name
     * @param reason why it was refused
     * @param message what is wrong, for a person
     */
    public Violation {
      required(param, "param");
      required(reason, "reason");
      required(message, "message");
    }

    /** {@code message (param)}, as it stands in the exception's message. */
    @Override
    public String toString() {
      return message + " (" + param + ")";
    }
  }

  /** Every refused field, at least one. */
  private final List<Violation> violations;

  /**
   * Creates the exception for a value that is required and was null: {@code param} names it, the
   * reason is {@link Reason#REQUIRED}. Code that checks an argument calls {@link #required}
   * instead; this constructor is there for generated code, such as the model's builders.
   *
   * @param param the parameter or field that was null
   */
  public ValidationException(String param) {
    this(param, Reason.REQUIRED, param + " is required");
  }

  /**
   * Creates the exception for {@code param}, explained by {@code message}, with the reason
   * {@link Reason#FORMAT}; prefer {@link #ValidationException(String, Reason, String)}, which
   * says why.
   *
   * <p>Providers throw it from their validation. The message must describe the problem without
   * repeating the rejected value when that value is secret (a card number, a CVC).
   *
   * @param param the refused field's name
   * @param message what is wrong, for a person
   */
  public ValidationException(String param, String message) {
    this(param, Reason.FORMAT, message);
  }

  /**
   * Creates the exception for one refused field; see {@link Violation} for the parts.
   *
   * @param param the refused field's name
   * @param reason why it was refused
   * @param message what is wrong, for a person
   */
  public ValidationException(String param, Reason reason, String message) {
    this(List.of(new Violation(param, reason, message)));
  }

  /**
   * Creates the exception for every field that was refused, in the order the caller should read
   * them.
   *
   * @param violations every refused field, at least one
   * @throws IllegalArgumentException if {@code violations} is empty
   */
  public ValidationException(List<Violation> violations) {
    super(message(required(violations, "violations")));
    this.violations = List.copyOf(violations);
  }

  /**
   * Returns {@code value}, or throws the exception for a required parameter that is null: Settle's
   * one check of a missing argument, made first thing in every public method, and offered to
   * providers and applications that follow the same rule.
   *
   * <pre>{@code
   * this.clock = ValidationException.required(clock, "clock");
   * }</pre>
   *
   * @param value the argument
   * @param param the parameter's name, as {@link #param()} will give it
   * @param <T> the argument's type
   * @return {@code value}, which is not null
   * @throws ValidationException with reason {@link Reason#REQUIRED} when {@code value} is null
   */
  public static <T> T required(@Nullable T value, String param) {
    if (value == null) {
      throw new ValidationException(param);
    }
    return value;
  }

  private static String message(List<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("A ValidationException needs at least one violation");
    }
    if (violations.size() == 1) {
      return violations.get(0).toString();
    }
    long fields = violations.stream().map(Violation::param).distinct().count();
    return fields + (fields == 1 ? " field was refused: " : " fields were refused: ")
        + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }

  /**
   * {@return the name of the (first) field that was refused, such as {@code number} or
   * {@code customer_id}}
   */
  public String param() {
    return violations.get(0).param();
  }

  /** {@return why the (first) field was refused} */
  public Reason reason() {
    return violations.get(0).reason();
  }

  /** {@return every refused field, at least one; the first is the one {@link #param()} names} */
  public List<Violation> violations() {
    return violations;
  }
}
