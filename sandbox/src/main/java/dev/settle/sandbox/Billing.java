package dev.settle.sandbox;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The billing system: one rule class per aggregate over one shared {@link BillingState}, wired
 * once. The API's routes, the sandbox's pages and controls, and the helpers on
 * {@link SettleSandbox} all call these, so every rule has one implementation. Each rule class
 * takes the state's one lock itself; see {@link BillingState}.
 */
record Billing(
    BillingState state,
    AccountRules accounts,
    TokenRules tokens,
    PaymentMethodRules paymentMethods,
    InvoiceRules invoices,
    LicenseRules licenses,
    PayPalRules payPal,
    TransferRules transfers) {

  static Billing create(SandboxClock clock, Supplier<URI> baseUrl, Duration payPalSetupLifetime,
      WebhookEvents events, Ids ids) {
    BillingState state = new BillingState(clock, events, ids, baseUrl);
    InvoiceRules invoices = new InvoiceRules(state);
    LicenseRules licenses = new LicenseRules(state, invoices);
    state.catchUpWith(licenses::renewDue);
    Billing billing = new Billing(state, new AccountRules(state), new TokenRules(state),
        new PaymentMethodRules(state), invoices, licenses, new PayPalRules(state, payPalSetupLifetime),
        new TransferRules(state, invoices, licenses));
    billing.reset();
    return billing;
  }

  /** Back to the demo data, with the clock back at its start. */
  void reset() {
    synchronized (state) {
      state.clear();
      state.clock.reset();
      DemoData.populate(this, state.clock.instant());
    }
  }
}
