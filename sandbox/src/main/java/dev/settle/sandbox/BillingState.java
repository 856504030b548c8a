package dev.settle.sandbox;

import dev.settle.sandbox.Model.Account;
import dev.settle.sandbox.Model.CardSetup;
import dev.settle.sandbox.Model.Invoice;
import dev.settle.sandbox.Model.License;
import dev.settle.sandbox.Model.PayPalSetup;
import dev.settle.sandbox.Model.Payment;
import dev.settle.sandbox.Model.PaymentMethod;
import dev.settle.sandbox.Model.RestoreToken;
import dev.settle.sandbox.Model.TimelineEntry;
import dev.settle.sandbox.Model.Token;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The billing system's in-memory state, which the rule classes ({@link AccountRules},
 * {@link InvoiceRules}…) share. One lock guards all of it: this object's monitor. Every
 * non-private method of a rule class takes it for its whole run ({@code synchronized (state)}), so
 * a request sees and leaves a consistent state however many aggregates it touches, and answers
 * are built as wire maps before the lock is released. Rule classes call each other with the lock
 * held; it is reentrant.
 */
final class BillingState {
  final SandboxClock clock;
  /** Where what happens is told, as webhook events, in the order it happens. */
  final WebhookEvents events;
  final Ids ids;
  private final Supplier<URI> baseUrl;

  final Map<String, Account> accounts = new LinkedHashMap<>();
  final Map<String, Token> tokens = new HashMap<>();
  final Map<String, RestoreToken> restoreTokens = new HashMap<>();
  final Map<String, Payment> payments = new HashMap<>();
  final Map<String, PayPalSetup> payPalSetups = new HashMap<>();
  final Map<String, CardSetup> cardSetups = new HashMap<>();
  final List<TransferReceipt> transfers = new ArrayList<>();
  /** Stored cards whose payment_method.expiring event was sent: once per card. */
  final Set<String> expiryNoticed = new HashSet<>();
  /** The dunning schedule the sandbox was built with, which a reset brings back. */
  private final DunningSchedule builtSchedule;
  /** The schedule a dunning that starts now follows. */
  DunningSchedule schedule;
  private long sequence;
  private int invoiceCount;
  private long nextCustomerNumber;
  /** What the billing system does before any request reads the state: the steps that came due. */
  private Runnable catchUp = () -> { };

  BillingState(SandboxClock clock, WebhookEvents events, Ids ids, Supplier<URI> baseUrl, DunningSchedule schedule) {
    this.clock = clock;
    this.events = events;
    this.ids = ids;
    this.baseUrl = baseUrl;
    this.builtSchedule = schedule;
    this.schedule = schedule;
  }

  void catchUpWith(Runnable action) {
    this.catchUp = action;
  }

  /** Forgets everything; the caller holds the lock and puts back what a fresh sandbox has. */
  void clear() {
    accounts.clear();
    tokens.clear();
    restoreTokens.clear();
    payments.clear();
    payPalSetups.clear();
    cardSetups.clear();
    transfers.clear();
    schedule = builtSchedule;
    expiryNoticed.clear();
    sequence = 0;
    invoiceCount = 0;
    nextCustomerNumber = 900001;
  }

  /** The creation order of every object, which pages and histories sort by. */
  long nextSequence() {
    return ++sequence;
  }

  int nextInvoiceCount() {
    return ++invoiceCount;
  }

  /** The next free customer number from 900001 on, skipping any taken by a chosen id. */
  String nextCustomerId() {
    String customerId;
    do {
      customerId = Long.toString(nextCustomerNumber++);
    } while (accounts.containsKey(customerId));
    return customerId;
  }

  /** Writes a line of the account's history, for the dashboard's timeline. */
  static void note(Account account, Instant at, String kind, String text) {
    account.timeline.add(new TimelineEntry(at, account.timeline.size(), kind, text));
  }

  /** A URL of the sandbox's own pages; relative while the sandbox has not started (no port yet). */
  String sandboxUrl(String path) {
    try {
      return baseUrl.get().resolve(path).toString();
    } catch (IllegalStateException notStarted) {
      return "/" + path;
    }
  }

  // ---- look-ups, for callers holding the lock

  /** Whatever came due (on a ticking clock, or as the clock was moved) happens before the state is read. */
  void catchUp() {
    catchUp.run();
  }

  Account account(String customerId) {
    // Every request starts here: whatever came due on a ticking clock happens before it is answered.
    catchUp();
    Account account = accounts.get(customerId);
    if (account == null) {
      throw ApiError.notFound("customer_id", "No account with customer id " + customerId + ".");
    }
    return account;
  }

  static PaymentMethod paymentMethod(Account account, String paymentMethodId) {
    PaymentMethod method = account.paymentMethods.get(paymentMethodId);
    if (method == null) {
      throw ApiError.notFound("payment_method_id",
          "No payment method " + paymentMethodId + " is stored on account " + account.customerId + ".");
    }
    return method;
  }

  static Invoice invoice(Account account, String invoiceId) {
    Invoice invoice = account.invoices.get(invoiceId);
    if (invoice == null) {
      throw ApiError.notFound("invoice_id", "No invoice " + invoiceId + " on account " + account.customerId + ".");
    }
    return invoice;
  }

  static License license(Account account, String licenseId) {
    License license = account.licenses.get(licenseId);
    if (license == null) {
      throw ApiError.notFound("license_id", "No license " + licenseId + " on account " + account.customerId + ".");
    }
    return license;
  }
}
