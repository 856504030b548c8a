package dev.settle.model;

import dev.settle.exception.ValidationException;
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

  /** {@return the stored method's id} */
  public abstract PaymentMethodId id();

  /** {@return the kind's wire name, such as {@code card} or {@code paypal}} */
  public abstract String kind();

  /** {@return true when renewals are charged to this method} */
  public abstract boolean preferred();

  /**
   * {@return true when renewals and automatic collection can charge it without the customer} That
   * is a card saved with the authentication its issuer asked for (or whose issuer asked for none),
   * or a PayPal account. A card saved without it makes those charges wait for the customer. The
   * issuer may still insist on authenticating a charge; the invoice then waits for the customer.
   */
  public abstract boolean usableOffSession();

  /** {@return when the method was stored} */
  public abstract Instant createdAt();

  /**
   * {@return what is specific to the kind; {@link UnknownPaymentMethodDetails} for a kind Settle
   * lacks}
   */
  public abstract PaymentMethodDetails details();

  /**
   * Returns the details as {@code type} when they are of that type.
   *
   * <p>For example {@code method.details(Card.class).map(Card::lastFour)}.
   *
   * @param <T> the details type
   * @param type the class of the details expected, such as {@code Card.class}
   * @return the details, or empty when they are of another type
   */
  public final <T extends PaymentMethodDetails> Optional<T> details(Class<T> type) {
    return ValidationException.required(type, "type").isInstance(details())
        ? Optional.of(type.cast(details())) : Optional.empty();
  }

  /**
   * The server's id of the request that answered with this value, when it was the direct answer
   * to one (not an item of a list, not a value built by hand). Not part of equality.
   *
   * @return the request id, or empty
   */
  @Value.Auxiliary
  public abstract Optional<String> requestId();

  /** {@return a builder of payment methods, for tests of code that reads them} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PaymentMethod}, for tests of code that reads them. */
  public static final class Builder extends ImmutablePaymentMethod.Builder {
    Builder() {}
  }
}
