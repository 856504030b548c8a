package dev.settle.internal.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.settle.model.Account;
import dev.settle.model.Invoice;
import dev.settle.model.License;
import dev.settle.model.Payment;
import dev.settle.model.PaymentMethod;
import dev.settle.model.WebhookEndpoint;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the public model straight from JSON, one streaming pass per value, as Moshi's generated
 * adapters do: no intermediate wire object, no reflection. A missing required field or a value
 * outside the contract becomes a {@link WireFormatException} naming the field; fields the
 * contract does not know are skipped.
 */
final class ModelAdapters implements JsonAdapter.Factory {

  @Override
  public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty()) {
      return null;
    }
    if (type == Instant.class) {
      return INSTANT.nullSafe();
    }
    if (type == Account.class) {
      return new AccountAdapter(moshi.adapter(PaymentMethod.class));
    }
    if (type == Invoice.class) {
      return new InvoiceAdapter();
    }
    if (type == Payment.class) {
      return new PaymentAdapter();
    }
    if (type == License.class) {
      return new LicenseAdapter();
    }
    if (type == WebhookEndpoint.class) {
      return new WebhookEndpointAdapter();
    }
    if (type instanceof ParameterizedType && ((ParameterizedType) type).getRawType() == Wire.Page.class) {
      Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
      return new PageAdapter<>(moshi.adapter(item)).nullSafe();
    }
    return null;
  }

  private static final JsonAdapter<Instant> INSTANT =
      new JsonAdapter<>() {
        @Override
        public Instant fromJson(JsonReader reader) throws IOException {
          return timestamp(reader);
        }

        @Override
        public void toJson(JsonWriter writer, Instant value) throws IOException {
          writer.value(value.toString());
        }
      };

  /** The base of the model's adapters: Settle reads these types, it never writes them. */
  abstract static class ReadOnly<T> extends JsonAdapter<T> {
    @Override
    public final void toJson(JsonWriter writer, T value) {
      throw new UnsupportedOperationException("Settle only reads " + this);
    }
  }

  /**
   * The adapter of a model type that can be a call's whole answer: it puts the answer's request
   * id on the value as it builds it, where adding it afterwards would build the value twice.
   * Reads JSON null as null.
   */
  abstract static class Answer<T> extends ReadOnly<T> {
    @Override
    public final @Nullable T fromJson(JsonReader reader) throws IOException {
      return fromJson(reader, null);
    }

    /** Reads a value; {@code requestId} is the answer's when the value is the whole answer. */
    final @Nullable T fromJson(JsonReader reader, @Nullable String requestId) throws IOException {
      return reader.peek() == JsonReader.Token.NULL ? reader.nextNull() : read(reader, requestId);
    }

    abstract T read(JsonReader reader, @Nullable String requestId) throws IOException;
  }

  /** A string, or null for JSON null. */
  static String string(JsonReader reader) throws IOException {
    return reader.peek() == JsonReader.Token.NULL ? reader.nextNull() : reader.nextString();
  }

  /** A whole number, or null for JSON null. */
  static Long number(JsonReader reader) throws IOException {
    return reader.peek() == JsonReader.Token.NULL ? reader.nextNull() : reader.nextLong();
  }

  /** A boolean, or null for JSON null. */
  static Boolean bool(JsonReader reader) throws IOException {
    return reader.peek() == JsonReader.Token.NULL ? reader.nextNull() : reader.nextBoolean();
  }

  /** An RFC 3339 timestamp, or null for JSON null. */
  static Instant instant(JsonReader reader) throws IOException {
    return reader.peek() == JsonReader.Token.NULL ? reader.nextNull() : timestamp(reader);
  }

  private static Instant timestamp(JsonReader reader) throws IOException {
    String text = reader.nextString();
    try {
      return Timestamps.parse(text);
    } catch (DateTimeParseException e) {
      throw new WireFormatException("Not an RFC 3339 timestamp at " + reader.getPath(), e);
    }
  }

  /** An array of strings, or null for JSON null. */
  static List<String> strings(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    List<String> values = new ArrayList<>();
    reader.beginArray();
    while (reader.hasNext()) {
      String value = string(reader);
      if (value == null) {
        // The path is built only for the refusal: it costs a string per element.
        throw new WireFormatException("Required field " + reader.getPath() + " is missing");
      }
      values.add(value);
    }
    reader.endArray();
    return values;
  }

  /** Skips a field the contract does not name. */
  static void skipField(JsonReader reader) throws IOException {
    reader.skipName();
    reader.skipValue();
  }

  static <T> T required(T value, String field) {
    if (value == null) {
      throw new WireFormatException("Required field " + field + " is missing");
    }
    return value;
  }

  /** A count that fits an int and is not negative; {@code field} names it in a refusal. */
  static int count(long value, String field) {
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw new WireFormatException(field + " is not a count");
    }
    return (int) value;
  }

  /**
   * Each status type's constants by the name the server writes, the constant's in lower case:
   * looked up as they are, with no upper-cased copy of every status read.
   */
  private static final ClassValue<Map<String, Enum<?>>> WIRE_NAMES = new ClassValue<>() {
    @Override
    protected Map<String, Enum<?>> computeValue(Class<?> type) {
      Map<String, Enum<?>> byName = new HashMap<>();
      for (Object constant : type.getEnumConstants()) {
        Enum<?> known = (Enum<?>) constant;
        byName.put(known.name().toLowerCase(Locale.ROOT), known);
      }
      return Map.copyOf(byName);
    }
  };

  /** Statuses a newer server may add are read as {@code UNKNOWN}, never an error. */
  static <E extends Enum<E>> E status(Class<E> type, String value) {
    Enum<?> known = WIRE_NAMES.get(type).get(value);
    if (known != null) {
      return type.cast(known);
    }
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Enum.valueOf(type, "UNKNOWN");
    }
  }

  /**
   * The required currency read from {@code field}; a refusal names the field and never repeats the
   * code, which came from the body.
   */
  static Currency currency(String code, String field) {
    try {
      return Currency.getInstance(required(code, field));
    } catch (IllegalArgumentException e) {
      throw new WireFormatException(field + " is not an ISO 4217 currency code");
    }
  }

  static dev.settle.model.Money money(long minorUnits, Currency currency) {
    if (minorUnits < 0) {
      throw new WireFormatException("Negative amount");
    }
    return dev.settle.model.Money.ofMinor(minorUnits, currency);
  }

  static URI uri(String value) {
    try {
      return URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new WireFormatException("Not a URL: " + value.length() + " characters", e);
    }
  }

  static Type pageOf(Type element) {
    return Types.newParameterizedTypeWithOwner(Wire.class, Wire.Page.class, element);
  }
}
