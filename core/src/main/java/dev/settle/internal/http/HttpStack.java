package dev.settle.internal.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Moshi;
import dev.settle.model.PaymentMethod;
import dev.settle.model.PaymentMethodDetails;
import dev.settle.spi.ProviderApi;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Retrofit;

/**
 * One client's HTTP machinery, built once and shared by all its calls: the OkHttp client, the
 * Moshi instance that knows every provider's details, and the Retrofit that turns the API's
 * interfaces into calls.
 */
public final class HttpStack {
  /** The API version this client speaks, sent on every request. */
  public static final String API_VERSION = "2026-11-01";

  private final OkHttpClient okHttp;
  private final Moshi moshi;
  private final Retrofit retrofit;
  private final BillingService billing;
  private final JsonAdapter<Wire.ErrorBody> errors;
  private final Map<ProviderApi<?>, Object> providerApis = new ConcurrentHashMap<>();

  private HttpStack(HttpUrl baseUrl, OkHttpClient okHttp, Moshi moshi) {
    this.okHttp = okHttp;
    this.moshi = moshi;
    this.retrofit = retrofit(baseUrl, moshi);
    this.billing = retrofit.create(BillingService.class);
    this.errors = moshi.adapter(Wire.ErrorBody.class);
  }

  /**
   * Builds the stack.
   *
   * @param base the OkHttp client to derive Settle's from: the user's, to share its pools, or one
   *     of the client's own
   * @param detailsAdapters each kind's details adapter, made from the Moshi it is given
   * @param logging the HTTP log, or null for none
   */
  public static HttpStack create(
      HttpUrl baseUrl,
      String apiKey,
      OkHttpClient base,
      Timeouts timeouts,
      Map<String, Function<Moshi, JsonAdapter<? extends PaymentMethodDetails>>> detailsAdapters,
      @Nullable LoggingInterceptor logging) {
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
            // Each call's deadline is kept by the client's timer, across its attempts and waits.
            .callTimeout(Duration.ZERO);
    // When an attempt leaves the dispatcher's queue, and whether its request may have left.
    okHttpBuilder.eventListenerFactory(AttemptTrace.listening(base.eventListenerFactory()));
    // Last of them: those of a client the user shares never see the API key and cannot replace it.
    okHttpBuilder.addInterceptor(new ClientHeaders(apiKey, API_VERSION));
    if (logging != null) {
      okHttpBuilder.addNetworkInterceptor(logging);
    }
    return new HttpStack(baseUrl, okHttpBuilder.build(), moshi(detailsAdapters));
  }

  /** The one Moshi of a client: the model, the wire records, and every provider's details. */
  static Moshi moshi(Map<String, Function<Moshi, JsonAdapter<? extends PaymentMethodDetails>>> detailsAdapters) {
    Moshi shared = new Moshi.Builder().add(new ModelAdapters()).add(new WireAdapters()).build();
    Map<String, JsonAdapter<? extends PaymentMethodDetails>> byKind = new LinkedHashMap<>();
    detailsAdapters.forEach((kind, factory) -> byKind.put(kind, factory.apply(shared)));
    PaymentMethodAdapter paymentMethods = new PaymentMethodAdapter(byKind, shared.adapter(Object.class));
    return shared.newBuilder().add(PaymentMethod.class, paymentMethods).build();
  }

  private static Retrofit retrofit(HttpUrl baseUrl, Moshi moshi) {
    return new Retrofit.Builder()
        .baseUrl(baseUrl)
        .callFactory(RequestOnly.FACTORY)
        .addConverterFactory(new JsonConverters(moshi))
        .addCallAdapterFactory(CallAdapters.INSTANCE)
        .validateEagerly(true)
        .build();
  }

  /** Settle's own interface of the billing API. */
  public BillingService billing() {
    return billing;
  }

  /**
   * A provider's interface, built on first use with the same OkHttp client, converter and call
   * adapter, and a Moshi that also knows the provider's adapters; kept for the client's life.
   */
  @SuppressWarnings("unchecked")
  public <S> S providerApi(ProviderApi<S> api) {
    return (S) providerApis.computeIfAbsent(api, key -> {
      Moshi.Builder json = moshi.newBuilder();
      key.jsonAdapters().forEach(json::add);
      return retrofit(retrofit.baseUrl(), json.build()).create(key.service());
    });
  }

  /** The OkHttp client the stack derived, for the client to release what it created. */
  public OkHttpClient okHttp() {
    return okHttp;
  }

  /**
   * Reads an error body within the size limit; null when it is not the error shape (an HTML page
   * from a proxy, a body over the limit). A connection lost inside it is thrown: the answer was
   * not received.
   */
  Wire.@Nullable Error error(ResponseBody body) throws IOException {
    try (ResponseBody limited = BodyLimit.apply(body)) {
      Wire.ErrorBody parsed = errors.fromJson(limited.source());
      return parsed == null ? null : parsed.error();
    } catch (EOFException | JsonEncodingException | RuntimeException | AssertionError e) {
      return null;
    }
  }

  /** The per-socket timeouts. */
  public record Timeouts(Duration connect, Duration read, Duration write) {}
}
