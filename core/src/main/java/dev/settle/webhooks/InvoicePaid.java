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

  /**
   * The account the invoice belongs to.
   *
   * @return the customer number
   */
  public abstract CustomerId customerId();

  /**
   * The invoice paid.
   *
   * @return the invoice's id
   */
  public abstract InvoiceId invoiceId();

  /**
   * The payment that settled it ({@code py_…}); empty when it was paid by bank transfer.
   *
   * @return the payment's id, or empty
   */
  public abstract Optional<String> paymentId();

  /**
   * The amount paid.
   *
   * @return the amount
   */
  public abstract Money amount();

  /**
   * The stored method charged; empty when none was.
   *
   * @return the method's id, or empty
   */
  public abstract Optional<PaymentMethodId> paymentMethodId();

  /**
   * When the invoice was paid in full.
   *
   * @return the time it was paid
   */
  public abstract Instant paidAt();

  /**
   * A builder of these events, for tests of code that handles them.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link InvoicePaid}, for tests of code that handles events. */
  public static final class Builder extends ImmutableInvoicePaid.Builder {
    Builder() {}
  }
}
