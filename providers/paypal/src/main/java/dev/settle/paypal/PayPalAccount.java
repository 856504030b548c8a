package dev.settle.paypal;

import dev.settle.model.PaymentMethodDetails;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A PayPal account stored on an account: the payer's email address and PayPal payer id.
 *
 * <p>Read it from a stored method with {@code method.details(PayPalAccount.class)}.
 *
 * <p>{@link #toString()} shows both fields. Neither is a secret: no one can charge the account
 * with them, and they are what support needs to tell two PayPal accounts apart. The email is
 * personal data, though; log it only where the customer's other contact details may go.
 */
@Value.Immutable
public abstract class PayPalAccount implements PaymentMethodDetails {
  /** PayPal's payer ids: 13 characters from a set without 0, 1, I and O. */
  static final Pattern PAYER_ID = Pattern.compile("[2-9A-HJ-NP-Z]{13}");

  PayPalAccount() {}

  /** Always {@code paypal}. */
  @Override
  public final String kind() {
    return "paypal";
  }

  /** {@return the email address of the PayPal account, as PayPal reported it} */
  public abstract String email();

  /**
   * PayPal's id of the payer, 13 characters such as {@code 7XRNGHV24HQL4}.
   *
   * @return the payer id
   */
  public abstract String payerId();

  @Value.Check
  void check() {
    if (email().isBlank()) {
      throw new IllegalStateException("email must not be blank");
    }
    if (!PAYER_ID.matcher(payerId()).matches()) {
      throw new IllegalStateException("payerId must be 13 characters from [2-9A-HJ-NP-Z]");
    }
  }

  /** {@return a builder with no field set} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PayPalAccount}, for tests of code that reads stored PayPal accounts. */
  public static final class Builder extends ImmutablePayPalAccount.Builder {
    Builder() {}
  }
}
