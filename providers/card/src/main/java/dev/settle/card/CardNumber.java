package dev.settle.card;

import dev.settle.exception.ValidationException.Reason;
import dev.settle.exception.ValidationException.Violation;
import dev.settle.exception.ValidationException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A card number checked on its own: an accepted brand, the length that brand's numbers have, and
 * the Luhn check digit. No expiry or CVC is needed, so a form can check the number as soon as it
 * is typed, and show the brand.
 *
 * <pre>{@code
 * CardNumber number = CardNumber.of("4242 4242 4242 4242");
 * number.brand();      // VISA
 * number.lastFour();   // 4242
 *
 * CardNumber.check("4242 4242 4242 4241")       // no exception
 *     .ifPresent(v -> form.markInvalid("number", v.message()));   // its check digit does not match
 * }</pre>
 *
 * <p>The number may be written as printed or pasted: spaces of any kind (a no-break space, a
 * thin or figure space, a tab, a line break), dashes of any kind, and invisible formatting
 * characters between the digits are ignored. The digits themselves must be ASCII {@code 0}–{@code
 * 9}.
 *
 * <p>Immutable and thread-safe. The digits are readable only by this package; {@link
 * #toString()}, {@link #hashCode()} and every error message show at most the brand and the last
 * four digits.
 */
public final class CardNumber {
  private final String digits;
  private final CardBrand brand;

  /** {@code digits} must have passed {@link #violation}. */
  CardNumber(String digits, CardBrand brand) {
    this.digits = digits;
    this.brand = brand;
  }

  /**
   * Returns the card number written in {@code text}.
   *
   * @param text the number as written, with or without separators
   * @return the card number
   * @throws ValidationException with param {@code number} and the reason {@link
   *     Reason#REQUIRED} (nothing but separators), {@link Reason#FORMAT} (a character that is not
   *     a digit or a separator), {@link Reason#UNSUPPORTED_BRAND} (a network other than Visa,
   *     Mastercard, American Express and JCB, named in the message), {@link Reason#LENGTH} (not a
   *     length of that brand's numbers) or {@link Reason#CHECKSUM} (the Luhn check digit does not
   *     match: a mistyped digit); the message never contains the number
   */
  public static CardNumber of(String text) {
    String digits = digitsOf(text);
    Violation violation = violation(digits);
    if (violation != null) {
      throw new ValidationException(List.of(violation));
    }
    return new CardNumber(digits, CardNetworks.acceptedBrand(digits));
  }

  /**
   * What is wrong with the card number written in {@code text}, as {@link #of} would report it;
   * empty when it is a valid number of an accepted brand. Never throws.
   *
   * @param text the number as written, with or without separators
   * @return the violation, or empty
   */
  public static Optional<Violation> check(@Nullable String text) {
    return Optional.ofNullable(violation(digitsOf(text)));
  }

  /**
   * Whether {@code text} is a valid number of an accepted brand; never throws.
   *
   * @param text the number as written, with or without separators
   * @return whether it is valid
   */
  public static boolean isValid(@Nullable String text) {
    return violation(digitsOf(text)) == null;
  }

  /** {@return the brand, told from the leading digits} */
  public CardBrand brand() {
    return brand;
  }

  /** {@return the last four digits: what a person recognises a card by} */
  public String lastFour() {
    return digits.substring(digits.length() - 4);
  }

  /** The number, digits only. */
  String digits() {
    return digits;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CardNumber that && digits.equals(that.digits);
  }

  /**
   * Hashes only what may be shown: a hash of the whole number would let anyone who sees it search
   * the few unknown digits of a card whose brand and last four are known.
   */
  @Override
  public int hashCode() {
    return 31 * brand.hashCode() + lastFour().hashCode();
  }

  /** For example {@code CardNumber{brand=Visa, lastFour=4242}}. */
  @Override
  public String toString() {
    return "CardNumber{brand=" + brand.displayName() + ", lastFour=" + lastFour() + "}";
  }

  /**
   * {@code text} without the separators a person types or a paste brings along; null stays null.
   * Any other character is kept, for {@link #violation} to refuse.
   */
  static String digitsOf(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder digits = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isSeparator(c)) {
        digits.append(c);
      }
    }
    return digits.toString();
  }

  /**
   * Spaces of every kind (U+00A0, U+2007 and U+202F are not {@code isWhitespace}), dashes of every
   * kind, and invisible format characters such as U+200B or U+FEFF that copying from a web page or
   * a PDF brings along.
   */
  private static boolean isSeparator(char c) {
    int type = Character.getType(c);
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || type == Character.DASH_PUNCTUATION
        || type == Character.FORMAT;
  }

  /** What is wrong with {@code digits} (from {@link #digitsOf}); null when nothing is. */
  static Violation violation(String digits) {
    if (digits == null || digits.isEmpty()) {
      return new Violation("number", Reason.REQUIRED, "The card number is required");
    }
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return new Violation("number", Reason.FORMAT,
            "The card number may contain only digits, spaces and dashes");
      }
    }
    Violation refusal = CardNetworks.refusal(digits);
    if (refusal != null) {
      return refusal;
    }
    CardBrand brand = CardNetworks.acceptedBrand(digits);
    if (!brand.numberLengths().contains(digits.length())) {
      return new Violation("number", Reason.LENGTH, brand.displayName() + " card numbers have "
          + lengths(brand) + " digits; this one has " + digits.length());
    }
    if (!passesLuhnCheck(digits)) {
      return new Violation("number", Reason.CHECKSUM,
          "The card number is mistyped: its check digit does not match");
    }
    return null;
  }

  /** {@code 15}, {@code 13, 16 or 19}. */
  private static String lengths(CardBrand brand) {
    List<Integer> lengths = brand.numberLengths();
    String last = String.valueOf(lengths.get(lengths.size() - 1));
    if (lengths.size() == 1) {
      return last;
    }
    return lengths.subList(0, lengths.size() - 1).stream()
            .map(String::valueOf)
            .collect(Collectors.joining(", "))
        + " or " + last;
  }

  /** The Luhn checksum, which catches every single mistyped digit and most swaps. */
  private static boolean passesLuhnCheck(String digits) {
    int sum = 0;
    boolean doubled = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int digit = digits.charAt(i) - '0';
      if (doubled) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }
}
