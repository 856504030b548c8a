package dev.settle.internal.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import dev.settle.model.PaymentMethod;
import dev.settle.model.PaymentMethodDetails;
import dev.settle.model.PaymentMethodId;
import dev.settle.model.UnknownPaymentMethodDetails;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a payment method, handing the object named after its {@code type} to that kind's
 * provider. A kind with no provider is kept as {@link UnknownPaymentMethodDetails}.
 *
 * <p>One streaming pass: the details are handed to the provider as they are read. Only when the
 * server writes a details object before {@code type} is it held as a map until the type is known.
 */
final class PaymentMethodAdapter extends ModelAdapters.Answer<PaymentMethod> {
  private static final JsonReader.Options FIELDS =
      JsonReader.Options.of("id", "type", "preferred", "created_at", "usable_off_session");

  private final Map<String, JsonAdapter<? extends PaymentMethodDetails>> detailsByKind;
  private final JsonAdapter<Object> anything;

  PaymentMethodAdapter(
      Map<String, JsonAdapter<? extends PaymentMethodDetails>> detailsByKind,
      JsonAdapter<Object> anything) {
    this.detailsByKind = detailsByKind;
    this.anything = anything;
  }

  @Override
  PaymentMethod read(JsonReader reader, @Nullable String requestId) throws IOException {
    String kind = null;
    String id = null;
    Boolean preferred = null;
    Boolean usableOffSession = null;
    Instant createdAt = null;
    PaymentMethodDetails details = null;
    Map<String, Object> early = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(FIELDS)) {
        case 0:
          id = reader.nextString();
          break;
        case 1:
          kind = reader.nextString();
          break;
        case 2:
          preferred = reader.nextBoolean();
          break;
        case 3:
          createdAt = ModelAdapters.instant(reader);
          break;
        case 4:
          usableOffSession = reader.nextBoolean();
          break;
        default:
          String name = reader.nextName();
          if (name.equals(kind)) {
            details = readDetails(kind, reader);
          } else if (kind == null && reader.peek() == JsonReader.Token.BEGIN_OBJECT) {
            // The details came before the type: keep them until the type says whose they are.
            if (early == null) {
              early = new LinkedHashMap<>();
            }
            early.put(name, anything.fromJson(reader));
          } else {
            reader.skipValue();
          }
      }
    }
    reader.endObject();
    ModelAdapters.required(kind, "payment_method.type");
    if (details == null && early != null && early.containsKey(kind)) {
      details = detailsFromValue(kind, early.get(kind));
    }
    return PaymentMethod.builder()
        .id(PaymentMethodId.of(ModelAdapters.required(id, "payment_method.id")))
        .kind(kind)
        .preferred(ModelAdapters.required(preferred, "payment_method.preferred"))
        .usableOffSession(ModelAdapters.required(usableOffSession, "payment_method.usable_off_session"))
        .createdAt(ModelAdapters.required(createdAt, "payment_method.created_at"))
        .details(details != null ? details : missingDetails(kind))
        .requestId(requestId)
        .build();
  }

  private PaymentMethodDetails detailsFromValue(String kind, Object value) {
    JsonAdapter<? extends PaymentMethodDetails> adapter = detailsByKind.get(kind);
    if (adapter != null) {
      return ModelAdapters.required(adapter.fromJsonValue(value), "payment_method." + kind);
    }
    return unknown(kind, value);
  }

  private PaymentMethodDetails readDetails(String kind, JsonReader reader) throws IOException {
    JsonAdapter<? extends PaymentMethodDetails> adapter = detailsByKind.get(kind);
    if (adapter != null) {
      return ModelAdapters.required(adapter.fromJson(reader), "payment_method." + kind);
    }
    return unknown(kind, anything.fromJson(reader));
  }

  private static PaymentMethodDetails unknown(String kind, Object raw) {
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

  @Override
  public String toString() {
    return "PaymentMethod";
  }
}
