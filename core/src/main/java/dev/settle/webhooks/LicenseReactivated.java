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

  /** The account the license belongs to. */
  public abstract CustomerId customerId();

  public abstract LicenseId licenseId();

  /** The renewal invoice whose payment reactivated it. */
  public abstract InvoiceId invoiceId();

  /** The payment that paid it ({@code py_…}); empty when a bank transfer did. */
  public abstract Optional<String> paymentId();

  /** When the license renews next. */
  public abstract Instant renewsAt();

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link LicenseReactivated}, for tests of code that handles events. */
  public static final class Builder extends ImmutableLicenseReactivated.Builder {
    Builder() {}
  }
}
