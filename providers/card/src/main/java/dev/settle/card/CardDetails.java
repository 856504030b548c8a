package dev.settle.card;

import dev.settle.exception.ValidationException.Reason;
import dev.settle.exception.ValidationException.Violation;
import dev.settle.exception.ValidationException;
import dev.settle.model.PaymentMethodInput;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A card as the caller types it in, to be added to an account.
 *
 * <pre>{@code
 * CardDetails card = CardDetails.builder()
 *     .number("4242 4242 4242 4242")
 *     .expiry(12, 2030)
 *     .cvc("123")
 *     .holderName("Camille Martin")
 *     .build();
 * PaymentMethod stored = account.paymentMethods().add(card);
 * }</pre>
 *
 * <p>{@link Builder#build()} checks everything that needs no clock (digits, Luhn checksum, an
 * accepted brand, the length for that brand, the CVC, the month), so a mistyped card is refused
 * before anything is sent, with every refused field listed in one {@link ValidationException}.
 * Whether the card has expired depends on the client's clock and is checked when it is added.
 * To check the number alone, as it is typed, use {@link CardNumber}.
 *
 * <p>The number and CVC are readable only by this package, which sends them to the tokenization
 * request and nowhere else. {@link #toString()}, {@link #hashCode()} and every error message show
 * at most the brand, the last four digits, the expiry and the holder's name.
 */
public final class CardDetails implements PaymentMethodInput {
  private static final int MAX_HOLDER_NAME_LENGTH = 200;

  private final CardNumber number;
  private final YearMonth expiry;
  private final String cvc;
  private final String holderName;

  private CardDetails(CardNumber number, YearMonth expiry, String cvc, String holderName) {
    this.number = number;
    this.expiry = expiry;
    this.cvc = cvc;
    this.holderName = holderName;
  }

  /** {@return a builder with no field set} */
  public static Builder builder() {
    return new Builder();
  }

  /** Always {@code card}. */
  @Override
  public String kind() {
    return "card";
  }

  /** {@return the brand, told from the number} */
  public CardBrand brand() {
    return number.brand();
  }

  /** {@return the last four digits of the number: what a person recognises a card by} */
  public String lastFour() {
    return number.lastFour();
  }

  /** {@return the month after which the card can no longer be charged} */
  public YearMonth expiry() {
    return expiry;
  }

  /** {@return the name printed on the card, if the caller gave one} */
  public Optional<String> holderName() {
    return Optional.ofNullable(holderName);
  }

  /** The number, digits only. */
  String number() {
    return number.digits();
  }

  String cvc() {
    return cvc;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CardDetails that
        && number.equals(that.number)
        && expiry.equals(that.expiry)
        && cvc.equals(that.cvc)
        && Objects.equals(holderName, that.holderName);
  }

  /**
   * Hashes only what may be shown: a hash of the number would let anyone who sees it search the
   * few unknown digits of a card whose brand and last four are known.
   */
  @Override
  public int hashCode() {
    return Objects.hash(brand(), lastFour(), expiry, holderName);
  }

  @Override
  public String toString() {
    return "CardDetails{brand=" + brand().displayName()
        + ", lastFour=" + lastFour()
        + ", expiry=" + expiry
        + (holderName == null ? "" : ", holderName=" + holderName)
        + "}";
  }

  /**
   * Collects a card's fields; {@link #build()} validates them.
   *
   * <p>The setters of the number, CVC and holder name take null as they take a blank, for a form
   * whose empty fields arrive as null: {@link #build()} then reports a missing number or CVC as
   * {@link Reason#REQUIRED} together with every other field it refuses.
   *
   * <p>Not thread-safe. Its {@code toString()} is {@link Object}'s, so it shows nothing it holds.
   */
  public static final class Builder {
    private String number;
    private Integer expiryMonth;
    private Integer expiryYear;
    private String cvc;
    private String holderName;

    private Builder() {}

    /**
     * The number as printed, typed or pasted: spaces and dashes of any kind between the digits
     * are ignored, as {@link CardNumber#of} ignores them.
     *
     * @param number the card number
     * @return this builder
     */
    public Builder number(@Nullable String number) {
      this.number = number;
      return this;
    }

    /**
     * The expiry as printed on the card, such as {@code expiry(12, 2030)} for 12/30.
     *
     * @param month the month, 1 to 12
     * @param year the year, four digits
     * @return this builder
     */
    public Builder expiry(int month, int year) {
      this.expiryMonth = month;
      this.expiryYear = year;
      return this;
    }

    /**
     * The expiry as a month of a year.
     *
     * @param expiry the expiry month
     * @return this builder
     */
    public Builder expiry(YearMonth expiry) {
      return expiry(ValidationException.required(expiry, "expiry").getMonthValue(), expiry.getYear());
    }

    /**
     * The 3 digits on the back of the card; 4 on the front for American Express.
     *
     * @param cvc the card verification code
     * @return this builder
     */
    public Builder cvc(@Nullable String cvc) {
      this.cvc = cvc;
      return this;
    }

    /**
     * The name on the card; optional, and {@code null} or blank means none.
     *
     * @param holderName the name on the card, or null
     * @return this builder
     */
    public Builder holderName(@Nullable String holderName) {
      this.holderName = holderName;
      return this;
    }

    /**
     * Validates the fields and returns the card.
     *
     * @return the validated card details
     * @throws ValidationException listing every refused field ({@code number}, {@code cvc},
     *     {@code exp_month}, {@code exp_year}, {@code holder_name}), the number first; its message
     *     never contains the number or the CVC
     */
    public CardDetails build() {
      List<Violation> violations = new ArrayList<>();
      String digits = CardNumber.digitsOf(number);
      Violation numberViolation = CardNumber.violation(digits);
      // The brand sets the CVC's length only when the number is valid: a mistyped number may
      // name a brand the card does not have.
      CardBrand brand = null;
      if (numberViolation == null) {
        brand = CardNetworks.acceptedBrand(digits);
      } else {
        violations.add(numberViolation);
      }
      YearMonth expiry = validExpiry(violations);
      String validCvc = validCvc(brand, violations);
      String validHolderName = validHolderName(violations);
      if (!violations.isEmpty()) {
        throw new ValidationException(violations);
      }
      return new CardDetails(
          new CardNumber(digits, brand), expiry, validCvc, validHolderName);
    }

    private YearMonth validExpiry(List<Violation> violations) {
      if (expiryMonth == null) {
        violations.add(new Violation(
            "exp_month", Reason.REQUIRED, "The expiry month and year are required"));
        return null;
      }
      int before = violations.size();
      if (expiryMonth < 1 || expiryMonth > 12) {
        violations.add(new Violation("exp_month", Reason.RANGE,
            "The expiry month must be from 1 to 12, not " + expiryMonth));
      }
      if (expiryYear < 2000 || expiryYear > 2200) {
        violations.add(new Violation("exp_year", Reason.RANGE,
            "The expiry year must be written in full, from 2000 to 2200, not " + expiryYear));
      }
      return violations.size() == before ? YearMonth.of(expiryYear, expiryMonth) : null;
    }

    /** With no {@code brand} (the number was refused), 3 or 4 digits pass. */
    private String validCvc(CardBrand brand, List<Violation> violations) {
      String rule = brand == null
          ? "The CVC has 3 digits, 4 on American Express cards"
          : "The CVC of " + brand.displayName() + " cards has " + brand.cvcLength() + " digits";
      Reason reason = null;
      if (cvc == null || cvc.isEmpty()) {
        reason = Reason.REQUIRED;
      } else if (!cvc.chars().allMatch(c -> c >= '0' && c <= '9')) {
        reason = Reason.FORMAT;
      } else if (brand == null ? cvc.length() < 3 || cvc.length() > 4 : cvc.length() != brand.cvcLength()) {
        reason = Reason.LENGTH;
      }
      if (reason != null) {
        violations.add(new Violation("cvc", reason, rule));
      }
      return cvc;
    }

    private String validHolderName(List<Violation> violations) {
      if (holderName == null || holderName.isBlank()) {
        return null;
      }
      String trimmed = holderName.strip();
      if (trimmed.length() > MAX_HOLDER_NAME_LENGTH) {
        violations.add(new Violation("holder_name", Reason.LENGTH,
            "The holder name is longer than " + MAX_HOLDER_NAME_LENGTH + " characters"));
      }
      return trimmed;
    }
  }
}
