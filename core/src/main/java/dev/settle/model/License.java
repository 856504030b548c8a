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

  public abstract LicenseId id();

  /** The customer number of the account it belongs to. */
  public abstract CustomerId customerId();

  /** The product licensed. */
  public abstract String product();

  public abstract LicenseStatus status();

  /** True when the license renews itself by charging the preferred method. */
  public abstract boolean autoRenewal();

  /**
   * Conditions the caller should act on, such as {@code no_preferred_payment_method} while
   * automatic renewal is on.
   */
  public abstract List<String> warnings();

  /** The yearly price. */
  public abstract Money price();

  public abstract Optional<Instant> activatedAt();

  /** The next renewal date; empty while the license is not active. */
  public abstract Optional<Instant> renewsAt();

  public abstract Optional<InvoiceId> lastRenewalInvoiceId();

  public abstract Instant createdAt();

  /**
   * The server's id of the request that answered with this value, when it was the direct answer
   * to one (not an item of a list, not a value built by hand). Not part of equality.
   */
  @Value.Auxiliary
  public abstract Optional<String> requestId();

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link License}, for tests of code that reads them. */
  public static final class Builder extends ImmutableLicense.Builder {
    Builder() {}
  }
}
