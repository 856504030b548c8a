package dev.settle.spi;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import dev.settle.exception.ValidationException;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Reading helpers for a provider's JSON adapters, as strict as core's own: a value of the wrong
 * kind or a missing field fails with a {@link JsonDataException} that names its JSON path, which
 * core reports as a malformed response.
 *
 * <p>Messages never repeat a value: a server that put a whole card number where the last four
 * belong must not have it copied into an exception.
 */
public final class StrictJson {
  private StrictJson() {}

  /**
   * The next value, which must be a JSON string.
   *
   * @param reader the reader, before the value
   * @return the string
   * @throws JsonDataException naming the path when it is a number, a boolean, null or a structure
   * @throws java.io.IOException if the reader fails
   */
  public static String string(JsonReader reader) throws IOException {
    if (ValidationException.required(reader, "reader").peek() != JsonReader.Token.STRING) {
      throw new JsonDataException("Expected a string at " + reader.getPath());
    }
    return reader.nextString();
  }

  /**
   * {@code value}, which was read from field {@code field} of the object at {@code objectPath}.
   *
   * @param field the field's name
   * @param objectPath the JSON path of the object, for the message
   * @param value what was read; null when the field was missing or JSON null, which is refused
   * @param <T> the value's type
   * @return {@code value}, not null
   * @throws JsonDataException when it is null: the field was missing or JSON null
   */
  public static <T> T required(@Nullable T value, String objectPath, String field) {
    ValidationException.required(objectPath, "objectPath");
    ValidationException.required(field, "field");
    if (value == null) {
      throw new JsonDataException("Required value '" + field + "' missing at " + objectPath);
    }
    return value;
  }
}
