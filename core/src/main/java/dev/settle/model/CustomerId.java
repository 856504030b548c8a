package dev.settle.model;

import dev.settle.exception.ValidationException.Reason;
import dev.settle.exception.ValidationException;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A customer number, as shown in the portal's License tab and on every invoice.
 *
 * <p>Every account operation starts from one. It is checked when created, so a malformed number
 * fails here rather than as a 404 after a round trip.
 */
@Value.Immutable
public abstract class CustomerId {
  private static final Pattern FORMAT = Pattern.compile("[0-9]{6,12}");

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
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new ValidationException(
          "customer_id",
          value == null ? Reason.REQUIRED : Reason.FORMAT,
          "A customer number is 6 to 12 digits, as printed on the invoice");
    }
    return ImmutableCustomerId.of(value);
  }

  @Override
  public String toString() {
    return value();
  }
}
