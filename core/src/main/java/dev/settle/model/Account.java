package dev.settle.model;

import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A customer's account on the billing system: which portal it lives on and which method renewals
 * are charged to.
 */
@Value.Immutable
public abstract class Account {
  Account() {}

  /** {@return the customer number the account belongs to} */
  public abstract CustomerId customerId();

  /** {@return the portal the account lives on; it decides how the preferred method is switched} */
  public abstract Portal portal();

  /** {@return the account holder's name} */
  public abstract String name();

  /** {@return the account's email address, when it has one} */
  public abstract Optional<String> email();

  /** {@return the currency the account is invoiced in} */
  public abstract Currency currency();

  /** {@return the method renewals are charged to; empty when the account has none} */
  public abstract Optional<PaymentMethod> preferredPaymentMethod();

  /**
   * {@return the kinds of payment method the account's portal accepts, by their wire names:
   * {@code card}, {@code paypal}, {@code bank_transfer}}
   */
  public abstract Set<String> acceptedPaymentMethods();

  /**
   * {@return the kinds that can be stored and made preferred, so that renewals and automatic
   * collection charge them: {@code card} and {@code paypal}} Bank transfer pays one invoice by
   * hand.
   */
  public abstract Set<String> preferablePaymentMethods();

  /** {@return when the account was opened} */
  public abstract Instant createdAt();

  /**
   * The server's id of the request that answered with this value, when it was the direct answer
   * to one (not an item of a list, not a value built by hand). Not part of equality.
   *
   * @return the request id, or empty
   */
  @Value.Auxiliary
  public abstract Optional<String> requestId();

  /** {@return a builder of accounts, for tests of code that reads them} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Account}, for tests of code that reads them. */
  public static final class Builder extends ImmutableAccount.Builder {
    Builder() {}
  }
}
