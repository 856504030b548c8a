package dev.settle.model;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One attempt to pay an invoice with a stored method.
 *
 * <p>A payment asked for by a caller is answered succeeded, or pending; one that needs the customer
 * to authenticate is thrown as {@code dev.settle.AuthenticationRequiredException} instead, and a
 * refused one as {@code PaymentDeclinedException}. An invoice's list of payments shows every
 * attempt as it stands, {@link PaymentStatus#REQUIRES_ACTION} and failed ones included.
 */
@Value.Immutable
public abstract class Payment {
  Payment() {}

  /** {@return the server's id for the attempt} */
  public abstract PaymentId id();

  /** {@return the invoice the payment is for} */
  public abstract InvoiceId invoiceId();

  /** {@return where the payment stands} */
  public abstract PaymentStatus status();

  /** {@return the amount charged or attempted} */
  public abstract Money amount();

  /** {@return the method charged; empty when none was (for example a bank transfer)} */
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
   * For {@link PaymentStatus#REQUIRES_ACTION}, where the customer authenticates. It may carry the
   * bank's session, so {@code toString()} leaves it out.
   *
   * @return the authentication URL, or empty
   */
  @Value.Redacted
  public abstract Optional<URI> nextActionUrl();

  /** {@return when the payment was attempted} */
  public abstract Instant createdAt();

  /**
   * The server's id of the request that answered with this value, when it was the direct answer
   * to one (not an item of a list, not a value built by hand). Not part of equality.
   *
   * @return the request id, or empty
   */
  @Value.Auxiliary
  public abstract Optional<String> requestId();

  /** {@return a builder of payments, for tests of code that reads them} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Payment}, for tests of code that reads them. */
  public static final class Builder extends ImmutablePayment.Builder {
    Builder() {}
  }
}
