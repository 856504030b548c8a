package dev.settle.sandbox;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okio.Buffer;

/**
 * JSON trees on Moshi's streaming reader and writer: objects are {@code Map<String, Object>},
 * arrays {@code List<Object>}, numbers {@code BigDecimal} when read, and JSON null is Java null.
 * Reading keeps numbers exact so that {@code 12.5} is never mistaken for an integer.
 */
final class Json {
  private Json() {}

  /** Thrown for bytes that are not one well-formed JSON value; carries no part of the input. */
  static final class MalformedJsonException extends Exception {
    MalformedJsonException(String message) {
      super(message, null, false, false);
    }
  }

  static Object parse(byte[] bytes) throws MalformedJsonException {
    JsonReader reader = JsonReader.of(new Buffer().write(bytes));
    try {
      Object value = readValue(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new MalformedJsonException("Unexpected content after the JSON value.");
      }
      return value;
    } catch (IOException | JsonDataException e) {
      // Moshi's messages may quote the input; only the JSON path is safe to show.
      throw new MalformedJsonException("The request body is not valid JSON (near " + reader.getPath() + ").");
    }
  }

  private static Object readValue(JsonReader reader) throws IOException, MalformedJsonException {
    switch (reader.peek()) {
      case BEGIN_OBJECT: {
        Map<String, Object> object = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          if (object.containsKey(name)) {
            throw new MalformedJsonException("The request body repeats the field " + name + ".");
          }
          object.put(name, readValue(reader));
        }
        reader.endObject();
        return object;
      }
      case BEGIN_ARRAY: {
        List<Object> array = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          array.add(readValue(reader));
        }
        reader.endArray();
        return array;
      }
      case STRING:
        return reader.nextString();
      case NUMBER:
        return new BigDecimal(reader.nextString());
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new MalformedJsonException("The request body is not valid JSON.");
    }
  }

  /** An object from alternating names and values; values may be null. */
  static Map<String, Object> object(Object... namesAndValues) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      object.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return object;
  }

  static byte[] write(Object value) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      writeValue(writer, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readByteArray();
  }

  /** The same value with every object's keys sorted, so equal requests compare equal. */
  static Object canonical(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((key, item) -> sorted.put((String) key, canonical(item)));
      return sorted;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Json::canonical).toList();
    }
    if (value instanceof BigDecimal number) {
      return number.stripTrailingZeros();
    }
    return value;
  }

  private static void writeValue(JsonWriter writer, Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof Map<?, ?> map) {
      writer.beginObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        writer.name((String) entry.getKey());
        writeValue(writer, entry.getValue());
      }
      writer.endObject();
    } else if (value instanceof List<?> list) {
      writer.beginArray();
      for (Object item : list) {
        writeValue(writer, item);
      }
      writer.endArray();
    } else if (value instanceof String string) {
      writer.value(string);
    } else if (value instanceof Boolean bool) {
      writer.value(bool);
    } else if (value instanceof Long || value instanceof Integer) {
      writer.value(((Number) value).longValue());
    } else if (value instanceof Number number) {
      writer.value(number);
    } else {
      throw new IllegalArgumentException("Not a JSON value: " + value.getClass());
    }
  }
}
