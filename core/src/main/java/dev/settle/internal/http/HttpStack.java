package dev.settle.internal.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.settle.model.PaymentMethod;
import dev.settle.model.PaymentMethodDetails;
import com.squareup.moshi.JsonEncodingException;
import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * One client's HTTP machinery, built once and shared by all its calls: the OkHttp client, the
 * Moshi instance that knows every provider's details, and the Retrofit service.
 */
public final class HttpStack {
  /** The API version this client speaks, sent on every request. */
  public static final String API_VERSION = "2026-11-01";

  private final BillingApi api;
  private final Moshi moshi;
  private final JsonAdapter<Wire.ErrorBody> errors;

  private HttpStack(BillingApi api, Moshi moshi) {
    this.api = api;
    this.moshi = moshi;
    this.errors = moshi.adapter(Wire.ErrorBody.class);
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
    PaymentMethodAdapter paymentMethods =
        new PaymentMethodAdapter(byKind, shared.adapter(Object.class));
    Moshi moshi =
        shared.newBuilder().add(PaymentMethod.class, paymentMethods.nullSafe()).build();

    OkHttpClient.Builder okHttpBuilder =
        base.newBuilder()
            // Settle retries by its own policy with the same idempotency key; OkHttp's silent
            // re-send of a POST after a dropped connection could charge twice.
            .retryOnConnectionFailure(false)
            .connectTimeout(timeouts.connect())
            .readTimeout(timeouts.read())
            .writeTimeout(timeouts.write())
            .callTimeout(timeouts.call())
            .addInterceptor(new ClientHeaders(apiKey, API_VERSION));
    if (logging != null) {
      okHttpBuilder.addNetworkInterceptor(logging);
    }
    OkHttpClient okHttp = okHttpBuilder.build();
    Retrofit retrofit =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .client(okHttp)
            .addConverterFactory(
                new SafeConverterFactory(MoshiConverterFactory.create(moshi)))
            .build();
    return new HttpStack(retrofit.create(BillingApi.class), moshi);
  }

  Moshi moshi() {
    return moshi;
  }

  public BillingApi api() {
    return api;
  }

  /** Decodes a provider's response body; failures come out as {@link WireFormatException}. */
  public <T> T decode(ResponseBody body, Type type) throws IOException {
    JsonAdapter<T> adapter = moshi.adapter(type);
    try (ResponseBody limited = BodyLimit.apply(body)) {
      T value = adapter.fromJson(limited.source());
      if (value == null) {
        throw new WireFormatException("The body was JSON null");
      }
      return value;
    } catch (WireFormatException e) {
      throw e;
    } catch (RuntimeException | AssertionError | EOFException | JsonEncodingException e) {
      // Moshi reports a wire record whose constructor throws as an AssertionError.
      throw new WireFormatException(SafeConverterFactory.describe(e), e);
    }
  }

  /** Reads an error body; null when it is not the error shape (an HTML page from a proxy). */
  public Wire.Error decodeError(ResponseBody body) {
    if (body == null) {
      return null;
    }
    try (ResponseBody limited = BodyLimit.apply(body)) {
      Wire.ErrorBody parsed = errors.fromJson(limited.source());
      return parsed == null ? null : parsed.error();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The per-socket and whole-call timeouts. */
  public record Timeouts(Duration connect, Duration read, Duration write, Duration call) {}
}
