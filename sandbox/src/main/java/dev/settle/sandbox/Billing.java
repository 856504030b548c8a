package dev.settle.sandbox;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The billing system: one rule class per aggregate over one shared {@link BillingState}, wired
 * once. The API's routes, the sandbox's pages and controls, and the helpers on
 * {@link SettleSandbox} all call these, so every rule has one implementation. Each rule class
 * takes the state's one lock itself; see {@link BillingState}. {@link #due()} does, in time order,
 * what came due as time passed.
 */
record Billing(
    BillingState state,
    AccountRules accounts,
    TokenRules tokens,
    PaymentMethodRules paymentMethods,
    InvoiceRules invoices,
    CollectionRules collections,
    LicenseRules licenses,
    PayPalRules payPal,
    CardSetupRules cardSetups,
    TransferRules transfers,
    DueSteps due,
    boolean demoData) {

  static Billing create(SandboxClock clock, Supplier<URI> baseUrl, Duration payPalSetupLifetime,
      DunningSchedule schedule, WebhookEvents events, Ids ids, boolean demoData) {
    BillingState state = new BillingState(clock, events, ids, baseUrl, schedule);
    InvoiceRules invoices = new InvoiceRules(state);
    CollectionRules collections = new CollectionRules(state, invoices);
    LicenseRules licenses = new LicenseRules(state, invoices, collections);
    PaymentMethodRules paymentMethods = new PaymentMethodRules(state, collections);
    DueSteps due = new DueSteps(state, List.of(paymentMethods, licenses, collections));
    state.catchUpWith(due);
    Billing billing = new Billing(state, new AccountRules(state), new TokenRules(state), paymentMethods, invoices,
        collections, licenses, new PayPalRules(state, payPalSetupLifetime), new CardSetupRules(state),
        new TransferRules(state, invoices), due, demoData);
    billing.reset(null);
    return billing;
  }

  /**
   * Back to the start: the demo data if the sandbox has it, ids from the start of a seed's
   * sequence, the dunning schedule it was built with, and the clock at its start or at {@code
   * now} when given.
   */
  void reset(Instant now) {
    synchronized (state) {
      state.clear();
      if (now == null) {
        state.clock.reset();
      } else {
        state.clock.resetTo(now);
      }
      state.ids.restart();
      if (demoData) {
        DemoData.populate(this, state.clock.instant());
      }
    }
  }
}
