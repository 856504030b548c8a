package dev.settle;

import dev.settle.model.CustomerId;
import dev.settle.spi.ApiCall;
import dev.settle.spi.ProviderApi;
import dev.settle.spi.ProviderContext;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link ProviderContext} of one call on one account. The n-th write a provider makes gets
 * the call's idempotency key suffixed with {@code :n}, so repeating the whole call with the same
 * key replays each provider request instead of repeating it; and an unknown outcome is reported
 * under the call's own key, which is the one that resolves it.
 */
final class ProviderCalls implements ProviderContext {
  private final Backend backend;
  private final CustomerId customer;
  private final String idempotencyKey;
  private final Steps steps;
  private final AtomicInteger writes = new AtomicInteger();

  ProviderCalls(Backend backend, CustomerId customer, String idempotencyKey, Steps steps) {
    this.backend = backend;
    this.customer = customer;
    this.idempotencyKey = idempotencyKey;
    this.steps = steps;
  }

  @Override
  public Clock clock() {
    return backend.clock;
  }

  @Override
  public CustomerId customerId() {
    return customer;
  }

  @Override
  public Optional<URI> returnUrl() {
    return steps.options().returnUrl();
  }

  @Override
  public <S> S api(ProviderApi<S> api) {
    return backend.providerApi(api);
  }

  @Override
  public String nextIdempotencyKey() {
    return idempotencyKey + ":" + writes.incrementAndGet();
  }

  @Override
  public <T> T execute(ApiCall<T> call) {
    return backend.call(call, steps.options(), idempotencyKey);
  }

  @Override
  public <T> CompletableFuture<T> executeAsync(ApiCall<T> call) {
    return steps.track(backend.callAsync(call, steps.options(), idempotencyKey));
  }

  @Override
  public String toString() {
    return "ProviderContext{customerId=" + customer + "}";
  }
}
