package dev.settle.sandbox;

import dev.settle.sandbox.Model.Account;
import dev.settle.sandbox.Model.CardFacts;
import dev.settle.sandbox.Model.CardSetup;
import dev.settle.sandbox.Model.CardSetupStatus;
import dev.settle.sandbox.Model.Invoice;
import dev.settle.sandbox.Model.InvoiceLine;
import dev.settle.sandbox.Model.License;
import dev.settle.sandbox.Model.PayPalFacts;
import dev.settle.sandbox.Model.PayPalSetup;
import dev.settle.sandbox.Model.Payment;
import dev.settle.sandbox.Model.PaymentMethod;
import dev.settle.sandbox.Model.Token;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The wire form of the state objects, as the contract's schemas name their fields. */
final class Views {
  /** What both portals accept, and which of those can be stored and preferred. */
  static final List<String> ACCEPTED = List.of("card", "paypal", "bank_transfer");
  static final List<String> PREFERABLE = List.of("card", "paypal");

  /** The payee printed on every invoice: a well-formed German IBAN and its bank's BIC. */
  static final Map<String, Object> PAYEE = Collections.unmodifiableMap(Json.object(
      "name", "Settle Sandbox Software GmbH",
      "iban", "DE89370400440532013000",
      "bic", "COBADEFFXXX"));

  private Views() {}

  static String timestamp(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** The day of an instant in UTC, as {@code 2027-01-30}. */
  static String date(Instant instant) {
    return instant == null ? null : instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
  }

  /** Minor units in the currency's own digits: {@code EUR 1,234.50}, {@code JPY 59,800}. */
  static String money(long minor, String currency) {
    int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    return currency + " " + String.format(Locale.ROOT, "%,." + digits + "f", BigDecimal.valueOf(minor, digits));
  }

  static Map<String, Object> account(Account account) {
    PaymentMethod preferred = account.preferred();
    return Json.object(
        "customer_id", account.customerId,
        "portal", account.portal.name(),
        "name", account.name,
        "email", account.email,
        "currency", account.currency,
        "preferred_payment_method", preferred == null ? null : paymentMethod(account, preferred),
        "accepted_payment_methods", ACCEPTED,
        "preferable_payment_methods", PREFERABLE,
        "created_at", timestamp(account.createdAt));
  }

  static Map<String, Object> paymentMethod(Account account, PaymentMethod method) {
    Map<String, Object> view = Json.object(
        "id", method.id,
        "type", method.type(),
        "preferred", method.id.equals(account.preferredPaymentMethodId),
        "usable_off_session", method.usableOffSession,
        "created_at", timestamp(method.createdAt));
    if (method.card != null) {
      view.put("card", card(method.card));
    } else {
      view.put("paypal", paypal(method.paypal));
    }
    return view;
  }

  static Map<String, Object> paypal(PayPalFacts paypal) {
    return Json.object(
        "email", paypal.email(),
        "payer_id", paypal.payerId());
  }

  static Map<String, Object> payPalSetup(PayPalSetup setup, Instant now, String approvalUrl) {
    return Json.object(
        "id", setup.id,
        "status", setup.statusAt(now).wireName(),
        "approval_url", approvalUrl,
        "expires_at", timestamp(setup.expiresAt),
        "created_at", timestamp(setup.createdAt));
  }

  static Map<String, Object> card(CardFacts card) {
    return Json.object(
        "brand", card.brand().wireName,
        "last4", card.last4(),
        "exp_month", (long) card.expMonth(),
        "exp_year", (long) card.expYear(),
        "holder_name", card.holderName());
  }

  static Map<String, Object> token(Token token) {
    Map<String, Object> view = Json.object(
        "id", token.id,
        "type", token.type(),
        "requires_authentication", !token.usableOffSession(),
        "created_at", timestamp(token.createdAt));
    if (token.card != null) {
      view.put("card", card(token.card));
    } else {
      view.put("paypal", paypal(token.paypal));
    }
    return view;
  }

  static Map<String, Object> cardSetup(CardSetup setup, Token token, String nextActionUrl) {
    return Json.object(
        "id", setup.id,
        "status", setup.status.wireName(),
        "next_action", nextAction(setup.status == CardSetupStatus.REQUIRES_ACTION ? nextActionUrl : null),
        "token", token == null ? null : token.id,
        "created_at", timestamp(setup.createdAt));
  }

  static Map<String, Object> invoice(Invoice invoice) {
    List<Object> lines = invoice.lines.stream().map(Views::line).toList();
    return Json.object(
        "id", invoice.id,
        "customer_id", invoice.customerId,
        "number", invoice.number,
        "status", invoice.status.wireName(),
        "collection", invoice.collection.wireName(),
        "attempt_count", (long) invoice.attemptCount,
        "next_payment_attempt", timestamp(invoice.nextPaymentAttempt()),
        "currency", invoice.currency,
        "total", invoice.total,
        "amount_due", invoice.amountDue(),
        "amount_paid", invoice.amountPaid,
        "issued_at", timestamp(invoice.issuedAt),
        "due_at", timestamp(invoice.dueAt),
        "paid_at", timestamp(invoice.paidAt),
        "payee", PAYEE,
        "payment_reference", invoice.paymentReference,
        "lines", lines);
  }

  private static Object line(InvoiceLine line) {
    return Json.object(
        "description", line.description(),
        "amount", line.amount(),
        "license_id", line.licenseId());
  }

  static Map<String, Object> payment(Payment payment) {
    return Json.object(
        "id", payment.id,
        "invoice_id", payment.invoiceId,
        "status", payment.status.wireName(),
        "amount", payment.amount,
        "currency", payment.currency,
        "payment_method_id", payment.paymentMethodId,
        "decline_code", payment.declineCode,
        "failure_message", payment.failureMessage,
        "next_action", nextAction(payment.nextActionUrl),
        "created_at", timestamp(payment.createdAt));
  }

  /** Where a customer is sent to authenticate; null when nobody has to. */
  private static Map<String, Object> nextAction(String url) {
    return url == null ? null : Json.object("type", "redirect_to_url", "url", url);
  }

  /**
   * Where an invoice's automatic collection stands, as {@code invoice.payment_failed} tells it;
   * null for one collected by hand, or whose automatic collection has not started.
   */
  static Map<String, Object> dunning(Invoice invoice) {
    if (invoice.collection != InvoiceDraft.Collection.AUTOMATIC || invoice.dunning == null) {
      return null;
    }
    return Json.object(
        "attempt_count", (long) invoice.attemptCount,
        "next_payment_attempt", timestamp(invoice.nextPaymentAttempt()),
        "final", invoice.dunning.isFinal());
  }

  static Map<String, Object> bankTransferInstructions(Invoice invoice) {
    return Json.object(
        "invoice_id", invoice.id,
        "payee", PAYEE,
        "amount", invoice.amountDue(),
        "currency", invoice.currency,
        "reference", invoice.paymentReference);
  }

  static Map<String, Object> license(Account account, License license) {
    boolean warnNoPreferred = license.autoRenewal && account.preferred() == null;
    return Json.object(
        "id", license.id,
        "customer_id", account.customerId,
        "product", license.product,
        "status", license.status.wireName(),
        "auto_renewal", license.autoRenewal,
        "warnings", warnNoPreferred ? List.of("no_preferred_payment_method") : List.of(),
        "price", license.price,
        "currency", license.currency,
        "activated_at", timestamp(license.activatedAt),
        "renews_at", timestamp(license.renewsAt),
        "last_renewal_invoice_id", license.lastRenewalInvoiceId,
        "created_at", timestamp(license.createdAt));
  }
}
