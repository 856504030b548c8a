package dev.settle.model;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A payment method stored on an account: a card or a PayPal account.
 *
 * <p>The common part (id, whether it is preferred) is here; what is specific to the kind is in
 * {@link #details()}. Bank transfer is never a stored method.
 */
@Value.Immutable
public abstract class PaymentMethod {
  PaymentMethod() {}

  public abstract PaymentMethodId id();

  /** The kind's wire name, such as {@code card} or {@code paypal}. */
  public abstract String kind();

  /** True when renewals are charged to this method. */
  public abstract boolean preferred();

  /**
   * True when renewals and automatic collection can charge it without the customer: a card saved
   * with the authentication its issuer asked for (or whose issuer asked for none), or a PayPal
   * account. A card saved without it makes those charges wait for the customer. The issuer may
   * still insist on authenticating a charge; the invoice then waits for the customer.
   */
  public abstract boolean usableOffSession();

  public abstract Instant createdAt();

  /** What is specific to the kind; {@link UnknownPaymentMethodDetails} for a kind Settle lacks. */
  public abstract PaymentMethodDetails details();

  /**
   * Returns the details as {@code type} when they are of that type.
   *
   * <p>For example {@code method.details(Card.class).map(Card::lastFour)}.
   */
  public final <T extends PaymentMethodDetails> Optional<T> details(Class<T> type) {
    return type.isInstance(details()) ? Optional.of(type.cast(details())) : Optional.empty();
  }

  /**
   * The server's id of the request that answered with this value, when it was the direct answer
   * to one (not an item of a list, not a value built by hand). Not part of equality.
   */
  @Value.Auxiliary
  public abstract Optional<String> requestId();

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PaymentMethod}, for tests of code that reads them. */
  public static final class Builder extends ImmutablePaymentMethod.Builder {
    Builder() {}
  }
}
