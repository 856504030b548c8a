package dev.settle.webhooks;

import dev.settle.model.CustomerId;
import dev.settle.model.InvoiceId;
import dev.settle.model.Money;
import dev.settle.model.PaymentMethodId;
import dev.settle.model.WebhookEventType;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code invoice.paid}: an invoice was paid in full, by a charge or by a bank transfer that
 * arrived.
 */
@Value.Immutable
public abstract non-sealed class InvoicePaid extends WebhookEvent {
  InvoicePaid() {}

  /** Always {@link WebhookEventType#INVOICE_PAID}. */
  @Override
  public final WebhookEventType type() {
    return WebhookEventType.INVOICE_PAID;
  }

  /** {@return the account the invoice belongs to} */
  public abstract CustomerId customerId();

  /** {@return the invoice paid} */
  public abstract InvoiceId invoiceId();

  /**
   * {@return the payment that settled it ({@code py_…}); empty when it was paid by bank transfer}
   */
  public abstract Optional<String> paymentId();

  /** {@return the amount paid} */
  public abstract Money amount();

  /** {@return the stored method charged; empty when none was} */
  public abstract Optional<PaymentMethodId> paymentMethodId();

  /** {@return when the invoice was paid in full} */
  public abstract Instant paidAt();

  /** {@return a builder of these events, for tests of code that handles them} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link InvoicePaid}, for tests of code that handles events. */
  public static final class Builder extends ImmutableInvoicePaid.Builder
      implements AccountEventBuilder<Builder> {
    Builder() {}
  }
}
