package dev.settle.webhooks;

import dev.settle.model.WebhookEventType;
import java.time.Instant;
import java.util.Map;

/**
 * One webhook event, as delivered to an endpoint and checked by {@link WebhookVerifier}.
 *
 * <p>The hierarchy is closed: one class per type Settle knows ({@link InvoicePaid}, {@link
 * InvoicePaymentFailed}, {@link InvoicePaymentActionRequired}, {@link PaymentMethodExpiring},
 * {@link PaymentMethodUpdated}, {@link LicenseRenewed}, {@link LicenseRenewalFailed}, {@link
 * LicenseSuspended}, {@link LicenseReactivated}) and {@link UnknownEvent} for any other, so a
 * newer server's events arrive rather than fail. Match on the class or switch on {@link #type()}:
 *
 * <pre>{@code
 * switch (event.type()) {
 *   case INVOICE_PAID -> fulfil(((InvoicePaid) event).invoiceId());
 *   case LICENSE_RENEWAL_FAILED -> warnCustomer(((LicenseRenewalFailed) event).customerId());
 *   default -> { }   // ignore the rest, including UNKNOWN
 * }
 * }</pre>
 *
 * <p>A delivery may repeat (the sender retries until it gets a 2xx), so do each event's work once,
 * keyed by {@link #id()}. Immutable and thread-safe; each class has a {@code builder()} for tests of
 * code that handles events.
 */
public abstract sealed class WebhookEvent
    permits InvoicePaid,
        InvoicePaymentFailed,
        InvoicePaymentActionRequired,
        PaymentMethodExpiring,
        PaymentMethodUpdated,
        LicenseRenewed,
        LicenseRenewalFailed,
        LicenseSuspended,
        LicenseReactivated,
        UnknownEvent {

  WebhookEvent() {}

  /** {@return the event's id ({@code evt_…}): the same on every delivery of one event} */
  public abstract String id();

  /** {@return the event's type; {@link WebhookEventType#UNKNOWN} for one Settle does not know} */
  public abstract WebhookEventType type();

  /**
   * {@return the type's name as sent, such as {@code invoice.paid}; also set for an unknown type}
   */
  public String typeName() {
    return type().value();
  }

  /** {@return when the event happened on the billing system} */
  public abstract Instant createdAt();

  /**
   * The event's {@code data} object as sent, for fields Settle does not model yet: JSON objects
   * are {@code Map}s, arrays {@code List}s, numbers {@code Double}s, and {@code null} stays {@code
   * null}. Empty for an event built by hand unless given.
   *
   * @return the data object's fields
   */
  @AllowNulls
  public abstract Map<String, Object> data();
}
