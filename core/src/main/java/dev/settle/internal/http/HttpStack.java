package dev.settle.internal.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import dev.settle.model.PaymentMethod;
import dev.settle.model.PaymentMethodDetails;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;

/**
 * One client's HTTP machinery, built once and shared by all its calls: the OkHttp client, the
 * Moshi instance that knows every provider's details, and the API's calls.
 */
public final class HttpStack {
  /** The API version this client speaks, sent on every request. */
  public static final String API_VERSION = "2026-11-01";

  private final Moshi moshi;
  private final JsonAdapter<Wire.ErrorBody> errors;
  private final BillingApi api;

  private HttpStack(HttpUrl baseUrl, OkHttpClient okHttp, Moshi moshi) {
    this.moshi = moshi;
    this.errors = moshi.adapter(Wire.ErrorBody.class);
    this.api = new BillingApi(baseUrl, okHttp, this);
  }

  /**
   * Builds the stack.
   *
   * @param base the user's OkHttp client to share pools with, or a fresh one
   * @param detailsAdapters each kind's details adapter, made from the Moshi it is given
   * @param logging the HTTP log, or null for none
   */
  public static HttpStack create(
      HttpUrl baseUrl,
      String apiKey,
      OkHttpClient base,
      Timeouts timeouts,
      Map<String, Function<Moshi, JsonAdapter<? extends PaymentMethodDetails>>> detailsAdapters,
      LoggingInterceptor logging) {
    Moshi shared = new Moshi.Builder().add(new ModelAdapters()).build();
    Map<String, JsonAdapter<? extends PaymentMethodDetails>> byKind = new LinkedHashMap<>();
    detailsAdapters.forEach((kind, factory) -> byKind.put(kind, factory.apply(shared)));
    PaymentMethodAdapter paymentMethods = new PaymentMethodAdapter(byKind, shared.adapter(Object.class));
    Moshi moshi =
        shared.newBuilder().add(PaymentMethod.class, paymentMethods.nullSafe()).build();

    OkHttpClient.Builder okHttpBuilder =
        base.newBuilder()
            // Settle retries by its own policy with the same idempotency key; OkHttp's silent
            // re-send of a POST after a dropped connection could charge twice.
            .retryOnConnectionFailure(false)
            // A redirect would re-send the request, card data included, to the host it names,
            // or turn a payment into a GET whose answer looks like one: never followed.
            .followRedirects(false)
            .followSslRedirects(false)
            .connectTimeout(timeouts.connect())
            .readTimeout(timeouts.read())
            .writeTimeout(timeouts.write())
            .callTimeout(timeouts.call())
            // Last of the application interceptors: those of a client the user shares never see
            // the API key and cannot replace it.
            .addInterceptor(new ClientHeaders(apiKey, API_VERSION));
    // First of the network interceptors, which OkHttp appends after those of a shared client.
    okHttpBuilder.networkInterceptors().add(0, Sending.INTERCEPTOR);
    if (logging != null) {
      okHttpBuilder.addNetworkInterceptor(logging);
    }
    return new HttpStack(baseUrl, okHttpBuilder.build(), moshi);
  }

  Moshi moshi() {
    return moshi;
  }

  public BillingApi api() {
    return api;
  }

  /** Decodes a 2xx body; every way it can fail to decode comes out as {@link WireFormatException}. */
  <T> T decode(ResponseBody body, JsonAdapter<T> adapter) throws IOException {
    try (ResponseBody limited = BodyLimit.apply(body);
        JsonReader reader = JsonReader.of(limited.source())) {
      T value = adapter.fromJson(reader);
      if (value == null) {
        throw new WireFormatException("The body was JSON null");
      }
      if (!atEnd(reader)) {
        throw new WireFormatException("The body holds more than one JSON value");
      }
      return value;
    } catch (WireFormatException e) {
      throw e;
    } catch (RuntimeException | AssertionError | EOFException | JsonEncodingException e) {
      // Moshi reports a wire record whose constructor throws as an AssertionError.
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
   * Reads an error body; null when it is not the error shape (an HTML page from a proxy). A
   * connection lost while reading it is thrown: the answer was not received.
   */
  Wire.Error decodeError(ResponseBody body) throws IOException {
    try (ResponseBody limited = BodyLimit.apply(body)) {
      Wire.ErrorBody parsed = errors.fromJson(limited.source());
      return parsed == null ? null : parsed.error();
    } catch (EOFException | JsonEncodingException | RuntimeException | AssertionError e) {
      return null;
    }
  }

  /** The whole body as bytes, within the size cap. */
  static byte[] bytes(ResponseBody body) throws IOException {
    try (ResponseBody limited = BodyLimit.apply(body)) {
      return limited.bytes();
    }
  }

  /**
   * The decoder's reason, never a value from the body: Moshi's syntax messages name a JSON path;
   * its type messages also quote a number or string it could not convert ({@code Expected a long
   * but was 4242… at path $.total}), which is cut out; for anything else only the failure's type
   * is given, since its message may quote the body.
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
    return e.getClass().getSimpleName() + " while decoding";
  }

  /** The per-socket and whole-call timeouts. */
  public record Timeouts(Duration connect, Duration read, Duration write, Duration call) {}
}
