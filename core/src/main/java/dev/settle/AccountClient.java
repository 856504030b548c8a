package dev.settle;

import static dev.settle.exception.ValidationException.required;

import dev.settle.model.Account;
import dev.settle.model.CustomerId;
import dev.settle.spi.ProviderContext;
import dev.settle.spi.ProviderScope;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One customer's account: its payment methods, invoices and licenses.
 *
 * <p>Cheap to create and thread-safe; it holds no state of the account, and every method that
 * returns data makes a request. Each operation has four forms: blocking and {@code …Async}, each
 * with and without {@link RequestOptions}.
 */
public final class AccountClient {
  private final CustomerId customerId;
  private final Backend backend;
  private final PaymentMethods paymentMethods;
  private final Invoices invoices;
  private final Licenses licenses;

  AccountClient(CustomerId customerId, Backend backend) {
    this.customerId = customerId;
    this.backend = backend;
    this.paymentMethods = new PaymentMethods(customerId, backend);
    this.invoices = new Invoices(customerId, backend);
    this.licenses = new Licenses(customerId, backend);
  }

  /** {@return the customer number this account is for} */
  public CustomerId customerId() {
    return customerId;
  }

  /**
   * Reads the account: its portal, currency and preferred payment method.
   *
   * @return the account
   */
  public Account get() {
    return get(RequestOptions.defaults());
  }

  /**
   * Like {@link #get()}, with per-call options.
   *
   * @param options options for this call, such as its timeout
   * @return the account
   */
  public Account get(RequestOptions options) {
    return backend.call(backend.api.getAccount(customerId), required(options, "options"));
  }

  /**
   * Like {@link #get()}, without blocking.
   *
   * @return a future of the account
   */
  public CompletableFuture<Account> getAsync() {
    return getAsync(RequestOptions.defaults());
  }

  /**
   * Like {@link #get(RequestOptions)}, without blocking.
   *
   * @param options options for this call, such as its timeout
   * @return a future of the account
   */
  public CompletableFuture<Account> getAsync(RequestOptions options) {
    return backend.callAsync(backend.api.getAccount(customerId), required(options, "options"));
  }

  /** {@return the account's stored payment methods} */
  public PaymentMethods paymentMethods() {
    return paymentMethods;
  }

  /** {@return the account's invoices} */
  public Invoices invoices() {
    return invoices;
  }

  /** {@return the account's licenses} */
  public Licenses licenses() {
    return licenses;
  }

  /**
   * Builds a provider module's entry point for this account; applications call that entry point
   * ({@code PayPal.of(account)}, {@code BankTransfer.of(account)}) instead.
   *
   * <p>The {@link ProviderScope} it is given makes the provider's calls through this client, as
   * typed requests of the provider's own interface, with the client's retries, keys, deadline
   * and events. It offers no untyped way to the API.
   *
   * @param <E> the provider's entry point type
   * @param factory makes the entry point from the scope, typically the provider's constructor
   * @return what {@code factory} made
   */
  public <E> E extension(Function<? super ProviderScope, E> factory) {
    return required(factory, "factory").apply(new Scope());
  }

  @Override
  public String toString() {
    return "AccountClient{customerId=" + customerId + "}";
  }

  /** This account as a provider's entry point sees it. */
  private final class Scope implements ProviderScope {
    @Override
    public CustomerId customerId() {
      return customerId;
    }

    @Override
    public ProviderContext context(@Nullable String idempotencyKey, @Nullable Duration timeout) {
      RequestOptions.Builder options = RequestOptions.builder();
      if (idempotencyKey != null) {
        options.idempotencyKey(idempotencyKey);
      }
      if (timeout != null) {
        options.timeout(timeout);
      }
      RequestOptions built = options.build();
      return new ProviderCalls(backend, customerId, Backend.key(built), Steps.standalone(backend, built));
    }
  }
}
