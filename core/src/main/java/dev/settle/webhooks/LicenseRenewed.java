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

  /**
   * The account the license belongs to.
   *
   * @return the customer number
   */
  public abstract CustomerId customerId();

  /**
   * The license renewed.
   *
   * @return the license's id
   */
  public abstract LicenseId licenseId();

  /**
   * The renewal invoice, now paid.
   *
   * @return the invoice's id
   */
  public abstract InvoiceId invoiceId();

  /**
   * The payment that paid it; empty when it was paid by bank transfer.
   *
   * @return the payment's id, or empty
   */
  public abstract Optional<String> paymentId();

  /**
   * When the license renews next.
   *
   * @return the next renewal time
   */
  public abstract Instant renewsAt();

  /**
   * A builder of these events, for tests of code that handles them.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link LicenseRenewed}, for tests of code that handles events. */
  public static final class Builder extends ImmutableLicenseRenewed.Builder {
    Builder() {}
  }
}
