package dev.settle.card;

import com.squareup.moshi.Json;

/**
 * The body of {@code POST /v1/tokens}. The records are public only because Moshi writes records
 * through public accessors; this package-private holder keeps them out of the API.
 */
final class TokenWire {
  private TokenWire() {}

  public record Request(String type, CardFields card) {
    static Request of(CardDetails card) {
      return new Request(
          "card",
          new CardFields(
              card.number(),
              card.expiry().getMonthValue(),
              card.expiry().getYear(),
              card.cvc(),
              card.holderName().orElse(null)));
    }
  }

  /** The request's {@code card} object; an absent holder name is left out, not sent as null. */
  public record CardFields(
      String number,
      @Json(name = "exp_month") int expMonth,
      @Json(name = "exp_year") int expYear,
      String cvc,
      @Json(name = "holder_name") String holderName) {

    /** A record would print every component; this one holds the number and the CVC. */
    @Override
    public String toString() {
      return "CardFields{redacted}";
    }
  }
}
