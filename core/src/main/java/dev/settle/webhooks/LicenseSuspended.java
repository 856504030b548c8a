package dev.settle.webhooks;

import dev.settle.model.CustomerId;
import dev.settle.model.InvoiceId;
import dev.settle.model.LicenseId;
import dev.settle.model.WebhookEventType;
import org.immutables.value.Value;

/**
 * {@code license.suspended}: a license's renewal stayed unpaid past the dunning schedule's last
 * try and the grace after it; the license is suspended until the renewal invoice is paid, which
 * sends {@link LicenseReactivated}.
 */
@Value.Immutable
public abstract non-sealed class LicenseSuspended extends WebhookEvent {
  LicenseSuspended() {}

  /** Always {@link WebhookEventType#LICENSE_SUSPENDED}. */
  @Override
  public final WebhookEventType type() {
    return WebhookEventType.LICENSE_SUSPENDED;
  }

  /** {@return the account the license belongs to} */
  public abstract CustomerId customerId();

  /** {@return the license, suspended} */
  public abstract LicenseId licenseId();

  /** {@return the unpaid renewal invoice; paying it reactivates the license} */
  public abstract InvoiceId invoiceId();

  /** {@return a builder, for tests of code that handles events} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link LicenseSuspended}, for tests of code that handles events. */
  public static final class Builder extends ImmutableLicenseSuspended.Builder
      implements AccountEventBuilder<Builder> {
    Builder() {}
  }
}
