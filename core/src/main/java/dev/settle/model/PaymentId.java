package dev.settle.model;

import org.immutables.value.Value;

/**
 * A payment's id, one attempt to pay an invoice.
 *
 * <p>Checked when created ({@code py_…}), so a mistyped id fails before any request. Its
 * {@link #toString()} is the id itself, as it goes into a request's path.
 */
@Value.Immutable
public abstract class PaymentId {
  PaymentId() {}

  /** {@return the id as the server wrote it} */
  @Value.Parameter
  public abstract String value();

  /**
   * Returns the id for {@code value}.
   *
   * @param value an id of the form {@code py_…}
   * @return the id
   * @throws dev.settle.exception.ValidationException if it is not of the form {@code py_…}
   */
  public static PaymentId of(String value) {
    return ImmutablePaymentId.of(Ids.check(value, "py_", "payment_id"));
  }

  @Override
  public String toString() {
    return value();
  }
}
