package dev.settle.model;

import org.jspecify.annotations.Nullable;

/** The types of webhook event Settle reads; {@link #UNKNOWN} for any other. */
public enum WebhookEventType {
  /** {@code invoice.paid}: an invoice was paid in full; read as {@link dev.settle.webhooks.InvoicePaid}. */
  INVOICE_PAID("invoice.paid"),
  /** {@code invoice.payment_failed}: a charge for an invoice failed; {@link dev.settle.webhooks.InvoicePaymentFailed}. */
  INVOICE_PAYMENT_FAILED("invoice.payment_failed"),
  /**
   * {@code invoice.payment_action_required}: a charge waits for the customer to authenticate it
   * at a hosted page; {@link dev.settle.webhooks.InvoicePaymentActionRequired}.
   */
  INVOICE_PAYMENT_ACTION_REQUIRED("invoice.payment_action_required"),
  /** {@code payment_method.expiring}: a stored card expires soon; {@link dev.settle.webhooks.PaymentMethodExpiring}. */
  PAYMENT_METHOD_EXPIRING("payment_method.expiring"),
  /** {@code payment_method.updated}: a stored method changed; {@link dev.settle.webhooks.PaymentMethodUpdated}. */
  PAYMENT_METHOD_UPDATED("payment_method.updated"),
  /** {@code license.renewed}: a license renewed and its renewal was paid; {@link dev.settle.webhooks.LicenseRenewed}. */
  LICENSE_RENEWED("license.renewed"),
  /** {@code license.renewal_failed}: a renewal could not be charged; {@link dev.settle.webhooks.LicenseRenewalFailed}. */
  LICENSE_RENEWAL_FAILED("license.renewal_failed"),
  /** {@code license.suspended}: a renewal stayed unpaid past the dunning schedule; {@link dev.settle.webhooks.LicenseSuspended}. */
  LICENSE_SUSPENDED("license.suspended"),
  /** {@code license.reactivated}: a suspended license's renewal was paid; {@link dev.settle.webhooks.LicenseReactivated}. */
  LICENSE_REACTIVATED("license.reactivated"),
  /**
   * A type this version of Settle does not know; a newer server may send more. Read as {@link
   * dev.settle.webhooks.UnknownEvent}, which keeps the type's name and the data as sent.
   */
  UNKNOWN("");

  private final String value;

  WebhookEventType(String value) {
    this.value = value;
  }

  /**
   * {@return the type's name on the wire, such as {@code invoice.paid}, as used when subscribing an
   * endpoint to events; empty for {@link #UNKNOWN}, which has none}
   */
  public String value() {
    return value;
  }

  /**
   * The type named {@code value} on the wire; {@link #UNKNOWN} for a name Settle does not know,
   * and for null, which an event without a type carries.
   *
   * @param value the wire name, such as {@code invoice.paid}, or null
   * @return the type, or {@link #UNKNOWN}
   */
  public static WebhookEventType of(@Nullable String value) {
    for (WebhookEventType type : values()) {
      if (type != UNKNOWN && type.value.equals(value)) {
        return type;
      }
    }
    return UNKNOWN;
  }
}
