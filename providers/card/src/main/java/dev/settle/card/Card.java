package dev.settle.card;

import dev.settle.exception.ValidationException;
import dev.settle.model.PaymentMethodDetails;
import java.time.YearMonth;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A card stored on an account, as far as it may be shown: brand, last four digits, expiry and
 * holder's name. The billing system never returns the number or the CVC.
 *
 * <p>Read it from a stored method with {@code method.details(Card.class)}.
 *
 * <p>A newer billing system may name a brand this version does not know; such a card is still
 * read, with an empty {@link #brand()} and the server's name in {@link #brandName()}, so that
 * listing an account's methods never fails because of one card.
 */
@Value.Immutable
public abstract class Card implements PaymentMethodDetails {
  Card() {}

  /** Always {@code card}. */
  @Override
  public final String kind() {
    return "card";
  }

  /**
   * {@return the brand as the API names it, such as {@code visa}; also set for a brand {@link
   * CardBrand} does not list}
   */
  public abstract String brandName();

  /** {@return the brand; empty when {@link #brandName()} is one this version does not know} */
  public final Optional<CardBrand> brand() {
    return CardBrand.fromWireName(brandName());
  }

  /** {@return the last four digits of the number} */
  public abstract String lastFour();

  /** {@return the month after which the card can no longer be charged} */
  public abstract YearMonth expiry();

  /** {@return the name on the card, when one was given} */
  public abstract Optional<String> holderName();

  @Value.Check
  void check() {
    if (!CardAdapter.isFourDigits(lastFour())) {
      // The value stays out of the message: a misused builder could hold a whole number.
      throw new IllegalStateException("lastFour must be four digits");
    }
  }

  /** {@return a builder with no field set} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Card}, for tests of code that reads stored cards. */
  public static final class Builder extends ImmutableCard.Builder {
    Builder() {}

    /**
     * Sets {@link #brandName(String)} to the brand's API name.
     *
     * @param brand the brand
     * @return this builder
     */
    public Builder brand(CardBrand brand) {
      return brandName(ValidationException.required(brand, "brand").wireName());
    }
  }
}
