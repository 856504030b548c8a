package dev.settle.card;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;

/**
 * The body of {@code POST /v1/tokens}: the one request that carries a card number and CVC. It
 * prints nothing of the card.
 */
final class TokenRequest {
  /** Writes the body; an absent holder name is left out, not sent as null. */
  static final JsonAdapter<TokenRequest> ADAPTER = new JsonAdapter<>() {
    @Override
    public TokenRequest fromJson(JsonReader reader) {
      throw new UnsupportedOperationException("A token request is only written");
    }

    @Override
    public void toJson(JsonWriter out, TokenRequest request) throws IOException {
      CardDetails card = request.card;
      out.beginObject().name("type").value("card").name("card").beginObject()
          .name("number").value(card.number())
          .name("exp_month").value(card.expiry().getMonthValue())
          .name("exp_year").value(card.expiry().getYear())
          .name("cvc").value(card.cvc())
          .name("holder_name").value(card.holderName().orElse(null))
          .endObject().endObject();
    }
  };

  private final CardDetails card;

  TokenRequest(CardDetails card) {
    this.card = card;
  }

  @Override
  public String toString() {
    return "TokenRequest{redacted}";
  }
}
