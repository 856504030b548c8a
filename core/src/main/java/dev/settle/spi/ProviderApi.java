package dev.settle.spi;

import static dev.settle.exception.ValidationException.required;

import com.squareup.moshi.JsonAdapter;
import java.lang.reflect.Type;
import java.util.List;

/**
 * A provider's own part of the billing API: a Retrofit interface and the Moshi adapters of the
 * bodies it sends and reads. Declare one as a constant; {@link ProviderContext#api} builds it
 * once per client, with the client's HTTP stack, JSON converter and call adapter, and a Moshi
 * that knows these adapters besides Settle's model.
 *
 * <pre>{@code
 * static final ProviderApi<Tokens> TOKENS =
 *     ProviderApi.of(Tokens.class, ProviderApi.adapter(TokenRequest.class, new TokenRequestAdapter()));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param <S> the Retrofit interface, whose methods return {@link ApiCall}
 */
public final class ProviderApi<S> {
  private final Class<S> service;
  private final List<JsonAdapter.Factory> jsonAdapters;

  private ProviderApi(Class<S> service, List<JsonAdapter.Factory> jsonAdapters) {
    this.service = service;
    this.jsonAdapters = jsonAdapters;
  }

  /**
   * The interface {@code service}, whose bodies {@code jsonAdapters} read and write.
   *
   * @param <S> the interface type
   * @param service the Retrofit interface of the provider's requests
   * @param jsonAdapters the adapters of the provider's request and response bodies
   * @return the provider's API
   */
  public static <S> ProviderApi<S> of(Class<S> service, JsonAdapter.Factory... jsonAdapters) {
    if (!required(service, "service").isInterface()) {
      throw new IllegalArgumentException(service.getName() + " is not an interface");
    }
    return new ProviderApi<>(service, List.of(required(jsonAdapters, "jsonAdapters")));
  }

  /**
   * A factory that gives {@code adapter} for {@code type} and nothing else.
   *
   * @param <T> the type read and written
   * @param type the type {@code adapter} is for
   * @param adapter the adapter
   * @return a factory for that type alone
   */
  public static <T> JsonAdapter.Factory adapter(Type type, JsonAdapter<T> adapter) {
    required(type, "type");
    required(adapter, "adapter");
    return (requested, annotations, moshi) ->
        annotations.isEmpty() && requested.equals(type) ? adapter : null;
  }

  /** {@return the Retrofit interface} */
  public Class<S> service() {
    return service;
  }

  /** {@return the adapters its bodies need beyond Settle's model} */
  public List<JsonAdapter.Factory> jsonAdapters() {
    return jsonAdapters;
  }

  @Override
  public String toString() {
    return "ProviderApi{" + service.getName() + "}";
  }
}
