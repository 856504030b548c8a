package dev.settle.webhooks;

import dev.settle.model.CustomerId;
import dev.settle.model.PaymentMethodId;
import dev.settle.model.WebhookEventType;
import java.time.YearMonth;
import org.immutables.value.Value;

/**
 * {@code payment_method.expiring}: a stored card expires soon; when it is the preferred method,
 * the next renewal will fail unless the customer replaces it.
 */
@Value.Immutable
public abstract non-sealed class PaymentMethodExpiring extends WebhookEvent {
  PaymentMethodExpiring() {}

  /** Always {@link WebhookEventType#PAYMENT_METHOD_EXPIRING}. */
  @Override
  public final WebhookEventType type() {
    return WebhookEventType.PAYMENT_METHOD_EXPIRING;
  }

  /** {@return the account the method is stored on} */
  public abstract CustomerId customerId();

  /** {@return the method that expires soon} */
  public abstract PaymentMethodId paymentMethodId();

  /** {@return the last month the card can be charged in} */
  public abstract YearMonth expiry();

  /** {@return true when renewals are charged to this method} */
  public abstract boolean preferred();

  /** {@return a builder of these events, for tests of code that handles them} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PaymentMethodExpiring}, for tests of code that handles events. */
  public static final class Builder extends ImmutablePaymentMethodExpiring.Builder
      implements AccountEventBuilder<Builder> {
    Builder() {}
  }
}
