package dev.settle.internal.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.settle.model.PaymentMethod;
import dev.settle.model.PaymentMethodDetails;
import dev.settle.model.PaymentMethodId;
import dev.settle.model.UnknownPaymentMethodDetails;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * Reads a payment method, handing the object named after its {@code type} to that kind's
 * provider. A kind with no provider is kept as {@link UnknownPaymentMethodDetails}.
 *
 * <p>The {@code type} may come after the details object, so it is found first on a peeked copy of
 * the reader; the object itself is then read in one streaming pass.
 */
final class PaymentMethodAdapter extends JsonAdapter<PaymentMethod> {
  private static final JsonReader.Options FIELDS =
      JsonReader.Options.of("id", "type", "preferred", "created_at");

  private final Map<String, JsonAdapter<? extends PaymentMethodDetails>> detailsByKind;
  private final JsonAdapter<Instant> instants;
  private final JsonAdapter<Object> anything;

  PaymentMethodAdapter(
      Map<String, JsonAdapter<? extends PaymentMethodDetails>> detailsByKind,
      JsonAdapter<Instant> instants,
      JsonAdapter<Object> anything) {
    this.detailsByKind = detailsByKind;
    this.instants = instants;
    this.anything = anything;
  }

  @Override
  public PaymentMethod fromJson(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    String kind = kindOf(reader.peekJson());
    String id = null;
    Boolean preferred = null;
    Instant createdAt = null;
    PaymentMethodDetails details = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(FIELDS)) {
        case 0:
          id = reader.nextString();
          break;
        case 1:
          reader.skipValue();
          break;
        case 2:
          preferred = reader.nextBoolean();
          break;
        case 3:
          createdAt = instants.fromJson(reader);
          break;
        default:
          if (reader.nextName().equals(kind)) {
            details = readDetails(kind, reader);
          } else {
            reader.skipValue();
          }
      }
    }
    reader.endObject();
    return PaymentMethod.builder()
        .id(PaymentMethodId.of(ModelAdapters.required(id, "payment_method.id")))
        .kind(kind)
        .preferred(ModelAdapters.required(preferred, "payment_method.preferred"))
        .createdAt(ModelAdapters.required(createdAt, "payment_method.created_at"))
        .details(details != null ? details : missingDetails(kind))
        .build();
  }

  private PaymentMethodDetails readDetails(String kind, JsonReader reader) throws IOException {
    JsonAdapter<? extends PaymentMethodDetails> adapter = detailsByKind.get(kind);
    if (adapter != null) {
      return ModelAdapters.required(adapter.fromJson(reader), "payment_method." + kind);
    }
    Object raw = anything.fromJson(reader);
    if (!(raw instanceof Map)) {
      throw new WireFormatException("payment_method." + kind + " is not an object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> attributes = (Map<String, Object>) raw;
    return UnknownPaymentMethodDetails.of(kind, attributes);
  }

  /** Absent details are tolerated for an unknown kind only: a known kind must bring its own. */
  private PaymentMethodDetails missingDetails(String kind) {
    if (detailsByKind.containsKey(kind)) {
      throw new WireFormatException("Required field payment_method." + kind + " is missing");
    }
    return UnknownPaymentMethodDetails.of(kind, Map.of());
  }

  private static String kindOf(JsonReader peek) throws IOException {
    try (peek) {
      peek.beginObject();
      while (peek.hasNext()) {
        if (peek.nextName().equals("type")) {
          return peek.nextString();
        }
        peek.skipValue();
      }
      throw new WireFormatException("Required field payment_method.type is missing");
    }
  }

  @Override
  public void toJson(JsonWriter writer, PaymentMethod value) {
    throw new UnsupportedOperationException("Settle only reads payment methods");
  }
}
