package dev.settle.model;

import org.immutables.value.Value;

/**
 * The id of a stored payment method.
 *
 * <p>Checked when created ({@code pm_…}), so a mistyped id fails before any request.
 */
@Value.Immutable
public abstract class PaymentMethodId {
  PaymentMethodId() {}

  /** {@return the id as the server wrote it} */
  @Value.Parameter
  public abstract String value();

  /**
   * Returns the id for {@code value}.
   *
   * @param value an id of the form {@code pm_…}
   * @return the id
   * @throws dev.settle.exception.ValidationException if it is not of the form {@code pm_…}
   */
  public static PaymentMethodId of(String value) {
    return ImmutablePaymentMethodId.of(Ids.check(value, "pm_", "payment_method_id"));
  }

  @Override
  public String toString() {
    return value();
  }
}
