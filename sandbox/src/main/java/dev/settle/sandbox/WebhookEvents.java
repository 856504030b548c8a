package dev.settle.sandbox;

import dev.settle.sandbox.Model.Account;
import dev.settle.sandbox.Model.Invoice;
import dev.settle.sandbox.Model.License;
import dev.settle.sandbox.Model.Payment;
import dev.settle.sandbox.Model.PaymentMethod;
import dev.settle.sandbox.Model.PaymentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The events the billing system sends, as the contract's {@code WebhookEvent} and its data schemas
 * describe them. The rule classes call these while they hold the state's lock, at the moment each thing
 * happens, so events reach the dispatcher in the order they happened.
 */
final class WebhookEvents {
  static final String INVOICE_PAID = "invoice.paid";
  static final String INVOICE_PAYMENT_FAILED = "invoice.payment_failed";
  static final String INVOICE_PAYMENT_ACTION_REQUIRED = "invoice.payment_action_required";
  static final String PAYMENT_METHOD_EXPIRING = "payment_method.expiring";
  static final String PAYMENT_METHOD_UPDATED = "payment_method.updated";
  static final String LICENSE_RENEWED = "license.renewed";
  static final String LICENSE_RENEWAL_FAILED = "license.renewal_failed";
  static final String LICENSE_SUSPENDED = "license.suspended";
  static final String LICENSE_REACTIVATED = "license.reactivated";
  /** Every type the sandbox sends, as the contract's {@code WebhookEventType} lists them. */
  static final List<String> TYPES = List.of(INVOICE_PAID, INVOICE_PAYMENT_FAILED, INVOICE_PAYMENT_ACTION_REQUIRED,
      PAYMENT_METHOD_EXPIRING, PAYMENT_METHOD_UPDATED, LICENSE_RENEWED, LICENSE_RENEWAL_FAILED, LICENSE_SUSPENDED,
      LICENSE_REACTIVATED);
  static final String AUTHENTICATION_REQUIRED = "authentication_required";

  private final WebhookDispatcher dispatcher;
  private final Ids ids;

  WebhookEvents(WebhookDispatcher dispatcher, Ids ids) {
    this.dispatcher = dispatcher;
    this.ids = ids;
  }

  /** An invoice paid in full; {@code payment} is null when no charge paid it (a bank transfer). */
  void invoicePaid(Account account, Invoice invoice, Payment payment, Instant when) {
    emit(INVOICE_PAID, when, Json.object(
        "customer_id", account.customerId,
        "invoice_id", invoice.id,
        "payment_id", payment == null ? null : payment.id,
        "amount", invoice.amountPaid,
        "currency", invoice.currency,
        "payment_method_id", payment == null ? null : payment.paymentMethodId,
        "paid_at", Views.timestamp(invoice.paidAt)));
  }

  /**
   * A charge that failed, or that waits for the customer to authenticate it, with where the
   * invoice's automatic collection stands after it.
   */
  void invoicePaymentFailed(Account account, Invoice invoice, Payment payment, Instant when) {
    emit(INVOICE_PAYMENT_FAILED, when, Json.object(
        "customer_id", account.customerId,
        "invoice_id", payment.invoiceId,
        "payment_id", payment.id,
        "amount", payment.amount,
        "currency", payment.currency,
        "payment_method_id", payment.paymentMethodId,
        "failure_code", failureCode(payment),
        "decline_code", payment.declineCode,
        "failure_message", payment.status == PaymentStatus.REQUIRES_ACTION
            ? "The payment needs the customer to authenticate it."
            : payment.failureMessage,
        "dunning", Views.dunning(invoice)));
  }

  /** A charge waits for the customer to authenticate it at its page, which pays the invoice. */
  void invoicePaymentActionRequired(Account account, Payment payment, Instant when) {
    emit(INVOICE_PAYMENT_ACTION_REQUIRED, when, Json.object(
        "customer_id", account.customerId,
        "invoice_id", payment.invoiceId,
        "payment_id", payment.id,
        "amount", payment.amount,
        "currency", payment.currency,
        "payment_method_id", payment.paymentMethodId,
        "hosted_url", payment.nextActionUrl));
  }

  /** A renewal invoice was paid and the license is active: at its renewal date or later, by hand. */
  void licenseRenewed(Account account, License license, Invoice invoice, Payment payment, Instant when) {
    emit(LICENSE_RENEWED, when, licensePaid(account, license, invoice, payment));
  }

  /** A renewal that could not be charged; {@code payment} is null when there was nothing to charge. */
  void licenseRenewalFailed(Account account, License license, Invoice invoice, Payment payment, Instant when) {
    emit(LICENSE_RENEWAL_FAILED, when, Json.object(
        "customer_id", account.customerId,
        "license_id", license.id,
        "invoice_id", invoice.id,
        "failure_code", payment == null ? "no_preferred_payment_method" : failureCode(payment),
        "payment_id", payment == null ? null : payment.id,
        "decline_code", payment == null ? null : payment.declineCode));
  }

  /** A renewal stayed unpaid past the schedule's last try and its grace. */
  void licenseSuspended(Account account, License license, Invoice invoice, Instant when) {
    emit(LICENSE_SUSPENDED, when, Json.object(
        "customer_id", account.customerId,
        "license_id", license.id,
        "invoice_id", invoice.id));
  }

  /** A suspended license is active again: its renewal invoice was paid. */
  void licenseReactivated(Account account, License license, Invoice invoice, Payment payment, Instant when) {
    emit(LICENSE_REACTIVATED, when, licensePaid(account, license, invoice, payment));
  }

  /** The data of an event about a license whose renewal invoice was paid: renewed, or reactivated. */
  private static Map<String, Object> licensePaid(Account account, License license, Invoice invoice, Payment payment) {
    return Json.object(
        "customer_id", account.customerId,
        "license_id", license.id,
        "invoice_id", invoice.id,
        "payment_id", payment == null ? null : payment.id,
        "renews_at", Views.timestamp(license.renewsAt));
  }

  void paymentMethodExpiring(Account account, PaymentMethod method, Instant when) {
    emit(PAYMENT_METHOD_EXPIRING, when, Json.object(
        "customer_id", account.customerId,
        "payment_method_id", method.id,
        "exp_month", (long) method.card.expMonth(),
        "exp_year", (long) method.card.expYear(),
        "preferred", method.id.equals(account.preferredPaymentMethodId)));
  }

  /** A stored method became or stopped being preferred; {@code preferred} is read as it is now. */
  void paymentMethodUpdated(Account account, PaymentMethod method, Instant when) {
    emit(PAYMENT_METHOD_UPDATED, when, Json.object(
        "customer_id", account.customerId,
        "payment_method_id", method.id,
        "preferred", method.id.equals(account.preferredPaymentMethodId),
        "exp_month", method.card == null ? null : (long) method.card.expMonth(),
        "exp_year", method.card == null ? null : (long) method.card.expYear()));
  }

  /**
   * The API's error code for a failed charge: the decline's code, {@code authentication_required}
   * while the customer has to authenticate, and {@code card_declined} (decline code
   * {@code authentication_failed}) when they failed to.
   */
  private static String failureCode(Payment payment) {
    if (payment.status == PaymentStatus.REQUIRES_ACTION) {
      return AUTHENTICATION_REQUIRED;
    }
    return payment.decline != null ? payment.decline.code : "card_declined";
  }

  private void emit(String type, Instant when, Map<String, Object> data) {
    String id = ids.next("evt_");
    byte[] body = Json.write(Json.object(
        "id", id,
        "type", type,
        "created_at", Views.timestamp(when),
        "data", data));
    dispatcher.publish(id, type, body);
  }
}
