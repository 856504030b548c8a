package dev.settle;

import dev.settle.exception.ClientClosedException;
import dev.settle.internal.http.BillingService;
import dev.settle.internal.http.HttpStack;
import dev.settle.internal.http.Transport;
import dev.settle.spi.ApiCall;
import dev.settle.spi.ProviderApi;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * What every facade of one client shares, and the one way they reach the HTTP layer: the API's
 * interface, the transport that makes its calls with a call's options, the providers and the
 * clock. Thread-safe.
 */
final class Backend {
  final BillingService api;
  final Providers providers;
  final Clock clock;
  private final Transport transport;
  private final HttpStack http;
  private final BooleanSupplier closed;

  Backend(HttpStack http, Transport transport, Providers providers, Clock clock, BooleanSupplier closed) {
    this.api = http.billing();
    this.http = http;
    this.transport = transport;
    this.providers = providers;
    this.clock = clock;
    this.closed = closed;
  }

  /** Makes {@code call} on the caller's thread. */
  <T> T call(ApiCall<T> call, RequestOptions options) {
    return call(call, options, null);
  }

  /**
   * Makes {@code call} on the caller's thread; an unknown outcome is reported under
   * {@code callKey} when not null (a provider's request, whose key is derived from its call's).
   */
  <T> T call(ApiCall<T> call, RequestOptions options, @Nullable String callKey) {
    checkOpen();
    return transport.execute(call, options.timeout().orElse(null), callKey);
  }

  /** Starts {@code call}; cancelling the future cancels it. */
  <T> CompletableFuture<T> callAsync(ApiCall<T> call, RequestOptions options) {
    return callAsync(call, options, null);
  }

  /** Like {@link #call(ApiCall, RequestOptions, String)}, without blocking. */
  <T> CompletableFuture<T> callAsync(ApiCall<T> call, RequestOptions options, @Nullable String callKey) {
    try {
      checkOpen();
    } catch (ClientClosedException closedNow) {
      return CompletableFuture.failedFuture(closedNow);
    }
    return transport.executeAsync(call, options.timeout().orElse(null), callKey);
  }

  <S> S providerApi(ProviderApi<S> api) {
    return http.providerApi(api);
  }

  /** The caller's idempotency key, or a fresh one: every write carries one from its first attempt. */
  static String key(RequestOptions options) {
    return options.idempotencyKey().orElseGet(() -> UUID.randomUUID().toString());
  }

  private void checkOpen() {
    if (closed.getAsBoolean()) {
      throw new ClientClosedException("This SettleClient is closed; build a new one to make calls");
    }
  }
}
