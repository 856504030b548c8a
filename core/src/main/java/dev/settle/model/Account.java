package dev.settle.model;

import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A customer's account on the billing system: which portal it lives on and which method renewals
 * are charged to.
 */
@Value.Immutable
public abstract class Account {
  Account() {}

  /**
   * The customer number the account belongs to.
   *
   * @return the customer id
   */
  public abstract CustomerId customerId();

  /**
   * The portal the account lives on; it decides how the preferred method is switched.
   *
   * @return {@link Portal#I} or {@link Portal#II}
   */
  public abstract Portal portal();

  /**
   * The account holder's name.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * The account's email address, when it has one.
   *
   * @return the email address, or empty
   */
  public abstract Optional<String> email();

  /**
   * The currency the account is invoiced in.
   *
   * @return the ISO 4217 currency
   */
  public abstract Currency currency();

  /**
   * The method renewals are charged to; empty when the account has none.
   *
   * @return the preferred method, or empty
   */
  public abstract Optional<PaymentMethod> preferredPaymentMethod();

  /**
   * When the account was opened.
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
   * A builder of accounts, for tests of code that reads them.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Account}, for tests of code that reads them. */
  public static final class Builder extends ImmutableAccount.Builder {
    Builder() {}
  }
}
