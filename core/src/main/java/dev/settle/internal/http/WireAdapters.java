package dev.settle.internal.http;

import static dev.settle.internal.http.ModelAdapters.bool;
import static dev.settle.internal.http.ModelAdapters.skipField;
import static dev.settle.internal.http.ModelAdapters.string;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import dev.settle.model.Payment;
import dev.settle.spi.Token;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the {@link Wire} records and the single-use {@link Token} by hand, as the
 * model is read: one streaming pass, no reflection. A field left null is not written.
 */
final class WireAdapters implements JsonAdapter.Factory {
  private static final JsonReader.Options ERROR_BODY = JsonReader.Options.of("error");
  private static final JsonReader.Options ERROR = JsonReader.Options.of(
      "type", "code", "message", "param", "decline_code", "request_id", "payment");
  private static final JsonReader.Options DELETED = JsonReader.Options.of("id", "deleted", "restore_token");
  private static final JsonReader.Options TOKEN = JsonReader.Options.of("id");

  @Override
  public @Nullable JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty()) {
      return null;
    }
    if (type == Wire.ErrorBody.class) {
      return errorBody(moshi.adapter(Payment.class)).nullSafe();
    }
    if (type == Wire.Deleted.class) {
      return DELETED_ADAPTER.nullSafe();
    }
    if (type == Token.class) {
      return TOKEN_ADAPTER.nullSafe();
    }
    if (type == Wire.AttachRequest.class) {
      return writer((JsonWriter out, Wire.AttachRequest body) ->
          out.name("token").value(body.token()).name("preferred").value(body.preferred()));
    }
    if (type == Wire.PayRequest.class) {
      return writer((JsonWriter out, Wire.PayRequest body) ->
          out.name("payment_method_id").value(body.paymentMethodId()).name("return_url").value(body.returnUrl()));
    }
    if (type == Wire.AutoRenewalRequest.class) {
      return writer((JsonWriter out, Wire.AutoRenewalRequest body) -> out.name("enabled").value(body.enabled()));
    }
    if (type == Wire.CreateWebhookEndpointRequest.class) {
      return writer((JsonWriter out, Wire.CreateWebhookEndpointRequest body) -> {
        out.name("url").value(body.url());
        if (body.events() != null) {
          out.name("events").beginArray();
          for (String event : body.events()) {
            out.value(event);
          }
          out.endArray();
        }
      });
    }
    return null;
  }

  private static JsonAdapter<Wire.ErrorBody> errorBody(JsonAdapter<Payment> payments) {
    return new ModelAdapters.ReadOnly<>() {
      @Override
      public Wire.ErrorBody fromJson(JsonReader reader) throws IOException {
        Wire.Error error = null;
        reader.beginObject();
        while (reader.hasNext()) {
          if (reader.selectName(ERROR_BODY) == 0) {
            error = reader.peek() == JsonReader.Token.NULL ? reader.nextNull() : error(reader, payments);
          } else {
            skipField(reader);
          }
        }
        reader.endObject();
        return new Wire.ErrorBody(error);
      }
    };
  }

  private static Wire.Error error(JsonReader reader, JsonAdapter<Payment> payments) throws IOException {
    String[] text = new String[6];
    Payment payment = null;
    reader.beginObject();
    while (reader.hasNext()) {
      int field = reader.selectName(ERROR);
      if (field >= 0 && field < text.length) {
        text[field] = string(reader);
      } else if (field == text.length) {
        payment = payments.fromJson(reader);
      } else {
        skipField(reader);
      }
    }
    reader.endObject();
    return new Wire.Error(text[0], text[1], text[2], text[3], text[4], text[5], payment);
  }

  private static final JsonAdapter<Wire.Deleted> DELETED_ADAPTER = new ModelAdapters.ReadOnly<>() {
    @Override
    public Wire.Deleted fromJson(JsonReader reader) throws IOException {
      String id = null;
      Boolean deleted = null;
      String restoreToken = null;
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(DELETED)) {
          case 0 -> id = string(reader);
          case 1 -> deleted = bool(reader);
          case 2 -> restoreToken = string(reader);
          default -> skipField(reader);
        }
      }
      reader.endObject();
      return new Wire.Deleted(id, deleted, restoreToken);
    }
  };

  private static final JsonAdapter<Token> TOKEN_ADAPTER = new ModelAdapters.ReadOnly<>() {
    @Override
    public Token fromJson(JsonReader reader) throws IOException {
      String id = null;
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.selectName(TOKEN) == 0) {
          id = string(reader);
        } else {
          skipField(reader);
        }
      }
      reader.endObject();
      if (!Token.isWellFormed(id)) {
        throw new WireFormatException("Expected a token id (tok_…) at $.id");
      }
      return new Token(id);
    }
  };

  /** Writes the fields of one request body inside its object. */
  interface Fields<T> {
    void write(JsonWriter out, T body) throws IOException;
  }

  /** An adapter that writes request bodies of type {@code T}; Settle never reads them. */
  static <T> JsonAdapter<T> writer(Fields<T> fields) {
    return new JsonAdapter<>() {
      @Override
      public T fromJson(JsonReader reader) {
        throw new UnsupportedOperationException("Settle only writes request bodies");
      }

      @Override
      public void toJson(JsonWriter out, @Nullable T body) throws IOException {
        if (body == null) {
          out.nullValue();
          return;
        }
        out.beginObject();
        fields.write(out, body);
        out.endObject();
      }
    };
  }
}
