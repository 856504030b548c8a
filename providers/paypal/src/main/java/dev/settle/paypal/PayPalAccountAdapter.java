package dev.settle.paypal;

import static dev.settle.spi.StrictJson.required;
import static dev.settle.spi.StrictJson.string;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;

/**
 * Reads a payment method's {@code paypal} object. A missing or out-of-contract field fails with a
 * {@link JsonDataException} naming its JSON path, which core reports as a malformed response.
 */
final class PayPalAccountAdapter extends JsonAdapter<PayPalAccount> {
  private static final JsonReader.Options FIELDS = JsonReader.Options.of("email", "payer_id");

  @Override
  public PayPalAccount fromJson(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    String objectPath = reader.getPath();
    String email = null;
    String payerId = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(FIELDS)) {
        case 0:
          email = string(reader);
          if (email.isBlank()) {
            throw new JsonDataException("Expected an email address at " + reader.getPath());
          }
          break;
        case 1:
          payerId = string(reader);
          if (!PayPalAccount.PAYER_ID.matcher(payerId).matches()) {
            throw new JsonDataException(
                "Expected a PayPal payer id (13 characters) at " + reader.getPath());
          }
          break;
        default:
          reader.skipName();
          reader.skipValue();
      }
    }
    reader.endObject();
    return PayPalAccount.builder()
        .email(required(email, objectPath, "email"))
        .payerId(required(payerId, objectPath, "payer_id"))
        .build();
  }

  @Override
  public void toJson(JsonWriter writer, PayPalAccount value) {
    throw new UnsupportedOperationException("Settle only reads PayPal accounts");
  }
}
