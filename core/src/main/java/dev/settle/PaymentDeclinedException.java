package dev.settle;

import dev.settle.exception.ApiError;
import dev.settle.exception.ApiException;
import dev.settle.model.Payment;
import java.util.Optional;

/**
 * The card issuer or PayPal refused the charge or the verification of a new method (HTTP 402).
 *
 * <p>{@link #code()} is the broad reason ({@code card_declined}, {@code expired_card},
 * {@code incorrect_cvc}, {@code processing_error}); {@link #declineCode()} the issuer's detail
 * ({@code insufficient_funds}, {@code lost_card}…). Lost, stolen and fraudulent declines should be
 * shown to the customer as a generic decline. When a charge failed, {@link #payment()} is the
 * failed payment the server recorded.
 */
public final class PaymentDeclinedException extends ApiException {
  /** The issuer's reason, or null when none was given. */
  private final String declineCode;
  /** The failed payment, or null when the decline was not a charge. */
  private final Payment payment;

  PaymentDeclinedException(ApiError error, Payment payment) {
    super(error);
    this.declineCode = error.declineCode();
    this.payment = payment;
  }

  /** {@return the issuer's reason, such as {@code insufficient_funds}, when one was given} */
  public Optional<String> declineCode() {
    return Optional.ofNullable(declineCode);
  }

  /** {@return the failed payment, when the decline was a charge} */
  public Optional<Payment> payment() {
    return Optional.ofNullable(payment);
  }
}
