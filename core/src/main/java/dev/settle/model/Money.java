package dev.settle.model;

import dev.settle.exception.ValidationException.Reason;
import dev.settle.exception.ValidationException;
import java.math.BigDecimal;
import java.util.Currency;
import org.immutables.value.Value;

/**
 * An amount of money in the minor units of an ISO 4217 currency.
 *
 * <p>Amounts are whole numbers of the currency's smallest unit, as on the wire: cents for EUR,
 * yen for JPY (which has no minor unit), fils for BHD (which has three digits after the point).
 * This keeps arithmetic exact and makes the scale a property of the currency, never a guess.
 */
@Value.Immutable
public abstract class Money implements Comparable<Money> {
  Money() {}

  /** {@return the amount in minor units; never negative} */
  @Value.Parameter
  public abstract long minorUnits();

  /** {@return the currency} */
  @Value.Parameter
  public abstract Currency currency();

  /**
   * Returns {@code minorUnits} of {@code currencyCode}.
   *
   * @param minorUnits the amount in minor units (cents for EUR), zero or more
   * @param currencyCode an ISO 4217 code, such as {@code EUR}
   * @return the amount
   * @throws ValidationException if the amount is negative or the code is not ISO 4217
   */
  public static Money ofMinor(long minorUnits, String currencyCode) {
    return ofMinor(minorUnits, currency(currencyCode));
  }

  /**
   * Returns {@code minorUnits} of {@code currency}.
   *
   * @param minorUnits the amount in minor units (cents for EUR), zero or more
   * @param currency the currency
   * @return the amount
   * @throws ValidationException if the amount is negative
   */
  public static Money ofMinor(long minorUnits, Currency currency) {
    ValidationException.required(currency, "currency");
    if (minorUnits < 0) {
      throw new ValidationException("amount", Reason.RANGE, "An amount cannot be negative");
    }
    if (currency.getDefaultFractionDigits() < 0) {
      throw new ValidationException(
          "currency", Reason.UNSUPPORTED, "Currency " + currency + " has no minor unit");
    }
    return ImmutableMoney.of(minorUnits, currency);
  }

  /**
   * Returns the amount written in major units, such as {@code 119.00} EUR.
   *
   * @param amount the amount in major units
   * @param currencyCode an ISO 4217 code, such as {@code EUR}
   * @return the amount
   * @throws ValidationException if it is negative or has more decimals than the currency allows
   */
  public static Money of(BigDecimal amount, String currencyCode) {
    ValidationException.required(amount, "amount");
    Currency currency = currency(currencyCode);
    try {
      long minor =
          amount.movePointRight(currency.getDefaultFractionDigits()).longValueExact();
      return ofMinor(minor, currency);
    } catch (ArithmeticException e) {
      // Too many decimals, or more minor units than a long holds.
      boolean tooPrecise = amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits();
      throw new ValidationException(
          "amount",
          tooPrecise ? Reason.FORMAT : Reason.RANGE,
          tooPrecise
              ? currencyCode + " has " + currency.getDefaultFractionDigits() + " decimal places"
              : "The amount is too large");
    }
  }

  /**
   * {@return the amount in major units, with the currency's scale: {@code 119.00} for 11900 EUR
   * cents}
   */
  public BigDecimal toBigDecimal() {
    return BigDecimal.valueOf(minorUnits(), currency().getDefaultFractionDigits());
  }

  /** {@return true when the amount is zero} */
  public boolean isZero() {
    return minorUnits() == 0;
  }

  /**
   * Compares amounts of the same currency.
   *
   * @throws IllegalArgumentException when the currencies differ
   * @throws NullPointerException when {@code other} is null, as {@link Comparable} requires
   */
  @Override
  public int compareTo(Money other) {
    if (!currency().equals(other.currency())) {
      throw new IllegalArgumentException(
          "Cannot compare " + currency() + " with " + other.currency());
    }
    return Long.compare(minorUnits(), other.minorUnits());
  }

  /** For example {@code EUR 119.00} or {@code JPY 5000}. */
  @Override
  public String toString() {
    return currency().getCurrencyCode() + " " + toBigDecimal().toPlainString();
  }

  private static Currency currency(String code) {
    try {
      return Currency.getInstance(ValidationException.required(code, "currency"));
    } catch (IllegalArgumentException e) {
      throw new ValidationException("currency", Reason.FORMAT, "Not an ISO 4217 currency code");
    }
  }
}
