package dev.settle.model;

import dev.settle.exception.ValidationException.Reason;
import dev.settle.exception.ValidationException;
import org.immutables.value.Value;

/**
 * A customer number, as shown in the portal's License tab and on every invoice.
 *
 * <p>Every account operation starts from one. It is checked when created, so a malformed number
 * fails here rather than as a 404 after a round trip.
 */
@Value.Immutable
public abstract class CustomerId {
  CustomerId() {}

  /** {@return the customer number: 6 to 12 digits} */
  @Value.Parameter
  public abstract String value();

  /**
   * Returns the id for {@code value}.
   *
   * @param value the customer number
   * @return the id
   * @throws ValidationException if it is not 6 to 12 digits
   */
  public static CustomerId of(String value) {
    if (value == null || !digits(value)) {
      throw new ValidationException(
          "customer_id",
          value == null ? Reason.REQUIRED : Reason.FORMAT,
          "A customer number is 6 to 12 digits, as printed on the invoice");
    }
    return ImmutableCustomerId.of(value);
  }

  /** 6 to 12 ASCII digits; checked by hand, as every answer with an account makes one. */
  private static boolean digits(String value) {
    if (value.length() < 6 || value.length() > 12) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return value();
  }
}
