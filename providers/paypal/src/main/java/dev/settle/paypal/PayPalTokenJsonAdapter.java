package dev.settle.paypal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Reads a {@link PayPalToken}, refusing a response whose {@code id} is missing or is not a token
 * id the account would accept. Its name and constructor are the ones Moshi looks up for a class
 * annotated with {@link com.squareup.moshi.JsonClass}.
 */
final class PayPalTokenJsonAdapter extends JsonAdapter<PayPalToken> {
  /** The form {@code POST /v1/accounts/…/payment_methods} accepts. */
  private static final Pattern TOKEN_ID = Pattern.compile("tok_[A-Za-z0-9]{1,64}");
  private static final JsonReader.Options FIELDS = JsonReader.Options.of("id");

  /** Moshi passes itself; a token needs no other adapter. */
  PayPalTokenJsonAdapter(Moshi moshi) {}

  @Override
  public PayPalToken fromJson(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      throw new JsonDataException("Expected a token object at " + reader.getPath());
    }
    String id = null;
    reader.beginObject();
    while (reader.hasNext()) {
      if (reader.selectName(FIELDS) == 0) {
        id = reader.peek() == JsonReader.Token.STRING ? reader.nextString() : null;
        if (id == null || !TOKEN_ID.matcher(id).matches()) {
          throw new JsonDataException("Expected a token id (tok_…) at " + reader.getPath());
        }
      } else {
        reader.skipName();
        reader.skipValue();
      }
    }
    reader.endObject();
    if (id == null) {
      throw new JsonDataException("Required value 'id' missing at " + reader.getPath());
    }
    return new PayPalToken(id);
  }

  @Override
  public void toJson(JsonWriter writer, PayPalToken value) {
    throw new UnsupportedOperationException("Settle only reads tokens");
  }
}
