package dev.settle.webhooks;

import dev.settle.model.CustomerId;
import dev.settle.model.InvoiceId;
import dev.settle.model.LicenseId;
import dev.settle.model.WebhookEventType;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code license.renewal_failed}: a license's renewal could not be charged; its renewal invoice
 * stays open and the license is {@code renewal_failed} until the invoice is paid.
 */
@Value.Immutable
public abstract non-sealed class LicenseRenewalFailed extends WebhookEvent {
  LicenseRenewalFailed() {}

  /** Always {@link WebhookEventType#LICENSE_RENEWAL_FAILED}. */
  @Override
  public final WebhookEventType type() {
    return WebhookEventType.LICENSE_RENEWAL_FAILED;
  }

  /** {@return the account the license belongs to} */
  public abstract CustomerId customerId();

  /** {@return the license that did not renew} */
  public abstract LicenseId licenseId();

  /** {@return the renewal invoice, left open} */
  public abstract InvoiceId invoiceId();

  /**
   * {@return the reason: {@code no_preferred_payment_method} when there was nothing to charge,
   * else the failed payment's code ({@code card_declined}, {@code expired_card},
   * {@code authentication_required}…)}
   */
  public abstract String failureCode();

  /** {@return the failed payment attempt; empty when nothing was charged} */
  public abstract Optional<String> paymentId();

  /** {@return the issuer's reason for a decline, such as {@code insufficient_funds}} */
  public abstract Optional<String> declineCode();

  /** {@return a builder of these events, for tests of code that handles them} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link LicenseRenewalFailed}, for tests of code that handles events. */
  public static final class Builder extends ImmutableLicenseRenewalFailed.Builder
      implements AccountEventBuilder<Builder> {
    Builder() {}
  }
}
