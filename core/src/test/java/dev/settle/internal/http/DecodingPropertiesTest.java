package dev.settle.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import dev.settle.model.Account;
import dev.settle.model.Invoice;
import dev.settle.model.Payment;
import dev.settle.model.PaymentMethodDetails;
import dev.settle.testing.Json;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * Hostile bodies through the real response decoder: whatever the bytes, decoding returns a
 * value or throws {@link WireFormatException}; no NullPointerException, JsonDataException or
 * ClassCastException escapes.
 */
class DecodingPropertiesTest {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final List<Type> TYPES = List.of(
      Account.class, Invoice.class, Payment.class, dev.settle.model.PaymentMethod.class,
      ModelAdapters.pageOf(Invoice.class));
  private static final List<String> VALID = List.of(
      Json.account("200001", "II", Json.cardMethod("pm_1", true)), Json.invoice("in_1", "open"),
      Json.payment("py_1", "in_1", "succeeded"), Json.cardMethod("pm_1", true),
      Json.page(true, "c2", Json.invoice("in_1", "open"), Json.invoice("in_2", "paid")));

  private static final Moshi MOSHI = HttpStack.moshi(
      Map.<String, Function<Moshi, JsonAdapter<? extends PaymentMethodDetails>>>of("card", StrictCard::new));
  private static final JsonConverters CONVERTERS = new JsonConverters(MOSHI);

  /** Through the converter Retrofit reads every answer with. */
  private static Object decode(Type type, String body) throws Exception {
    return CONVERTERS.responseBodyConverter(type, new Annotation[0], null)
        .convert(ResponseBody.create(body, JSON));
  }

  @Property(tries = 400, seed = "20261126")
  void mutatedBodiesDecodeOrFailAsWireFormat(@ForAll("mutatedBodies") Mutated body) {
    Throwable failure = catchThrowable(() -> decode(TYPES.get(body.type), body.text));
    if (failure != null) {
      assertThat(failure).as("%s", body.text).isInstanceOf(WireFormatException.class);
    }
  }

  @Property(tries = 300, seed = "20261126")
  void arbitraryTextDecodesOrFailsAsWireFormat(@ForAll("anyText") String text, @ForAll("typeIndex") int type) {
    Throwable failure = catchThrowable(() -> decode(TYPES.get(type), text));
    if (failure != null) {
      assertThat(failure).isInstanceOf(WireFormatException.class);
    }
  }

  @Test
  void theValidBodiesDecode() throws Exception {
    for (int i = 0; i < VALID.size(); i++) {
      assertThat(decode(TYPES.get(i), VALID.get(i))).isNotNull();
    }
  }

  @Test
  void aBodyWithMoreThanOneValueIsRefused() {
    String twice = Json.payment("py_1", "in_1", "succeeded") + " {}";

    assertThatThrownBy(() -> decode(Payment.class, twice))
        .isInstanceOf(WireFormatException.class).hasMessage("The body holds more than one JSON value");
  }

  @Test
  void aValueOfTheWrongTypeIsNamedByItsPathNotQuoted() {
    String invoice = Json.invoice("in_1", "open").replace("\"total\":11900", "\"total\":\"4242424242424242x\"");

    assertThatThrownBy(() -> decode(Invoice.class, invoice))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("Expected a long at path $.total")
        .hasMessageNotContaining("4242");
  }

  @Test
  void aNullItemInAListIsRefused() {
    String page = Json.page(false, null, Json.invoice("in_1", "open"), "null");

    assertThatThrownBy(() -> decode(ModelAdapters.pageOf(Invoice.class), page))
        .isInstanceOf(WireFormatException.class).hasMessage("A list item is null at $.data[1]");
  }

  @Test
  void bodiesOverTheLimitAreRefusedWithoutReadingThemWhole() {
    Buffer huge = new Buffer();
    huge.writeUtf8("{\"customer_id\":\"");
    for (int i = 0; i < 2048; i++) {
      huge.writeUtf8("0".repeat(1024));
    }
    ResponseBody body = BodyLimit.apply(ResponseBody.create(huge, JSON, -1), 1024 * 1024);

    assertThatThrownBy(() -> MOSHI.adapter(Account.class).fromJson(body.source()))
        .isInstanceOf(WireFormatException.class).hasMessageContaining("limit");
  }

  @Provide
  Arbitrary<Integer> typeIndex() {
    return Arbitraries.integers().between(0, TYPES.size() - 1);
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(60),
        Arbitraries.of("", "null", "[]", "{}", "\"x\"", "0", "true", "<html>502</html>", "{\"data\":null}",
            "{\"error\":{}}", "{\"type\":7}", "{\"portal\":[]}", "{\"has_more\":\"yes\"}"));
  }

  @Provide
  Arbitrary<Mutated> mutatedBodies() {
    Arbitrary<Integer> which = Arbitraries.integers().between(0, VALID.size() - 1);
    return Combinators.combine(which, Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 10_000),
            Arbitraries.of("null", "0", "-1", "\"\"", "[]", "{}", "true", "1e400", "\"in_\"", "\"RF\""))
        .as((i, kind, at, replacement) -> new Mutated(i, mutate(VALID.get(i), kind, at, replacement)));
  }

  /** One of six edits at a position: delete, duplicate, truncate, replace a value, drop a field, flip a quote. */
  private static String mutate(String body, int kind, int at, String replacement) {
    int position = at % body.length();
    switch (kind) {
      case 0:
        return body.substring(0, position) + body.substring(position + 1);
      case 1:
        return body.substring(0, position) + body.charAt(position) + body.substring(position);
      case 2:
        return body.substring(0, position);
      case 3: {
        int colon = body.indexOf(':', position);
        if (colon < 0) {
          return body;
        }
        int end = colon + 1;
        int depth = 0;
        boolean inString = false;
        while (end < body.length()) {
          char c = body.charAt(end);
          if (c == '"' && body.charAt(end - 1) != '\\') {
            inString = !inString;
          } else if (!inString && (c == '{' || c == '[')) {
            depth++;
          } else if (!inString && (c == '}' || c == ']')) {
            if (depth == 0) {
              break;
            }
            depth--;
          } else if (!inString && c == ',' && depth == 0) {
            break;
          }
          end++;
        }
        return body.substring(0, colon + 1) + replacement + body.substring(end);
      }
      case 4: {
        int quote = body.indexOf("\"", position);
        int comma = quote < 0 ? -1 : body.indexOf(',', quote);
        return quote < 0 || comma < 0 ? body : body.substring(0, quote) + body.substring(comma + 1);
      }
      default:
        return body.replaceFirst("\"", "'");
    }
  }

  record Mutated(int type, String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  /** A details adapter as strict as a real provider's: required fields, typed values. */
  static final class StrictCard extends JsonAdapter<PaymentMethodDetails> {
    StrictCard(Moshi moshi) {}

    @Override
    public PaymentMethodDetails fromJson(JsonReader reader) throws java.io.IOException {
      Object value = reader.readJsonValue();
      if (!(value instanceof Map) || !(((Map<?, ?>) value).get("last4") instanceof String)) {
        throw new com.squareup.moshi.JsonDataException("card.last4 is required at " + reader.getPath());
      }
      return () -> "card";
    }

    @Override
    public void toJson(JsonWriter writer, PaymentMethodDetails value) {
      throw new UnsupportedOperationException();
    }
  }
}
