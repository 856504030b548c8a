package dev.settle.webhooks;

import dev.settle.model.CustomerId;
import dev.settle.model.InvoiceId;
import dev.settle.model.Money;
import dev.settle.model.PaymentMethodId;
import dev.settle.model.WebhookEventType;
import java.net.URI;
import org.immutables.value.Value;

/**
 * {@code invoice.payment_action_required}: a charge for an invoice waits for the customer to
 * authenticate it with their bank; the invoice stays open until they do.
 *
 * <p>It comes for a renewal or an automatic collection whose card's bank insisted on
 * authentication although nobody was there to give it. Send the customer {@link #hostedUrl()}
 * (by e-mail, say): authenticating there pays the invoice, and a renewal's license is active
 * again. It also comes for a payment made by the customer that needs it, which the caller learned
 * from {@code AuthenticationRequiredException} already.
 */
@Value.Immutable
public abstract non-sealed class InvoicePaymentActionRequired extends WebhookEvent {
  InvoicePaymentActionRequired() {}

  /** Always {@link WebhookEventType#INVOICE_PAYMENT_ACTION_REQUIRED}. */
  @Override
  public final WebhookEventType type() {
    return WebhookEventType.INVOICE_PAYMENT_ACTION_REQUIRED;
  }

  /** {@return the account the invoice belongs to} */
  public abstract CustomerId customerId();

  /** {@return the invoice waiting for the customer's authentication} */
  public abstract InvoiceId invoiceId();

  /** {@return the payment waiting for the customer ({@code py_…})} */
  public abstract String paymentId();

  /** {@return the amount the charge is for} */
  public abstract Money amount();

  /** {@return the stored method charged} */
  public abstract PaymentMethodId paymentMethodId();

  /**
   * {@return the page where the customer authenticates the payment} Whoever holds it can authenticate the
   * payment: send it to the customer, do not log it; {@code toString()} leaves it (and the raw
   * {@link #data()}) out.
   */
  public abstract URI hostedUrl();

  @Override
  public String toString() {
    return "InvoicePaymentActionRequired{id=" + id() + ", createdAt=" + createdAt() + ", customerId=" + customerId()
        + ", invoiceId=" + invoiceId() + ", paymentId=" + paymentId() + ", amount=" + amount()
        + ", paymentMethodId=" + paymentMethodId() + ", hostedUrl=redacted}";
  }

  /** {@return a builder, for tests of code that handles events} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link InvoicePaymentActionRequired}, for tests of code that handles events. */
  public static final class Builder extends ImmutableInvoicePaymentActionRequired.Builder
      implements AccountEventBuilder<Builder> {
    Builder() {}
  }
}
