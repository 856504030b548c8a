package dev.settle.sandbox;

import dev.settle.sandbox.Model.Account;
import dev.settle.sandbox.Model.CardFacts;
import dev.settle.sandbox.Model.Invoice;
import dev.settle.sandbox.Model.InvoiceLine;
import dev.settle.sandbox.Model.InvoiceStatus;
import dev.settle.sandbox.Model.License;
import dev.settle.sandbox.Model.LicenseStatus;
import dev.settle.sandbox.Model.PayPalFacts;
import dev.settle.sandbox.Model.PayPalSetup;
import dev.settle.sandbox.Model.PayPalSetupStatus;
import dev.settle.sandbox.Model.Payment;
import dev.settle.sandbox.Model.PaymentMethod;
import dev.settle.sandbox.Model.PaymentStatus;
import dev.settle.sandbox.Model.RestoreToken;
import dev.settle.sandbox.Model.Token;
import dev.settle.sandbox.SettleSandbox.Portal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The billing system's rules over the in-memory state: portals, tokens, stored methods, invoices,
 * payments and licenses. Every method holds this object's lock, so each request sees and leaves a
 * consistent state; answers are built as wire maps before the lock is released.
 */
final class Billing {
  static final Duration PAYMENT_TERMS = Duration.ofDays(30);
  static final Duration RENEWAL_PAYMENT_TERMS = Duration.ofDays(14);
  /** payment_method.expiring goes out this long before the end of a card's expiry month. */
  static final Duration EXPIRY_NOTICE = Duration.ofDays(30);

  private final SandboxClock clock;
  private final Supplier<URI> baseUrl;
  private final Duration payPalSetupLifetime;
  /** Where what happens is told, as webhook events, in the order it happens. */
  private final WebhookEvents events;

  private final Map<String, Account> accounts = new LinkedHashMap<>();
  private final Map<String, Token> tokens = new HashMap<>();
  private final Map<String, RestoreToken> restoreTokens = new HashMap<>();
  private final Map<String, Payment> payments = new HashMap<>();
  private final Map<String, PayPalSetup> payPalSetups = new HashMap<>();
  private final List<TransferReceipt> transfers = new ArrayList<>();
  /** Stored cards whose payment_method.expiring event was sent: once per card. */
  private final Set<String> expiryNoticed = new HashSet<>();
  private long sequence;
  private int invoiceCount;
  private long nextCustomerNumber;

  Billing(SandboxClock clock, Supplier<URI> baseUrl, Duration payPalSetupLifetime, WebhookEvents events) {
    this.clock = clock;
    this.baseUrl = baseUrl;
    this.payPalSetupLifetime = payPalSetupLifetime;
    this.events = events;
    reset();
  }

  /** Back to the demo data, with the clock back at its start. */
  synchronized void reset() {
    accounts.clear();
    tokens.clear();
    restoreTokens.clear();
    payments.clear();
    payPalSetups.clear();
    transfers.clear();
    expiryNoticed.clear();
    sequence = 0;
    invoiceCount = 0;
    nextCustomerNumber = 900001;
    clock.reset();
    DemoData.populate(this, clock.instant());
  }

  // ---- accounts

  synchronized Map<String, Object> account(String customerId) {
    return Views.account(findAccount(customerId));
  }

  synchronized String createAccount(Portal portal, String name, String currency) {
    String customerId = Long.toString(nextCustomerNumber++);
    addAccount(customerId, portal, name, null, currency, clock.instant());
    return customerId;
  }

  // ---- tokens and payment methods

  record CardInput(String number, int expMonth, int expYear, String cvc, String holderName) {}

  synchronized Map<String, Object> tokenize(CardInput input) {
    String number = input.number();
    if (!Cards.passesLuhn(number)) {
      throw ApiError.invalid("invalid_number", "card.number", "The card number is not a valid card number.");
    }
    Cards.Brand brand = Cards.brandOf(number);
    if (brand == null) {
      throw ApiError.invalid("card_brand_unsupported", "card.number",
          "This card brand is not accepted. Use Visa, Mastercard, American Express or JCB.");
    }
    if (!Cards.hasValidLength(brand, number.length())) {
      throw ApiError.invalid("invalid_number", "card.number",
          "The card number has the wrong number of digits for its brand.");
    }
    YearMonth expiry = YearMonth.of(input.expYear(), input.expMonth());
    YearMonth now = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
    if (expiry.isBefore(now)) {
      throw ApiError.invalid("invalid_expiry", input.expYear() < now.getYear() ? "card.exp_year" : "card.exp_month",
          "The card's expiry date is in the past.");
    }
    if (input.cvc().length() != brand.cvcLength) {
      throw ApiError.invalid("invalid_cvc", "card.cvc",
          "The card's security code must have " + brand.cvcLength + " digits for this brand.");
    }
    CardFacts card = new CardFacts(brand, number.substring(number.length() - 4), input.expMonth(),
        input.expYear(), input.holderName(), Cards.behaviorOf(number));
    Token token = new Token(Ids.random("tok_"), clock.instant(), card, null);
    tokens.put(token.id, token);
    return Views.token(token);
  }

  synchronized Map<String, Object> paymentMethods(String customerId, Pages.Request page) {
    Account account = findAccount(customerId);
    return Pages.page("pm", List.copyOf(account.paymentMethods.values()), method -> method.sequence,
        method -> Views.paymentMethod(account, method), page);
  }

  synchronized Map<String, Object> paymentMethod(String customerId, String paymentMethodId) {
    Account account = findAccount(customerId);
    return Views.paymentMethod(account, findPaymentMethod(account, paymentMethodId));
  }

  synchronized Map<String, Object> attach(String customerId, String tokenId, Boolean preferred) {
    Account account = findAccount(customerId);
    RestoreToken restoreToken = restoreTokens.get(tokenId);
    if (restoreToken != null) {
      return restore(account, restoreToken, preferred);
    }
    Token token = tokens.get(tokenId);
    if (token == null) {
      throw ApiError.referenceMissing("token", "No such token.");
    }
    if (token.used) {
      throw ApiError.tokenAlreadyUsed();
    }
    if (account.portal == Portal.I && !account.paymentMethods.isEmpty()) {
      throw ApiError.conflict("portal_single_method", null,
          "Accounts on Portal I store one payment method. Remove the stored method, then add the new one.");
    }
    // Like a processor verifying a card when it is saved: the token is spent even if that fails.
    token.used = true;
    Cards.Decline decline = token.card == null ? null : token.card.behavior().onAttach;
    if (decline != null) {
      throw ApiError.card(decline.code, decline.declineCode, decline.message, null);
    }
    boolean makePreferred = account.portal == Portal.I
        || (preferred != null ? preferred : account.paymentMethods.isEmpty());
    PaymentMethod previous = account.preferred();
    PaymentMethod method = addPaymentMethod(account, Ids.random("pm_"), token.card, token.paypal, makePreferred,
        clock.instant());
    preferenceMoved(account, previous);
    return Views.paymentMethod(account, method);
  }

  synchronized Map<String, Object> makePreferred(String customerId, String paymentMethodId) {
    Account account = findAccount(customerId);
    PaymentMethod method = findPaymentMethod(account, paymentMethodId);
    PaymentMethod previous = account.preferred();
    account.preferredPaymentMethodId = method.id;
    if (previous != method) {
      preferenceMoved(account, previous);
      events.paymentMethodUpdated(account, method, clock.instant());
    }
    return Views.paymentMethod(account, method);
  }

  /** payment_method.updated for a stored method that was preferred and no longer is. */
  private void preferenceMoved(Account account, PaymentMethod previous) {
    if (previous != null && account.paymentMethods.containsKey(previous.id) && account.preferred() != previous) {
      events.paymentMethodUpdated(account, previous, clock.instant());
    }
  }

  synchronized Map<String, Object> remove(String customerId, String paymentMethodId) {
    Account account = findAccount(customerId);
    PaymentMethod method = findPaymentMethod(account, paymentMethodId);
    account.paymentMethods.remove(method.id);
    if (method.id.equals(account.preferredPaymentMethodId)) {
      account.preferredPaymentMethodId = null;
    }
    RestoreToken restoreToken = new RestoreToken(Ids.random("tok_"), account.customerId, clock.instant(), method);
    restoreTokens.put(restoreToken.id, restoreToken);
    return Json.object("id", method.id, "deleted", true, "restore_token", restoreToken.id);
  }

  /**
   * Puts a removed method back under its own id, without verifying the card again. Portal rules
   * apply as to any attach; a refusal by them leaves the token usable.
   */
  private Map<String, Object> restore(Account account, RestoreToken token, Boolean preferred) {
    if (!token.customerId.equals(account.customerId)) {
      // Another account's token is no more visible than another account's objects.
      throw ApiError.referenceMissing("token", "No such token.");
    }
    if (token.used) {
      throw ApiError.tokenAlreadyUsed();
    }
    if (token.expiredAt(clock.instant())) {
      throw ApiError.tokenExpired();
    }
    if (account.portal == Portal.I && !account.paymentMethods.isEmpty()) {
      throw ApiError.conflict("portal_single_method", null,
          "Accounts on Portal I store one payment method. Remove the stored method, then add the new one.");
    }
    token.used = true;
    boolean makePreferred = account.portal == Portal.I
        || (preferred != null ? preferred : account.preferredPaymentMethodId == null);
    PaymentMethod method = token.method;
    PaymentMethod previous = account.preferred();
    account.paymentMethods.put(method.id, method);
    if (makePreferred) {
      account.preferredPaymentMethodId = method.id;
    }
    preferenceMoved(account, previous);
    return Views.paymentMethod(account, method);
  }

  // ---- invoices and payments

  synchronized Map<String, Object> invoices(String customerId, Pages.Request page, InvoiceStatus status) {
    Account account = findAccount(customerId);
    List<Invoice> matching = account.invoices.values().stream()
        .filter(invoice -> status == null || invoice.status == status)
        .toList();
    return Pages.page("in", matching, invoice -> invoice.sequence, Views::invoice, page);
  }

  synchronized Map<String, Object> invoice(String customerId, String invoiceId) {
    return Views.invoice(findInvoice(findAccount(customerId), invoiceId));
  }

  synchronized String createInvoice(String customerId, long amountMinor, String description) {
    Account account = accounts.get(customerId);
    if (account == null) {
      throw new IllegalArgumentException("No account with customer id " + customerId);
    }
    Instant now = clock.instant();
    return addInvoice(account, null, List.of(new InvoiceLine(description, amountMinor, null)), now).id;
  }

  synchronized Map<String, Object> pay(String customerId, String invoiceId, String paymentMethodId) {
    Account account = findAccount(customerId);
    Invoice invoice = findInvoice(account, invoiceId);
    requireOpen(invoice);
    PaymentMethod method;
    if (paymentMethodId != null) {
      method = account.paymentMethods.get(paymentMethodId);
      if (method == null) {
        throw ApiError.referenceMissing("payment_method_id",
            "No payment method " + paymentMethodId + " is stored on account " + customerId + ".");
      }
    } else {
      method = account.preferred();
      if (method == null) {
        throw ApiError.conflict("no_preferred_payment_method", null, "Account " + customerId
            + " has no preferred payment method. Pass payment_method_id or make a stored method preferred.");
      }
    }
    Payment payment = charge(account, invoice, method, clock.instant());
    if (payment.status == PaymentStatus.FAILED) {
      throw ApiError.card(payment.decline.code, payment.decline.declineCode, payment.decline.message,
          Views.payment(payment));
    }
    return Views.payment(payment);
  }

  synchronized Map<String, Object> invoicePayments(String customerId, String invoiceId, Pages.Request page) {
    Invoice invoice = findInvoice(findAccount(customerId), invoiceId);
    List<Payment> attempts = payments.values().stream()
        .filter(payment -> payment.invoiceId.equals(invoice.id))
        .toList();
    return Pages.oldestFirst("py", attempts, payment -> payment.sequence, Views::payment, page);
  }

  /**
   * One attempt to charge an open invoice's amount due to a stored method at {@code when}, the
   * same for a payment asked for through the API and for an automatic renewal: the payment is
   * recorded whatever its outcome; success marks the invoice paid; a decline or a charge that
   * needs the customer to authenticate leaves it open.
   */
  private Payment charge(Account account, Invoice invoice, PaymentMethod method, Instant when) {
    Payment payment = new Payment(Ids.random("py_"), ++sequence, account.customerId, invoice.id,
        invoice.amountDue(), invoice.currency, method.id, when);
    payments.put(payment.id, payment);

    Cards.Decline decline;
    boolean requiresAction;
    if (method.paypal != null) {
      decline = method.paypal.declinesCharges() ? Cards.Decline.PAYPAL_DECLINED : null;
      requiresAction = false;
    } else {
      decline = isExpired(method.card, when) ? Cards.Decline.EXPIRED : method.card.behavior().onCharge;
      requiresAction = method.card.behavior().chargeRequiresAction;
    }
    if (decline != null) {
      payment.status = PaymentStatus.FAILED;
      payment.decline = decline;
      payment.declineCode = decline.declineCode;
      payment.failureMessage = decline.message;
      events.invoicePaymentFailed(account, payment, when);
    } else if (requiresAction) {
      payment.status = PaymentStatus.REQUIRES_ACTION;
      payment.nextActionUrl = sandboxUrl("sandbox/3ds/" + payment.id);
      events.invoicePaymentFailed(account, payment, when);
    } else {
      payment.status = PaymentStatus.SUCCEEDED;
      markPaid(account, invoice, when, payment);
    }
    return payment;
  }

  /** Marks an invoice paid without a charge (a bank transfer); see the four-argument form. */
  private void markPaid(Account account, Invoice invoice, Instant when) {
    markPaid(account, invoice, when, null);
  }

  /**
   * Marks an invoice paid, and brings a license whose renewal it was back to active. Sends
   * invoice.paid, and license.renewed when the license is active as a result.
   */
  private void markPaid(Account account, Invoice invoice, Instant when, Payment payment) {
    invoice.markPaid(when);
    events.invoicePaid(account, invoice, payment, when);
    if (invoice.renewalOf != null) {
      License license = account.licenses.get(invoice.renewalOf);
      if (license != null) {
        updateRenewalStatus(account, license);
        if (license.status == LicenseStatus.ACTIVE) {
          events.licenseRenewed(account, license, invoice, payment, when);
        }
      }
    }
  }

  /** A URL of the sandbox's own pages; relative while the sandbox has not started (no port yet). */
  private String sandboxUrl(String path) {
    try {
      return baseUrl.get().resolve(path).toString();
    } catch (IllegalStateException notStarted) {
      return "/" + path;
    }
  }

  /** What the invoice's PDF shows, read under the lock; the document is laid out after it. */
  synchronized InvoicePdf invoicePdf(String customerId, String invoiceId) {
    Account account = findAccount(customerId);
    return InvoicePdf.of(account, findInvoice(account, invoiceId));
  }

  synchronized Map<String, Object> bankTransferInstructions(String customerId, String invoiceId) {
    Invoice invoice = findInvoice(findAccount(customerId), invoiceId);
    requireOpen(invoice);
    return Views.bankTransferInstructions(invoice);
  }

  /** A payment by id, or null; the API has no such call, the sandbox's authentication page does. */
  synchronized Map<String, Object> payment(String paymentId) {
    Payment payment = payments.get(paymentId);
    return payment == null ? null : Views.payment(payment);
  }

  /** The customer's answer on the sandbox's authentication page (the 3-D Secure step). */
  synchronized Map<String, Object> completeAuthentication(String paymentId, boolean authenticated) {
    Payment payment = payments.get(paymentId);
    if (payment == null) {
      throw ApiError.notFound("payment_id", "No such payment: " + paymentId + ".");
    }
    if (payment.status != PaymentStatus.REQUIRES_ACTION) {
      throw ApiError.conflict("payment_not_awaiting_action", "payment_id",
          "This payment is " + payment.status.wireName() + "; it is not waiting for authentication.");
    }
    payment.nextActionUrl = null;
    Invoice invoice = accounts.get(payment.customerId).invoices.get(payment.invoiceId);
    if (!authenticated) {
      payment.status = PaymentStatus.FAILED;
      payment.declineCode = "authentication_failed";
      payment.failureMessage = "The customer did not authenticate the payment.";
      events.invoicePaymentFailed(accounts.get(payment.customerId), payment, clock.instant());
    } else if (invoice.status != InvoiceStatus.OPEN) {
      payment.status = PaymentStatus.FAILED;
      payment.failureMessage = "The invoice was no longer open.";
    } else {
      payment.status = PaymentStatus.SUCCEEDED;
      markPaid(accounts.get(payment.customerId), invoice, clock.instant(), payment);
    }
    return Views.payment(payment);
  }

  // ---- bank transfers

  /**
   * An incoming transfer, matched to the invoice whose payment reference it quotes (spaces and
   * case aside). What is applied to an open invoice in its currency is recorded as a succeeded
   * payment without a payment method, made at the value date; partial transfers add up, and the
   * one that brings the amount due to zero pays the invoice (and brings its license back, as any
   * payment does). Whatever is not applied is the receipt's excess. Every transfer is kept.
   */
  synchronized TransferReceipt receiveTransfer(long amount, String currency, String reference, Instant valueDate) {
    renewDue();
    String quoted = reference.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    Account account = null;
    Invoice invoice = null;
    for (Account candidate : accounts.values()) {
      for (Invoice each : candidate.invoices.values()) {
        if (each.paymentReference.equals(quoted)) {
          account = candidate;
          invoice = each;
        }
      }
    }
    TransferReceipt.Outcome outcome;
    long applied = 0;
    String paymentId = null;
    if (invoice == null) {
      outcome = TransferReceipt.Outcome.UNMATCHED;
    } else if (invoice.status != InvoiceStatus.OPEN) {
      outcome = TransferReceipt.Outcome.ALREADY_PAID;
    } else if (!invoice.currency.equals(currency)) {
      outcome = TransferReceipt.Outcome.CURRENCY_MISMATCH;
    } else {
      long due = invoice.amountDue();
      applied = Math.min(amount, due);
      Payment payment = new Payment(Ids.random("py_"), ++sequence, account.customerId, invoice.id, applied,
          invoice.currency, null, valueDate);
      payment.status = PaymentStatus.SUCCEEDED;
      payments.put(payment.id, payment);
      paymentId = payment.id;
      if (applied < due) {
        invoice.amountPaid += applied;
        outcome = TransferReceipt.Outcome.PARTIALLY_PAID;
      } else {
        markPaid(account, invoice, valueDate);
        outcome = amount > due ? TransferReceipt.Outcome.OVERPAID : TransferReceipt.Outcome.PAID;
      }
    }
    TransferReceipt receipt = new TransferReceipt(Ids.random("tr_"), amount, currency, reference, valueDate,
        account == null ? null : account.customerId, invoice == null ? null : invoice.id, paymentId, outcome,
        applied, amount - applied);
    transfers.add(receipt);
    return receipt;
  }

  /** Every transfer received since the last reset, in the order received. */
  synchronized List<TransferReceipt> transfers() {
    return List.copyOf(transfers);
  }

  // ---- PayPal setups

  synchronized Map<String, Object> createPayPalSetup(String customerId, String returnUrl, String cancelUrl) {
    Account account = findAccount(customerId);
    Instant now = clock.instant();
    PayPalSetup setup = new PayPalSetup(Ids.random("pps_"), account.customerId, returnUrl, cancelUrl, now,
        now.plus(payPalSetupLifetime));
    payPalSetups.put(setup.id, setup);
    return payPalSetupView(setup);
  }

  synchronized Map<String, Object> payPalSetup(String customerId, String setupId) {
    return payPalSetupView(findPayPalSetup(findAccount(customerId), setupId));
  }

  /** Turns an approved setup into a single-use PayPal token, once. */
  synchronized Map<String, Object> completePayPalSetup(String customerId, String setupId) {
    PayPalSetup setup = findPayPalSetup(findAccount(customerId), setupId);
    switch (setup.statusAt(clock.instant())) {
      case PAYER_ACTION_REQUIRED -> throw ApiError.conflict("payer_action_required", "setup_id",
          "The payer has not approved this setup yet. Send them to its approval_url first.");
      case CANCELLED -> throw ApiError.conflict("setup_cancelled", "setup_id",
          "The payer cancelled this setup. Create a new one.");
      case EXPIRED -> throw ApiError.conflict("setup_expired", "setup_id",
          "This setup expired before the payer approved it. Create a new one.");
      case COMPLETED -> throw ApiError.conflict("setup_already_completed", "setup_id",
          "This setup was already completed; each setup gives one token.");
      case APPROVED -> {
        // Handled below.
      }
    }
    setup.status = PayPalSetupStatus.COMPLETED;
    Token token = new Token(Ids.random("tok_"), clock.instant(), null, setup.payer);
    tokens.put(token.id, token);
    return Views.token(token);
  }

  /** What the payer's approval page shows of a setup; null for an unknown setup. */
  record PayerView(String setupId, String merchantName, PayPalSetupStatus status) {}

  /** The payer's answer on the approval page: where to send their browser, or why not. */
  record PayerAnswer(String location, PayPalSetupStatus refusedBecause) {}

  synchronized PayerView payPalSetupForPayer(String setupId) {
    PayPalSetup setup = payPalSetups.get(setupId);
    if (setup == null) {
      return null;
    }
    return new PayerView(setup.id, accounts.get(setup.customerId).name, setup.statusAt(clock.instant()));
  }

  /**
   * The payer approves with {@code email}: back to {@code return_url} with the setup's id and an
   * approval token id. Approving an approved setup again sends them back the same way; a setup
   * that is no longer waiting (expired, cancelled, completed) is refused. Null for an unknown setup.
   */
  synchronized PayerAnswer approvePayPalSetup(String setupId, String email) {
    PayPalSetup setup = payPalSetups.get(setupId);
    if (setup == null) {
      return null;
    }
    PayPalSetupStatus status = setup.statusAt(clock.instant());
    if (status == PayPalSetupStatus.PAYER_ACTION_REQUIRED) {
      setup.status = PayPalSetupStatus.APPROVED;
      setup.payer = new PayPalFacts(email, PayPalIds.payerId());
      setup.approvalTokenId = PayPalIds.approvalTokenId();
    } else if (status != PayPalSetupStatus.APPROVED) {
      return new PayerAnswer(null, status);
    }
    return new PayerAnswer(PayPalIds.withQuery(setup.returnUrl,
        "approval_session_id", setup.id, "approval_token_id", setup.approvalTokenId), null);
  }

  /** The payer cancels: back to {@code cancel_url} with the setup's id. Null for an unknown setup. */
  synchronized PayerAnswer cancelPayPalSetup(String setupId) {
    PayPalSetup setup = payPalSetups.get(setupId);
    if (setup == null) {
      return null;
    }
    PayPalSetupStatus status = setup.statusAt(clock.instant());
    if (status == PayPalSetupStatus.PAYER_ACTION_REQUIRED) {
      setup.status = PayPalSetupStatus.CANCELLED;
    } else if (status != PayPalSetupStatus.CANCELLED) {
      return new PayerAnswer(null, status);
    }
    return new PayerAnswer(PayPalIds.withQuery(setup.cancelUrl, "approval_session_id", setup.id), null);
  }

  private Map<String, Object> payPalSetupView(PayPalSetup setup) {
    return Views.payPalSetup(setup, clock.instant(),
        sandboxUrl(PayPalPages.APPROVE.substring(1) + "?setup=" + setup.id));
  }

  private PayPalSetup findPayPalSetup(Account account, String setupId) {
    PayPalSetup setup = payPalSetups.get(setupId);
    if (setup == null || !setup.customerId.equals(account.customerId)) {
      throw ApiError.notFound("setup_id", "No PayPal setup " + setupId + " on account " + account.customerId + ".");
    }
    return setup;
  }

  // ---- licenses

  synchronized Map<String, Object> licenses(String customerId, Pages.Request page) {
    Account account = findAccount(customerId);
    return Pages.page("lic", List.copyOf(account.licenses.values()), license -> license.sequence,
        license -> Views.license(account, license), page);
  }

  synchronized Map<String, Object> license(String customerId, String licenseId) {
    Account account = findAccount(customerId);
    return Views.license(account, findLicense(account, licenseId));
  }

  synchronized Map<String, Object> activate(String customerId, String licenseId) {
    Account account = findAccount(customerId);
    License license = findLicense(account, licenseId);
    if (license.status == LicenseStatus.PURCHASED) {
      activate(license, clock.instant());
    } else if (license.status != LicenseStatus.ACTIVE) {
      throw ApiError.conflict("license_not_activatable", "license_id",
          "This license is " + license.status.wireName() + "; only a purchased license can be activated.");
    }
    return Views.license(account, license);
  }

  synchronized Map<String, Object> autoRenewal(String customerId, String licenseId, boolean enabled) {
    Account account = findAccount(customerId);
    License license = findLicense(account, licenseId);
    license.autoRenewal = enabled;
    return Views.license(account, license);
  }

  // ---- renewals

  /**
   * Does what the billing system would have done up to now, in time order: for each license
   * whose {@code renews_at} has come, renews it for a year (with auto-renewal on) or lets it
   * expire (with it off). A license renews once per year however time moved: each renewal moves
   * {@code renews_at} a year on, and a license overdue by several years is renewed once for each.
   * Runs when the clock is advanced, and before any request reads the state, so that a ticking
   * base clock renews as well.
   */
  synchronized void renewDue() {
    Instant now = clock.instant();
    while (true) {
      Account dueAccount = null;
      License due = null;
      for (Account account : accounts.values()) {
        for (License license : account.licenses.values()) {
          boolean running = license.status == LicenseStatus.ACTIVE || license.status == LicenseStatus.RENEWAL_FAILED;
          if (!running || license.renewsAt == null || license.renewsAt.isAfter(now)) {
            continue;
          }
          if (due == null || license.renewsAt.isBefore(due.renewsAt)
              || (license.renewsAt.equals(due.renewsAt) && license.sequence < due.sequence)) {
            dueAccount = account;
            due = license;
          }
        }
      }
      // A card's expiry notice falls between renewals in time order; at the same instant, first.
      if (sendExpiryNotice(now, due == null ? null : due.renewsAt)) {
        continue;
      }
      if (due == null) {
        return;
      }
      renew(dueAccount, due);
    }
  }

  /**
   * Sends payment_method.expiring for the stored card whose notice is due first, if one is due
   * by {@code now} and not after {@code before} (when set): once per card, when the clock passes 30
   * days before the end of its expiry month (or at once, for a card stored later than that).
   */
  private boolean sendExpiryNotice(Instant now, Instant before) {
    Account noticeAccount = null;
    PaymentMethod notice = null;
    Instant noticeAt = null;
    for (Account account : accounts.values()) {
      for (PaymentMethod method : account.paymentMethods.values()) {
        if (method.card == null || expiryNoticed.contains(method.id)) {
          continue;
        }
        Instant at = YearMonth.of(method.card.expYear(), method.card.expMonth()).plusMonths(1).atDay(1)
            .atStartOfDay(ZoneOffset.UTC).toInstant().minus(EXPIRY_NOTICE);
        if (at.isBefore(method.createdAt)) {
          at = method.createdAt;
        }
        if (!at.isAfter(now) && (before == null || !at.isAfter(before)) && (noticeAt == null || at.isBefore(noticeAt))) {
          noticeAccount = account;
          notice = method;
          noticeAt = at;
        }
      }
    }
    if (notice == null) {
      return false;
    }
    expiryNoticed.add(notice.id);
    events.paymentMethodExpiring(noticeAccount, notice, noticeAt);
    return true;
  }

  /**
   * One renewal date of one license, as of that date: a renewal invoice charged at once to the
   * method preferred now, or expiry when auto-renewal is off.
   */
  private void renew(Account account, License license) {
    Instant when = license.renewsAt;
    if (!license.autoRenewal) {
      license.status = LicenseStatus.EXPIRED;
      license.renewsAt = null;   // it will not renew; the contract has no field for when it ended
      return;
    }
    license.years++;
    license.renewsAt = anniversary(license.activatedAt, license.years);
    String description = license.product + ", renewal from " + when.atZone(ZoneOffset.UTC).toLocalDate();
    Invoice invoice = addInvoice(account, null, List.of(new InvoiceLine(description, license.price, license.id)),
        when, RENEWAL_PAYMENT_TERMS);
    invoice.renewalOf = license.id;
    license.lastRenewalInvoiceId = invoice.id;
    // Marked failed first, so that a successful charge (which settles the invoice) decides.
    license.status = LicenseStatus.RENEWAL_FAILED;
    PaymentMethod method = account.preferred();
    Payment payment = method == null ? null : charge(account, invoice, method, when);
    updateRenewalStatus(account, license);
    if (payment == null || payment.status != PaymentStatus.SUCCEEDED) {
      events.licenseRenewalFailed(account, license, invoice, payment, when);
    }
  }

  /** A running license is active while none of its renewal invoices is left open, else renewal_failed. */
  private static void updateRenewalStatus(Account account, License license) {
    if (license.status != LicenseStatus.ACTIVE && license.status != LicenseStatus.RENEWAL_FAILED) {
      return;
    }
    boolean owing = account.invoices.values().stream()
        .anyMatch(invoice -> license.id.equals(invoice.renewalOf) && invoice.status == InvoiceStatus.OPEN);
    license.status = owing ? LicenseStatus.RENEWAL_FAILED : LicenseStatus.ACTIVE;
  }

  /** Counted from the activation, so that a license activated on 29 February keeps its day. */
  private static Instant anniversary(Instant activatedAt, int years) {
    return activatedAt.atZone(ZoneOffset.UTC).plusYears(years).toInstant();
  }

  // ---- building state (callers hold the lock: reset, the demo data, the in-process setup)

  Account addAccount(String customerId, Portal portal, String name, String email, String currency,
      Instant createdAt) {
    Account account = new Account(customerId, portal, name, email, currency, createdAt);
    accounts.put(customerId, account);
    return account;
  }

  PaymentMethod addPaymentMethod(Account account, String id, CardFacts card, PayPalFacts paypal,
      boolean preferred, Instant createdAt) {
    PaymentMethod method = new PaymentMethod(id, ++sequence, createdAt, card, paypal);
    account.paymentMethods.put(method.id, method);
    if (preferred) {
      account.preferredPaymentMethodId = method.id;
    }
    return method;
  }

  Invoice addInvoice(Account account, String id, List<InvoiceLine> lines, Instant issuedAt) {
    return addInvoice(account, id, lines, issuedAt, PAYMENT_TERMS);
  }

  Invoice addInvoice(Account account, String id, List<InvoiceLine> lines, Instant issuedAt, Duration terms) {
    int year = issuedAt.atZone(ZoneOffset.UTC).getYear();
    String number = String.format(Locale.ROOT, "INV-%d-%04d", year, ++invoiceCount);
    Invoice invoice = new Invoice(id != null ? id : Ids.random("in_"), ++sequence, number,
        account.currency, lines, issuedAt, issuedAt.plus(terms));
    account.invoices.put(invoice.id, invoice);
    return invoice;
  }

  License addLicense(Account account, String id, String product, long price, Instant createdAt) {
    License license = new License(id, ++sequence, product, price, account.currency, createdAt);
    account.licenses.put(license.id, license);
    return license;
  }

  static void activate(License license, Instant when) {
    license.status = LicenseStatus.ACTIVE;
    license.activatedAt = when;
    license.years = 1;
    license.renewsAt = anniversary(when, 1);
  }

  synchronized List<String> accountSummaries() {
    List<String> lines = new ArrayList<>();
    for (Account account : accounts.values()) {
      long open = account.invoices.values().stream().filter(i -> i.status == InvoiceStatus.OPEN).count();
      PaymentMethod preferred = account.preferred();
      lines.add(String.format(Locale.ROOT, "%-8s Portal %-3s %-3s %-28s %s, %d open invoice(s)",
          account.customerId, account.portal, account.currency, account.name,
          preferred == null ? "no preferred method"
              : preferred.card != null ? "preferred " + preferred.card.brand().wireName + " " + preferred.card.last4()
              : "preferred PayPal " + preferred.paypal.email(),
          open));
    }
    return lines;
  }

  // ---- look-ups

  private Account findAccount(String customerId) {
    // Every request starts here: whatever came due on a ticking clock happens before it is answered.
    renewDue();
    Account account = accounts.get(customerId);
    if (account == null) {
      throw ApiError.notFound("customer_id", "No account with customer id " + customerId + ".");
    }
    return account;
  }

  private static PaymentMethod findPaymentMethod(Account account, String paymentMethodId) {
    PaymentMethod method = account.paymentMethods.get(paymentMethodId);
    if (method == null) {
      throw ApiError.notFound("payment_method_id",
          "No payment method " + paymentMethodId + " is stored on account " + account.customerId + ".");
    }
    return method;
  }

  private static Invoice findInvoice(Account account, String invoiceId) {
    Invoice invoice = account.invoices.get(invoiceId);
    if (invoice == null) {
      throw ApiError.notFound("invoice_id", "No invoice " + invoiceId + " on account " + account.customerId + ".");
    }
    return invoice;
  }

  private static License findLicense(Account account, String licenseId) {
    License license = account.licenses.get(licenseId);
    if (license == null) {
      throw ApiError.notFound("license_id", "No license " + licenseId + " on account " + account.customerId + ".");
    }
    return license;
  }

  private static void requireOpen(Invoice invoice) {
    if (invoice.status != InvoiceStatus.OPEN) {
      throw ApiError.conflict("invoice_not_open", "invoice_id",
          "Invoice " + invoice.number + " is " + invoice.status.wireName() + "; only open invoices can be paid.");
    }
  }

  private static boolean isExpired(CardFacts card, Instant now) {
    return YearMonth.of(card.expYear(), card.expMonth()).isBefore(YearMonth.from(now.atZone(ZoneOffset.UTC)));
  }
}
