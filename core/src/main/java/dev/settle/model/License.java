package dev.settle.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A software license on the account: bought, activated, and renewed once a year by charging the
 * preferred payment method when automatic renewal is on.
 */
@Value.Immutable
public abstract class License {
  License() {}

  /** {@return the license's id} */
  public abstract LicenseId id();

  /** {@return the customer number of the account it belongs to} */
  public abstract CustomerId customerId();

  /** {@return the product licensed} */
  public abstract String product();

  /** {@return where the license stands, such as active or expired} */
  public abstract LicenseStatus status();

  /** {@return true when the license renews itself by charging the preferred method} */
  public abstract boolean autoRenewal();

  /**
   * Conditions the caller should act on, such as {@code no_preferred_payment_method} while
   * automatic renewal is on.
   *
   * @return the warnings' codes; empty when there is nothing to do
   */
  public abstract List<String> warnings();

  /** {@return the yearly price} */
  public abstract Money price();

  /** {@return when the license was activated; empty while it is not} */
  public abstract Optional<Instant> activatedAt();

  /** {@return the next renewal date; empty while the license is not active} */
  public abstract Optional<Instant> renewsAt();

  /** {@return the invoice of the license's last renewal, when it has renewed} */
  public abstract Optional<InvoiceId> lastRenewalInvoiceId();

  /** {@return when the license was bought} */
  public abstract Instant createdAt();

  /**
   * The server's id of the request that answered with this value, when it was the direct answer
   * to one (not an item of a list, not a value built by hand). Not part of equality.
   *
   * @return the request id, or empty
   */
  @Value.Auxiliary
  public abstract Optional<String> requestId();

  /** {@return a builder of licenses, for tests of code that reads them} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link License}, for tests of code that reads them. */
  public static final class Builder extends ImmutableLicense.Builder {
    Builder() {}
  }
}
