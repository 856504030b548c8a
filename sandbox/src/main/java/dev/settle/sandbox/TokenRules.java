package dev.settle.sandbox;

import dev.settle.sandbox.Model.CardFacts;
import dev.settle.sandbox.Model.Token;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Card tokens: the one place a card number arrives. It is checked as a processor checks a card
 * being saved, and only the facts that may be kept (brand, last four, expiry) go into the token.
 */
final class TokenRules {
  private final BillingState state;

  TokenRules(BillingState state) {
    this.state = state;
  }

  record CardInput(String number, int expMonth, int expYear, String cvc, String holderName) {}

  Map<String, Object> tokenize(CardInput input) {
    synchronized (state) {
      String number = input.number();
      if (!Cards.passesLuhn(number)) {
        throw ApiError.invalid("invalid_number", "card.number", "The card number is not a valid card number.");
      }
      Cards.Brand brand = Cards.brandOf(number);
      if (brand == null) {
        throw ApiError.invalid("card_brand_unsupported", "card.number",
            "This card brand is not accepted. Use Visa, Mastercard, American Express or JCB.");
      }
      if (!Cards.hasValidLength(brand, number.length())) {
        throw ApiError.invalid("invalid_number", "card.number",
            "The card number has the wrong number of digits for its brand.");
      }
      YearMonth expiry = YearMonth.of(input.expYear(), input.expMonth());
      YearMonth now = YearMonth.from(state.clock.instant().atZone(ZoneOffset.UTC));
      if (expiry.isBefore(now)) {
        throw ApiError.invalid("invalid_expiry", input.expYear() < now.getYear() ? "card.exp_year" : "card.exp_month",
            "The card's expiry date is in the past.");
      }
      if (input.cvc().length() != brand.cvcLength) {
        throw ApiError.invalid("invalid_cvc", "card.cvc",
            "The card's security code must have " + brand.cvcLength + " digits for this brand.");
      }
      CardFacts card = new CardFacts(brand, number.substring(number.length() - 4), input.expMonth(),
          input.expYear(), input.holderName(), Cards.behaviorOf(number));
      Token token = new Token(state.ids.next("tok_"), state.clock.instant(), card, null, null);
      state.tokens.put(token.id, token);
      return Views.token(token);
    }
  }
}
