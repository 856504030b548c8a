package dev.settle.card;

import dev.settle.exception.ValidationException;
import dev.settle.model.PaymentMethodInput;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

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
 * before anything is sent. Whether the card has expired depends on the client's clock and is
 * checked when it is added.
 *
 * <p>The number and CVC are readable only by this package, which sends them to the tokenization
 * request and nowhere else. {@link #toString()}, {@link #hashCode()} and every error message show
 * at most the brand, the last four digits, the expiry and the holder's name.
 */
public final class CardDetails implements PaymentMethodInput {
  private static final int MAX_HOLDER_NAME_LENGTH = 200;

  private final String number;
  private final CardBrand brand;
  private final YearMonth expiry;
  private final String cvc;
  private final String holderName;

  private CardDetails(
      String number, CardBrand brand, YearMonth expiry, String cvc, String holderName) {
    this.number = number;
    this.brand = brand;
    this.expiry = expiry;
    this.cvc = cvc;
    this.holderName = holderName;
  }

  /** A builder with no field set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Always {@code card}. */
  @Override
  public String kind() {
    return "card";
  }

  /** The brand, told from the number. */
  public CardBrand brand() {
    return brand;
  }

  /** The last four digits of the number: what a person recognises a card by. */
  public String lastFour() {
    return number.substring(number.length() - 4);
  }

  /** The month after which the card can no longer be charged. */
  public YearMonth expiry() {
    return expiry;
  }

  /** The name printed on the card, if the caller gave one. */
  public Optional<String> holderName() {
    return Optional.ofNullable(holderName);
  }

  /** The number, digits only. */
  String number() {
    return number;
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
    return Objects.hash(brand, lastFour(), expiry, holderName);
  }

  @Override
  public String toString() {
    return "CardDetails{brand=" + brand.displayName()
        + ", lastFour=" + lastFour()
        + ", expiry=" + expiry
        + (holderName == null ? "" : ", holderName=" + holderName)
        + "}";
  }

  /**
   * Collects a card's fields; {@link #build()} validates them.
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

    /** The number as printed or typed: spaces and dashes between the digits are ignored. */
    public Builder number(String number) {
      this.number = number;
      return this;
    }

    /** The expiry as printed on the card, such as {@code expiry(12, 2030)} for 12/30. */
    public Builder expiry(int month, int year) {
      this.expiryMonth = month;
      this.expiryYear = year;
      return this;
    }

    /** The expiry as a month of a year. */
    public Builder expiry(YearMonth expiry) {
      return expiry(expiry.getMonthValue(), expiry.getYear());
    }

    /** The 3 digits on the back of the card; 4 on the front for American Express. */
    public Builder cvc(String cvc) {
      this.cvc = cvc;
      return this;
    }

    /** The name on the card; optional, and {@code null} or blank means none. */
    public Builder holderName(String holderName) {
      this.holderName = holderName;
      return this;
    }

    /**
     * Validates the fields and returns the card.
     *
     * @throws ValidationException naming the first refused field ({@code number}, {@code cvc},
     *     {@code exp_month}, {@code exp_year} or {@code holder_name}); its message never
     *     contains the number or the CVC
     */
    public CardDetails build() {
      String digits = digitsOf(number);
      CardBrand brand = CardNetworks.acceptedBrand(digits);
      if (!brand.numberLengths().contains(digits.length())) {
        throw new ValidationException(
            "number",
            brand.displayName() + " card numbers have " + lengths(brand)
                + " digits; this one has " + digits.length());
      }
      if (!passesLuhnCheck(digits)) {
        throw new ValidationException(
            "number", "The card number is mistyped: its check digit does not match");
      }
      return new CardDetails(
          digits, brand, validExpiry(), validCvc(brand), validHolderName());
    }

    private static String digitsOf(String number) {
      String digits = number == null ? "" : number.replace(" ", "").replace("-", "");
      if (digits.isEmpty()) {
        throw new ValidationException("number", "The card number is required");
      }
      if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new ValidationException(
            "number", "The card number may contain only digits, spaces and dashes");
      }
      return digits;
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

    private YearMonth validExpiry() {
      if (expiryMonth == null) {
        throw new ValidationException("exp_month", "The expiry month and year are required");
      }
      if (expiryMonth < 1 || expiryMonth > 12) {
        throw new ValidationException(
            "exp_month", "The expiry month must be from 1 to 12, not " + expiryMonth);
      }
      if (expiryYear < 2000 || expiryYear > 2200) {
        throw new ValidationException(
            "exp_year",
            "The expiry year must be written in full, from 2000 to 2200, not " + expiryYear);
      }
      return YearMonth.of(expiryYear, expiryMonth);
    }

    private String validCvc(CardBrand brand) {
      if (cvc == null
          || cvc.length() != brand.cvcLength()
          || !cvc.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new ValidationException(
            "cvc",
            "The CVC of " + brand.displayName() + " cards has " + brand.cvcLength() + " digits");
      }
      return cvc;
    }

    private String validHolderName() {
      if (holderName == null || holderName.isBlank()) {
        return null;
      }
      String trimmed = holderName.strip();
      if (trimmed.length() > MAX_HOLDER_NAME_LENGTH) {
        throw new ValidationException(
            "holder_name",
            "The holder name is longer than " + MAX_HOLDER_NAME_LENGTH + " characters");
      }
      return trimmed;
    }
  }
}
