package dev.settle.webhooks;

import dev.settle.model.CustomerId;
import dev.settle.model.PaymentMethodId;
import dev.settle.model.WebhookEventType;
import java.time.YearMonth;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code payment_method.updated}: a stored method changed, for example it became (or stopped
 * being) the preferred one, or a card's expiry was updated.
 */
@Value.Immutable
public abstract non-sealed class PaymentMethodUpdated extends WebhookEvent {
  PaymentMethodUpdated() {}

  /** Always {@link WebhookEventType#PAYMENT_METHOD_UPDATED}. */
  @Override
  public final WebhookEventType type() {
    return WebhookEventType.PAYMENT_METHOD_UPDATED;
  }

  /** {@return the account the method is stored on} */
  public abstract CustomerId customerId();

  /** {@return the method that changed} */
  public abstract PaymentMethodId paymentMethodId();

  /** {@return true when renewals are now charged to this method} */
  public abstract boolean preferred();

  /** {@return a card's expiry as it is now; empty for a method without one (PayPal)} */
  public abstract Optional<YearMonth> expiry();

  /** {@return a builder of these events, for tests of code that handles them} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PaymentMethodUpdated}, for tests of code that handles events. */
  public static final class Builder extends ImmutablePaymentMethodUpdated.Builder
      implements AccountEventBuilder<Builder> {
    Builder() {}
  }
}
