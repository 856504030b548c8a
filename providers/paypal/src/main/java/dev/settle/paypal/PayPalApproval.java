package dev.settle.paypal;

import dev.settle.model.PaymentMethodInput;
import org.immutables.value.Value;

/**
 * A setup the payer approved, as input to store their PayPal account on the account.
 *
 * <pre>{@code
 * PaymentMethod stored = account.paymentMethods().add(PayPalApproval.of(setupId));
 * // or, to charge renewals to it from now on, the right way for either portal:
 * PaymentMethod preferred = account.paymentMethods().switchPreferred(PayPalApproval.of(setupId));
 * }</pre>
 *
 * <p>Storing it completes the setup, which yields a single-use token, and attaches the token. A
 * setup that is not approved is refused by the server with a
 * {@link dev.settle.exception.ConflictException} and nothing is stored; see
 * {@link PayPalSetupStatus#ofRefusedCompletion} for reading it.
 */
@Value.Immutable
public abstract class PayPalApproval implements PaymentMethodInput {
  PayPalApproval() {}

  /** {@return the approved setup} */
  @Value.Parameter
  public abstract PayPalSetupId setupId();

  /** Always {@code paypal}. */
  @Override
  public final String kind() {
    return "paypal";
  }

  /**
   * The approval of {@code setupId}.
   *
   * @param setupId the approved setup
   * @return the input to add or switch to
   */
  public static PayPalApproval of(PayPalSetupId setupId) {
    return ImmutablePayPalApproval.of(setupId);
  }
}
