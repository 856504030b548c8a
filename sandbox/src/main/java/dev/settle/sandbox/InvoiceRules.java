package dev.settle.sandbox;

import dev.settle.sandbox.InvoiceDraft.Collection;
import dev.settle.sandbox.Model.Account;
import dev.settle.sandbox.Model.CardFacts;
import dev.settle.sandbox.Model.Invoice;
import dev.settle.sandbox.Model.InvoiceLine;
import dev.settle.sandbox.Model.InvoiceStatus;
import dev.settle.sandbox.Model.License;
import dev.settle.sandbox.Model.LicenseStatus;
import dev.settle.sandbox.Model.Payment;
import dev.settle.sandbox.Model.PaymentMethod;
import dev.settle.sandbox.Model.PaymentStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Invoices and the payments that settle them: issuing, reading, charging a stored method (by the
 * customer, or by the billing system without them), the customer's answer on the 3-D Secure page,
 * and what follows when an invoice is paid (a renewal's license back to active, the events).
 */
final class InvoiceRules {
  static final Duration PAYMENT_TERMS = Duration.ofDays(30);
  static final int MAX_LINES = 100;

  private final BillingState state;

  InvoiceRules(BillingState state) {
    this.state = state;
  }

  Map<String, Object> list(String customerId, Pages.Request page, InvoiceStatus status) {
    synchronized (state) {
      Account account = state.account(customerId);
      List<Invoice> matching = account.invoices.values().stream()
          .filter(invoice -> status == null || invoice.status == status)
          .toList();
      return Pages.page("in", matching, invoice -> invoice.sequence, Views::invoice, page);
    }
  }

  Map<String, Object> get(String customerId, String invoiceId) {
    synchronized (state) {
      return Views.invoice(BillingState.invoice(state.account(customerId), invoiceId));
    }
  }

  /**
   * Issues an open invoice now, for the Java helpers and {@code POST
   * /sandbox/accounts/{id}/invoices} alike: answers its view with its {@code collection}.
   *
   * @param currency null for the account's
   * @param dueAt null for 30 days from now
   * @param collection null for {@code manual}
   */
  Map<String, Object> create(String customerId, List<InvoiceLine> lines, String currency, Instant dueAt,
      Collection collection) {
    if (lines.isEmpty() || lines.size() > MAX_LINES) {
      throw ApiError.parameterInvalid("lines", "lines must hold 1 to " + MAX_LINES + " lines.");
    }
    for (int i = 0; i < lines.size(); i++) {
      InvoiceLine line = lines.get(i);
      if (line.description() == null || line.description().isBlank() || line.description().length() > 500) {
        throw ApiError.parameterInvalid("lines." + i + ".description",
            "lines." + i + ".description must be 1 to 500 characters, not blank.");
      }
      if (line.amount() < 1 || line.amount() > TransferRoutes.MAX_AMOUNT) {
        throw ApiError.parameterInvalid("lines." + i + ".amount",
            "lines." + i + ".amount must be an integer from 1 to " + TransferRoutes.MAX_AMOUNT + ".");
      }
    }
    if (currency != null) {
      AccountRules.requireCurrency("currency", currency);
    }
    synchronized (state) {
      Account account = state.account(customerId);
      Instant now = state.clock.instant();
      if (dueAt != null && dueAt.isBefore(now)) {
        throw ApiError.parameterInvalid("due_at", "due_at must not be earlier than the sandbox's now.");
      }
      Invoice invoice = add(account, null, lines, now, dueAt == null ? PAYMENT_TERMS : Duration.between(now, dueAt),
          currency == null ? account.currency : currency);
      invoice.collection = collection == null ? Collection.MANUAL : collection;
      if (invoice.collection == Collection.AUTOMATIC) {
        invoice.collectAt = invoice.dueAt;
      }
      return controlView(invoice);
    }
  }

  /** The API's view of an invoice with what only the sandbox's controls show: every payment attempt. */
  Map<String, Object> controlView(Invoice invoice) {
    synchronized (state) {
      Map<String, Object> view = Views.invoice(invoice);
      view.put("attempts", state.payments.values().stream().filter(p -> p.invoiceId.equals(invoice.id)).count());
      return view;
    }
  }

  /**
   * A payment by the customer (on-session), now: answers the payment's id. Its answer is {@link
   * #payment}, which a declined charge makes a 402.
   */
  String pay(String customerId, String invoiceId, String paymentMethodId, String returnUrl) {
    synchronized (state) {
      Account account = state.account(customerId);
      Invoice invoice = BillingState.invoice(account, invoiceId);
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
      Instant now = state.clock.instant();
      Payment payment = attempt(account, invoice, method, now, true, returnUrl);
      settle(account, invoice, payment, method, now, "Payment by the customer");
      return payment.id;
    }
  }

  /**
   * A payment of the invoice as it stands, the answer of paying and of confirming: a 402 in the
   * API's error shape once it failed, the payment otherwise.
   */
  Map<String, Object> payment(String customerId, String invoiceId, String paymentId) {
    synchronized (state) {
      Invoice invoice = BillingState.invoice(state.account(customerId), invoiceId);
      Payment payment = state.payments.get(paymentId);
      if (payment == null || !payment.invoiceId.equals(invoice.id)) {
        throw ApiError.notFound("payment_id", "No payment " + paymentId + " of invoice " + invoiceId + ".");
      }
      if (payment.status != PaymentStatus.FAILED) {
        return Views.payment(payment);
      }
      if (payment.decline == null) {
        throw ApiError.conflict("invoice_not_open", "invoice_id", "Invoice " + invoice.number
            + " was paid otherwise before the customer authenticated this payment; nothing was charged.");
      }
      throw ApiError.card(payment.decline.code, payment.decline.declineCode, payment.decline.message,
          Views.payment(payment));
    }
  }

  Map<String, Object> payments(String customerId, String invoiceId, Pages.Request page) {
    synchronized (state) {
      Invoice invoice = BillingState.invoice(state.account(customerId), invoiceId);
      List<Payment> attempts = state.payments.values().stream()
          .filter(payment -> payment.invoiceId.equals(invoice.id))
          .toList();
      return Pages.oldestFirst("py", attempts, payment -> payment.sequence, Views::payment, page);
    }
  }

  /** What the invoice's PDF shows, read under the lock; the document is laid out after it. */
  InvoicePdf pdf(String customerId, String invoiceId) {
    synchronized (state) {
      Account account = state.account(customerId);
      return InvoicePdf.of(account, BillingState.invoice(account, invoiceId));
    }
  }

  Map<String, Object> bankTransferInstructions(String customerId, String invoiceId) {
    synchronized (state) {
      Invoice invoice = BillingState.invoice(state.account(customerId), invoiceId);
      requireOpen(invoice);
      return Views.bankTransferInstructions(invoice);
    }
  }

  /**
   * The customer's answer on the bank's page (the 3-D Secure step), for a payment by them or one
   * the billing system made without them: authenticated, the charge goes through and pays the
   * invoice; failed, the payment fails with {@code authentication_failed}.
   *
   * @return the payment as it is now
   */
  Payment authenticate(String paymentId, boolean authenticated) {
    synchronized (state) {
      state.catchUp();
      Payment payment = state.payments.get(paymentId);
      if (payment == null) {
        throw ApiError.notFound("payment_id", "No such payment: " + paymentId + ".");
      }
      if (payment.status != PaymentStatus.REQUIRES_ACTION) {
        throw ApiError.conflict("payment_not_awaiting_action", "payment_id",
            "This payment is " + payment.status.wireName() + "; it is not waiting for authentication.");
      }
      payment.nextActionUrl = null;
      Account account = state.accounts.get(payment.customerId);
      Invoice invoice = account.invoices.get(payment.invoiceId);
      Instant now = state.clock.instant();
      if (!authenticated) {
        fail(payment, Cards.Decline.AUTHENTICATION_FAILED);
      } else if (invoice.status != InvoiceStatus.OPEN) {
        payment.status = PaymentStatus.FAILED;
        payment.failureMessage = "The invoice was no longer open.";
      } else {
        payment.status = PaymentStatus.SUCCEEDED;
      }
      BillingState.note(account, now, "payment", "3-D Secure for the charge of "
          + Views.money(payment.amount, payment.currency) + " for " + invoice.number + ": " + outcome(payment));
      if (payment.status == PaymentStatus.SUCCEEDED) {
        markPaid(account, invoice, now, payment);
      } else if (payment.decline != null) {
        state.events.invoicePaymentFailed(account, invoice, payment, now);
      }
      return payment;
    }
  }

  /** A payment by id, or null: the bank's page shows it. */
  Payment findPayment(String paymentId) {
    synchronized (state) {
      return state.payments.get(paymentId);
    }
  }

  /**
   * Records one charge of an open invoice's amount due to a stored method at {@code when}, as the
   * bank decides it: declined, waiting for the customer to authenticate (at the sandbox's stand-in
   * for the bank's page), or succeeded. A charge by the customer ({@code onSession}) is asked to
   * authenticate whenever the card's bank asks; one without them only when the card was saved
   * without the authentication its bank wanted, or its bank always insists. Nothing follows yet:
   * {@link #settle} tells and pays.
   */
  Payment attempt(Account account, Invoice invoice, PaymentMethod method, Instant when, boolean onSession,
      String returnUrl) {
    synchronized (state) {
      Payment payment = new Payment(state.ids.next("py_"), state.nextSequence(), account.customerId, invoice.id,
          invoice.amountDue(), invoice.currency, method.id, when);
      payment.returnUrl = returnUrl;
      state.payments.put(payment.id, payment);
      int earlierCharges = method.charges++;
      Cards.Decline decline;
      boolean asksToAuthenticate;
      if (method.paypal != null) {
        decline = method.paypal.declinesCharges() ? Cards.Decline.PAYPAL_DECLINED : null;
        asksToAuthenticate = false;
      } else {
        Cards.Behavior behavior = method.card.behavior();
        decline = isExpired(method.card, when) ? Cards.Decline.EXPIRED : behavior.declineAfter(earlierCharges);
        asksToAuthenticate = behavior.asksToAuthenticate(onSession, method.usableOffSession);
      }
      if (decline != null) {
        fail(payment, decline);
      } else if (asksToAuthenticate) {
        payment.status = PaymentStatus.REQUIRES_ACTION;
        payment.nextActionUrl = state.sandboxUrl(AuthenticationPages.PATH_PREFIX.substring(1) + payment.id);
      } else {
        payment.status = PaymentStatus.SUCCEEDED;
      }
      return payment;
    }
  }

  /**
   * What follows a charge {@link #attempt} recorded: its line in the history ({@code what} names
   * the charge), its events, and the invoice paid when it succeeded.
   */
  void settle(Account account, Invoice invoice, Payment payment, PaymentMethod method, Instant when, String what) {
    synchronized (state) {
      BillingState.note(account, when, "payment", what + ": charge of " + Views.money(payment.amount, payment.currency)
          + " for " + invoice.number + " to " + method.label() + ": " + outcome(payment));
      switch (payment.status) {
        case SUCCEEDED -> markPaid(account, invoice, when, payment);
        case FAILED -> state.events.invoicePaymentFailed(account, invoice, payment, when);
        case REQUIRES_ACTION -> {
          state.events.invoicePaymentFailed(account, invoice, payment, when);
          state.events.invoicePaymentActionRequired(account, payment, when);
        }
      }
    }
  }

  /**
   * Marks an invoice paid, and brings a license whose renewal it was back to active. Sends
   * invoice.paid, license.renewed when the license is active as a result, and license.reactivated
   * when it was suspended. {@code payment} is null when no charge paid it (a bank transfer).
   */
  void markPaid(Account account, Invoice invoice, Instant when, Payment payment) {
    synchronized (state) {
      invoice.markPaid(when);
      state.events.invoicePaid(account, invoice, payment, when);
      License license = invoice.renewalOf == null ? null : account.licenses.get(invoice.renewalOf);
      if (license == null) {
        return;
      }
      LicenseStatus before = license.status;
      LicenseRules.updateRenewalStatus(account, license);
      if (license.status == LicenseStatus.ACTIVE) {
        state.events.licenseRenewed(account, license, invoice, payment, when);
        BillingState.note(account, when, "renewal", license.product + " renewed until "
            + Views.date(license.renewsAt) + ", " + invoice.number + " paid");
        if (before == LicenseStatus.SUSPENDED) {
          state.events.licenseReactivated(account, license, invoice, payment, when);
          BillingState.note(account, when, "dunning", license.product + " reactivated: " + invoice.number + " paid");
        }
      }
    }
  }

  Invoice add(Account account, String id, List<InvoiceLine> lines, Instant issuedAt) {
    return add(account, id, lines, issuedAt, PAYMENT_TERMS, account.currency);
  }

  /** Issues an invoice as it is, numbered in the order issued. */
  Invoice add(Account account, String id, List<InvoiceLine> lines, Instant issuedAt, Duration terms, String currency) {
    synchronized (state) {
      int year = issuedAt.atZone(ZoneOffset.UTC).getYear();
      String number = String.format(Locale.ROOT, "INV-%d-%04d", year, state.nextInvoiceCount());
      Invoice invoice = new Invoice(id != null ? id : state.ids.next("in_"), state.nextSequence(),
          account.customerId, number, currency, lines, issuedAt, issuedAt.plus(terms));
      account.invoices.put(invoice.id, invoice);
      return invoice;
    }
  }

  private static String outcome(Payment payment) {
    return switch (payment.status) {
      case SUCCEEDED -> "succeeded";
      case REQUIRES_ACTION -> "waits for the customer to authenticate it";
      case FAILED -> "failed (" + (payment.declineCode != null ? payment.declineCode : payment.failureMessage) + ")";
    };
  }

  private static void fail(Payment payment, Cards.Decline decline) {
    payment.status = PaymentStatus.FAILED;
    payment.decline = decline;
    payment.declineCode = decline.declineCode;
    payment.failureMessage = decline.message;
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
