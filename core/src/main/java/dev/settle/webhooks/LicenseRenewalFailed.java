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

  /**
   * The account the license belongs to.
   *
   * @return the customer number
   */
  public abstract CustomerId customerId();

  /**
   * The license that did not renew.
   *
   * @return the license's id
   */
  public abstract LicenseId licenseId();

  /**
   * The renewal invoice, left open.
   *
   * @return the invoice's id
   */
  public abstract InvoiceId invoiceId();

  /**
   * Why: {@code no_preferred_payment_method} when there was nothing to charge, else the failed
   * payment's code ({@code card_declined}, {@code expired_card}, {@code authentication_required}…).
   *
   * @return the failure code
   */
  public abstract String failureCode();

  /**
   * The failed payment attempt; empty when nothing was charged.
   *
   * @return the payment's id, or empty
   */
  public abstract Optional<String> paymentId();

  /**
   * The issuer's reason for a decline, such as {@code insufficient_funds}.
   *
   * @return the decline code, or empty
   */
  public abstract Optional<String> declineCode();

  /**
   * A builder of these events, for tests of code that handles them.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link LicenseRenewalFailed}, for tests of code that handles events. */
  public static final class Builder extends ImmutableLicenseRenewalFailed.Builder {
    Builder() {}
  }
}
