package dev.settle.model;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One attempt to pay an invoice with a stored method.
 *
 * <p>Check {@link #status()}: a payment that needs the customer to authenticate is not an error,
 * it carries the URL to send them to.
 */
@Value.Immutable
public abstract class Payment {
  Payment() {}

  /**
   * The server's id for the attempt.
   *
   * @return the payment's id
   */
  public abstract PaymentId id();

  /**
   * The invoice the payment is for.
   *
   * @return the invoice's id
   */
  public abstract InvoiceId invoiceId();

  /**
   * Where the payment stands.
   *
   * @return the status
   */
  public abstract PaymentStatus status();

  /**
   * The amount charged or attempted.
   *
   * @return the amount
   */
  public abstract Money amount();

  /**
   * The method charged; empty when none was (for example a bank transfer).
   *
   * @return the method's id, or empty
   */
  public abstract Optional<PaymentMethodId> paymentMethodId();

  /**
   * For a failed payment, the issuer's reason, such as {@code insufficient_funds}.
   *
   * @return the decline code, or empty
   */
  public abstract Optional<String> declineCode();

  /**
   * For a failed payment, a message that may be shown to the customer.
   *
   * @return the message, or empty
   */
  public abstract Optional<String> failureMessage();

  /**
   * For {@link PaymentStatus#REQUIRES_ACTION}, where the customer authenticates.
   *
   * @return the authentication URL, or empty
   */
  public abstract Optional<URI> nextActionUrl();

  /**
   * When the payment was attempted.
   *
   * @return the creation time
   */
  public abstract Instant createdAt();

  /**
   * The server's id of the request that answered with this value, when it was the direct answer
   * to one (not an item of a list, not a value built by hand). Not part of equality.
   *
   * @return the request id, or empty
   */
  @Value.Auxiliary
  public abstract Optional<String> requestId();

  /**
   * A builder of payments, for tests of code that reads them.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Payment}, for tests of code that reads them. */
  public static final class Builder extends ImmutablePayment.Builder {
    Builder() {}
  }
}
