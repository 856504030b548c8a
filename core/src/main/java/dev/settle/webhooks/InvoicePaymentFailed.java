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
 * authenticate; the invoice stays open.
 */
@Value.Immutable
public abstract non-sealed class InvoicePaymentFailed extends WebhookEvent {
  InvoicePaymentFailed() {}

  /** Always {@link WebhookEventType#INVOICE_PAYMENT_FAILED}. */
  @Override
  public final WebhookEventType type() {
    return WebhookEventType.INVOICE_PAYMENT_FAILED;
  }

  /**
   * The account the invoice belongs to.
   *
   * @return the customer number
   */
  public abstract CustomerId customerId();

  /**
   * The invoice that is still open.
   *
   * @return the invoice's id
   */
  public abstract InvoiceId invoiceId();

  /**
   * The failed payment attempt ({@code py_…}).
   *
   * @return the payment's id
   */
  public abstract String paymentId();

  /**
   * The amount the charge was for.
   *
   * @return the amount
   */
  public abstract Money amount();

  /**
   * The stored method that was charged.
   *
   * @return the method's id
   */
  public abstract PaymentMethodId paymentMethodId();

  /**
   * Why, in the API's error codes: {@code card_declined}, {@code expired_card}, {@code
   * incorrect_cvc}, {@code processing_error}, {@code authentication_required} (the customer must
   * authenticate the payment), or another a newer server sends.
   *
   * @return the failure code
   */
  public abstract String failureCode();

  /**
   * The issuer's reason for a decline, such as {@code insufficient_funds}.
   *
   * @return the decline code, or empty
   */
  public abstract Optional<String> declineCode();

  /**
   * A message that may be shown to the customer.
   *
   * @return the message, or empty
   */
  public abstract Optional<String> failureMessage();

  /**
   * A builder of these events, for tests of code that handles them.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link InvoicePaymentFailed}, for tests of code that handles events. */
  public static final class Builder extends ImmutableInvoicePaymentFailed.Builder {
    Builder() {}
  }
}
