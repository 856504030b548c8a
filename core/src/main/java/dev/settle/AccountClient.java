package dev.settle;

import dev.settle.internal.http.BillingApi;
import dev.settle.model.Account;
import dev.settle.model.CustomerId;
import dev.settle.model.Portal;
import dev.settle.spi.ProviderContext;
import java.util.concurrent.CompletableFuture;

/**
 * One customer's account: its payment methods, invoices and licenses.
 *
 * <p>Cheap to create and thread-safe; every method call is a request. The account's portal is
 * read once and remembered, since an account does not change portal.
 */
public final class AccountClient {
  private final CustomerId customerId;
  private final SettleClient client;
  private final PaymentMethods paymentMethods;
  private final Invoices invoices;
  private final Licenses licenses;
  private volatile Portal portal;

  AccountClient(CustomerId customerId, SettleClient client) {
    this.customerId = customerId;
    this.client = client;
    this.paymentMethods = new PaymentMethods(this);
    this.invoices = new Invoices(this);
    this.licenses = new Licenses(this);
  }

  /** The customer number this account is for. */
  public CustomerId customerId() {
    return customerId;
  }

  /** Reads the account: its portal, currency and preferred payment method. */
  public Account get() {
    return get(RequestOptions.defaults());
  }

  /** Reads the account with per-call options. */
  public Account get(RequestOptions options) {
    Account account =
        transport().read(api().account(customer()), options);
    portal = account.portal();
    return account;
  }

  /** Like {@link #get()}, without blocking. */
  public CompletableFuture<Account> getAsync() {
    return transport().readAsync(api().account(customer()), RequestOptions.defaults());
  }

  /** The portal the account lives on; read from the server on first use. */
  public Portal portal() {
    Portal known = portal;
    return known != null ? known : get().portal();
  }

  /** The account's stored payment methods. */
  public PaymentMethods paymentMethods() {
    return paymentMethods;
  }

  /** The account's invoices. */
  public Invoices invoices() {
    return invoices;
  }

  /** The account's licenses. */
  public Licenses licenses() {
    return licenses;
  }

  /**
   * A context through which a provider module makes its own calls for this account, such as
   * starting a PayPal approval. Applications use the provider's entry point instead
   * ({@code PayPal.of(account)}); this is the bridge it is built on.
   */
  public ProviderContext providerContext(RequestOptions options) {
    return new ProviderCalls(this, PaymentMethods.idempotencyKey(options), options);
  }

  SettleClient client() {
    return client;
  }

  Transport transport() {
    return client.transport();
  }

  BillingApi api() {
    return client.transport().http().api();
  }

  /** The customer number as it goes into request paths. */
  String customer() {
    return customerId.value();
  }

  @Override
  public String toString() {
    return "AccountClient{customerId=" + customerId + "}";
  }
}
