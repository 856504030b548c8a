package dev.settle.card;

import static dev.settle.spi.StrictJson.required;
import static dev.settle.spi.StrictJson.string;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.time.YearMonth;

/**
 * Reads a payment method's {@code card} object. A missing or out-of-contract field fails with a
 * {@link JsonDataException} naming its JSON path, which core reports as a malformed response.
 *
 * <p>Messages never repeat a value: a server that put a whole card number where the last four
 * belong must not have it copied into an exception.
 */
final class CardAdapter extends JsonAdapter<Card> {
  private static final JsonReader.Options FIELDS =
      JsonReader.Options.of("brand", "last4", "exp_month", "exp_year", "holder_name");

  @Override
  public Card fromJson(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    String objectPath = reader.getPath();
    String brand = null;
    String lastFour = null;
    Integer month = null;
    Integer year = null;
    String holderName = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(FIELDS)) {
        case 0:
          brand = string(reader);
          break;
        case 1:
          lastFour = string(reader);
          if (!isFourDigits(lastFour)) {
            throw new JsonDataException("Expected four digits at " + reader.getPath());
          }
          break;
        case 2:
          month = integer(reader, 1, 12);
          break;
        case 3:
          year = integer(reader, 2000, 2200);
          break;
        case 4:
          holderName = reader.peek() == JsonReader.Token.NULL ? reader.nextNull() : string(reader);
          break;
        default:
          reader.skipName();
          reader.skipValue();
      }
    }
    reader.endObject();
    return Card.builder()
        .brandName(required(brand, objectPath, "brand"))
        .lastFour(required(lastFour, objectPath, "last4"))
        .expiry(
            YearMonth.of(
                required(year, objectPath, "exp_year"), required(month, objectPath, "exp_month")))
        .holderName(holderName)
        .build();
  }

  private static int integer(JsonReader reader, int min, int max) throws IOException {
    int value;
    try {
      value = reader.nextInt();
    } catch (JsonDataException | NumberFormatException e) {
      throw new JsonDataException("Expected an integer at " + reader.getPath());
    }
    if (value < min || value > max) {
      throw new JsonDataException(
          "Expected an integer from " + min + " to " + max + " at " + reader.getPath());
    }
    return value;
  }

  @Override
  public void toJson(JsonWriter writer, Card value) {
    throw new UnsupportedOperationException("Settle only reads cards");
  }

  /** Four ASCII digits, checked without a regular expression: this runs for every card read. */
  static boolean isFourDigits(String text) {
    if (text.length() != 4) {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

}
