package dev.settle.paypal;

import dev.settle.exception.ValidationException.Reason;
import dev.settle.exception.ValidationException;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * The id of a PayPal setup, such as {@code pps_8Kd2Lm4Qx}.
 *
 * <p>Checked when created ({@code pps_} then 1 to 64 letters or digits, the form the API accepts
 * in a path), so an id mangled on its way through a redirect fails before any request.
 */
@Value.Immutable
public abstract class PayPalSetupId {
  private static final Pattern FORMAT = Pattern.compile("pps_[A-Za-z0-9]{1,64}");

  PayPalSetupId() {}

  /** {@return the id as the server wrote it} */
  @Value.Parameter
  public abstract String value();

  /**
   * Returns the id for {@code value}.
   *
   * @param value an id of the form {@code pps_…}
   * @return the id
   * @throws ValidationException with param {@code setup_id} if it is not of the form
   *     {@code pps_…}
   */
  public static PayPalSetupId of(String value) {
    if (!isValid(value)) {
      throw new ValidationException("setup_id", value == null ? Reason.REQUIRED : Reason.FORMAT,
          "Expected a PayPal setup id of the form pps_…");
    }
    return ImmutablePayPalSetupId.of(value);
  }

  static boolean isValid(String value) {
    return value != null && FORMAT.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value();
  }
}
