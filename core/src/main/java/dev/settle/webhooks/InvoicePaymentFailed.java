package dev.settle.webhooks;

import dev.settle.model.CustomerId;
import dev.settle.model.InvoiceId;
import dev.settle.model.Money;
import dev.settle.model.PaymentMethodId;
import dev.settle.model.WebhookEventType;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code invoice.payment_failed}: a charge for an invoice failed, or waits for the customer to
 * authenticate; the invoice stays open. For an invoice the billing system collects by itself,
 * {@link #dunning()} says whether and when it tries again.
 */
@Value.Immutable
public abstract non-sealed class InvoicePaymentFailed extends WebhookEvent {
  InvoicePaymentFailed() {}

  /** Always {@link WebhookEventType#INVOICE_PAYMENT_FAILED}. */
  @Override
  public final WebhookEventType type() {
    return WebhookEventType.INVOICE_PAYMENT_FAILED;
  }

  /** {@return the account the invoice belongs to} */
  public abstract CustomerId customerId();

  /** {@return the invoice that is still open} */
  public abstract InvoiceId invoiceId();

  /** {@return the failed payment attempt ({@code py_…})} */
  public abstract String paymentId();

  /** {@return the amount the charge was for} */
  public abstract Money amount();

  /** {@return the stored method that was charged} */
  public abstract PaymentMethodId paymentMethodId();

  /**
   * {@return the reason, in the API's error codes: {@code card_declined}, {@code expired_card},
   * {@code incorrect_cvc}, {@code processing_error}, {@code authentication_required} (the
   * customer must authenticate the payment), or another a newer server sends}
   */
  public abstract String failureCode();

  /** {@return the issuer's reason for a decline, such as {@code insufficient_funds}} */
  public abstract Optional<String> declineCode();

  /** {@return a message that may be shown to the customer} */
  public abstract Optional<String> failureMessage();

  /**
   * {@return where the invoice's automatic collection stands after this failure} Empty for an
   * invoice collected by hand, or one whose automatic collection has not started.
   */
  public abstract Optional<Dunning> dunning();

  /** {@return a builder of these events, for tests of code that handles them} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link InvoicePaymentFailed}, for tests of code that handles events. */
  public static final class Builder extends ImmutableInvoicePaymentFailed.Builder
      implements AccountEventBuilder<Builder> {
    Builder() {}
  }
}
