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

  /**
   * The license's id.
   *
   * @return the id
   */
  public abstract LicenseId id();

  /**
   * The product licensed.
   *
   * @return the product's name
   */
  public abstract String product();

  /**
   * Where the license stands, such as active or expired.
   *
   * @return the status
   */
  public abstract LicenseStatus status();

  /**
   * True when the license renews itself by charging the preferred method.
   *
   * @return whether automatic renewal is on
   */
  public abstract boolean autoRenewal();

  /**
   * Conditions the caller should act on, such as {@code no_preferred_payment_method} while
   * automatic renewal is on.
   *
   * @return the warnings' codes; empty when there is nothing to do
   */
  public abstract List<String> warnings();

  /**
   * The yearly price.
   *
   * @return the price of one year
   */
  public abstract Money price();

  /**
   * When the license was activated; empty while it is not.
   *
   * @return the activation time, or empty
   */
  public abstract Optional<Instant> activatedAt();

  /**
   * The next renewal date; empty while the license is not active.
   *
   * @return the next renewal time, or empty
   */
  public abstract Optional<Instant> renewsAt();

  /**
   * The invoice of the license's last renewal, when it has renewed.
   *
   * @return the invoice's id, or empty
   */
  public abstract Optional<InvoiceId> lastRenewalInvoiceId();

  /**
   * When the license was bought.
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
   * A builder of licenses, for tests of code that reads them.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link License}, for tests of code that reads them. */
  public static final class Builder extends ImmutableLicense.Builder {
    Builder() {}
  }
}
