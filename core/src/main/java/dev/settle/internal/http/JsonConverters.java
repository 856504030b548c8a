package dev.settle.internal.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import dev.settle.exception.ValidationException;
import java.io.EOFException;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Retrofit's converter for JSON, on the client's one Moshi, made safe for a payment client: every
 * answer is read within {@link BodyLimit}; every way a body can fail to decode (not JSON, the
 * wrong types, a required field missing, JSON null, two values) comes out as one
 * {@link WireFormatException} whose message never quotes the body; and every
 * {@link IOException} that still escapes is the network's. A {@code byte[]} answer (an invoice
 * PDF) is read whole, within the same limit. Adapters are looked up once per method.
 */
final class JsonConverters extends Converter.Factory {
  private static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");

  private final Moshi moshi;

  JsonConverters(Moshi moshi) {
    this.moshi = moshi;
  }

  @Override
  public @Nullable Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, @Nullable Retrofit retrofit) {
    if (type == byte[].class) {
      return body -> {
        try (ResponseBody limited = BodyLimit.apply(body)) {
          return limited.bytes();
        }
      };
    }
    JsonAdapter<?> adapter = moshi.adapter(type);
    if (adapter instanceof ModelAdapters.Answer) {
      return new AnswerConverter<>((ModelAdapters.Answer<?>) adapter);
    }
    return body -> decode(body, adapter, null);
  }

  @Override
  public @Nullable Converter<?, RequestBody> requestBodyConverter(Type type,
      Annotation[] parameterAnnotations, Annotation[] methodAnnotations, Retrofit retrofit) {
    JsonAdapter<Object> adapter = moshi.adapter(type);
    return value -> {
      Buffer buffer = new Buffer();
      try (JsonWriter writer = JsonWriter.of(buffer)) {
        adapter.toJson(writer, value);
      }
      return RequestBody.create(buffer.readByteString(), JSON);
    };
  }

  /** Reads a model value that a call answers with, the answer's request id on it. */
  private static final class AnswerConverter<T> implements Converter<ResponseBody, T>, RequestIds.Reader<T> {
    private final ModelAdapters.Answer<T> adapter;

    AnswerConverter(ModelAdapters.Answer<T> adapter) {
      this.adapter = adapter;
    }

    @Override
    public T convert(ResponseBody body) throws IOException {
      return decode(body, adapter, null);
    }

    @Override
    public T read(ResponseBody body, @Nullable String requestId) throws IOException {
      return decode(body, adapter, requestId);
    }
  }

  /** Reads one JSON value; a model value that is the whole answer gets {@code requestId}. */
  private static <T> T decode(ResponseBody body, JsonAdapter<T> adapter, @Nullable String requestId)
      throws IOException {
    try (ResponseBody limited = BodyLimit.apply(body);
        JsonReader reader = JsonReader.of(limited.source())) {
      T value = adapter instanceof ModelAdapters.Answer
          ? ((ModelAdapters.Answer<T>) adapter).fromJson(reader, requestId)
          : adapter.fromJson(reader);
      if (value == null) {
        throw new WireFormatException("The body was JSON null");
      }
      if (!atEnd(reader)) {
        throw new WireFormatException("The body holds more than one JSON value");
      }
      return value;
    } catch (WireFormatException e) {
      throw e;
    } catch (JsonEncodingException | EOFException | RuntimeException | AssertionError e) {
      throw new WireFormatException(describe(e), e);
    }
  }

  private static boolean atEnd(JsonReader reader) throws IOException {
    try {
      return reader.peek() == JsonReader.Token.END_DOCUMENT;
    } catch (JsonEncodingException e) {
      return false;
    }
  }

  /**
   * The decoder's reason, never a value from the body: Moshi's syntax messages name a JSON path;
   * its type messages also quote a number or string it could not convert ({@code Expected a long
   * but was 4242… at path $.total}), which is cut out; a value the model refuses is named by its
   * field; for anything else only the failure's type is given, since its message may quote the
   * body.
   */
  static String describe(Throwable e) {
    if (e instanceof EOFException) {
      return "The body ended before a complete JSON value";
    }
    if (e instanceof JsonEncodingException) {
      return e.getMessage();
    }
    if (e instanceof JsonDataException) {
      String message = String.valueOf(e.getMessage());
      int butWas = message.indexOf(" but was ");
      int atPath = message.lastIndexOf(" at path ");
      return butWas >= 0 && atPath > butWas
          ? message.substring(0, butWas) + message.substring(atPath)
          : message;
    }
    if (e instanceof ValidationException) {
      return "A value outside the contract for " + ((ValidationException) e).param();
    }
    return e.getClass().getSimpleName() + " while decoding";
  }
}
