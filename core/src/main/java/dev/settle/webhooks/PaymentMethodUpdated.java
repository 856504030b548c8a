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

  /**
   * The account the method is stored on.
   *
   * @return the customer number
   */
  public abstract CustomerId customerId();

  /**
   * The method that changed.
   *
   * @return the method's id
   */
  public abstract PaymentMethodId paymentMethodId();

  /**
   * True when renewals are now charged to this method.
   *
   * @return whether it is the preferred method
   */
  public abstract boolean preferred();

  /**
   * A card's expiry as it is now; empty for a method without one (PayPal).
   *
   * @return the expiry month, or empty
   */
  public abstract Optional<YearMonth> expiry();

  /**
   * A builder of these events, for tests of code that handles them.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PaymentMethodUpdated}, for tests of code that handles events. */
  public static final class Builder extends ImmutablePaymentMethodUpdated.Builder {
    Builder() {}
  }
}
