package dev.settle.webhooks;

import dev.settle.model.CustomerId;
import dev.settle.model.InvoiceId;
import dev.settle.model.LicenseId;
import dev.settle.model.WebhookEventType;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code license.renewed}: a license renewed for another period and its renewal invoice is paid. */
@Value.Immutable
public abstract non-sealed class LicenseRenewed extends WebhookEvent {
  LicenseRenewed() {}

  /** Always {@link WebhookEventType#LICENSE_RENEWED}. */
  @Override
  public final WebhookEventType type() {
    return WebhookEventType.LICENSE_RENEWED;
  }

  /** {@return the account the license belongs to} */
  public abstract CustomerId customerId();

  /** {@return the license renewed} */
  public abstract LicenseId licenseId();

  /** {@return the renewal invoice, now paid} */
  public abstract InvoiceId invoiceId();

  /** {@return the payment that paid it; empty when it was paid by bank transfer} */
  public abstract Optional<String> paymentId();

  /** {@return when the license renews next} */
  public abstract Instant renewsAt();

  /** {@return a builder of these events, for tests of code that handles them} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link LicenseRenewed}, for tests of code that handles events. */
  public static final class Builder extends ImmutableLicenseRenewed.Builder
      implements AccountEventBuilder<Builder> {
    Builder() {}
  }
}
