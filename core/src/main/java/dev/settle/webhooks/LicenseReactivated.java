package dev.settle.webhooks;

import dev.settle.model.CustomerId;
import dev.settle.model.InvoiceId;
import dev.settle.model.LicenseId;
import dev.settle.model.WebhookEventType;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code license.reactivated}: a suspended license is active again, because its renewal invoice
 * was paid (by hand, by a newly preferred method tried at once, or by a bank transfer).
 */
@Value.Immutable
public abstract non-sealed class LicenseReactivated extends WebhookEvent {
  LicenseReactivated() {}

  /** Always {@link WebhookEventType#LICENSE_REACTIVATED}. */
  @Override
  public final WebhookEventType type() {
    return WebhookEventType.LICENSE_REACTIVATED;
  }

  /** {@return the account the license belongs to} */
  public abstract CustomerId customerId();

  /** {@return the license, active again} */
  public abstract LicenseId licenseId();

  /** {@return the renewal invoice whose payment reactivated it} */
  public abstract InvoiceId invoiceId();

  /** {@return the payment that paid it ({@code py_…}); empty when a bank transfer did} */
  public abstract Optional<String> paymentId();

  /** {@return when the license renews next} */
  public abstract Instant renewsAt();

  /** {@return a builder, for tests of code that handles events} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link LicenseReactivated}, for tests of code that handles events. */
  public static final class Builder extends ImmutableLicenseReactivated.Builder
      implements AccountEventBuilder<Builder> {
    Builder() {}
  }
}
