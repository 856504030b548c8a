package dev.settle.webhooks;

import com.squareup.moshi.Json;

/**
 * The events as the server writes them: snake_case, every field nullable so that a missing one
 * is seen by the mapping and reported. The records are public only because Moshi reads records
 * through public accessors; this class is not, so they are no part of Settle's API.
 */
final class EventWire {
  private EventWire() {}

  /** The envelope, with {@code data} left as whatever JSON value it is. */
  public record Envelope(String id, String type, @Json(name = "created_at") String createdAt, Object data) {}

  /** The envelope again, with {@code data} read as one type's record. */
  public record Typed<T>(T data) {}

  public record InvoicePaid(
      @Json(name = "customer_id") String customerId,
      @Json(name = "invoice_id") String invoiceId,
      @Json(name = "payment_id") String paymentId,
      Long amount,
      String currency,
      @Json(name = "payment_method_id") String paymentMethodId,
      @Json(name = "paid_at") String paidAt) {}

  public record InvoicePaymentFailed(
      @Json(name = "customer_id") String customerId,
      @Json(name = "invoice_id") String invoiceId,
      @Json(name = "payment_id") String paymentId,
      Long amount,
      String currency,
      @Json(name = "payment_method_id") String paymentMethodId,
      @Json(name = "failure_code") String failureCode,
      @Json(name = "decline_code") String declineCode,
      @Json(name = "failure_message") String failureMessage,
      Dunning dunning) {}

  public record Dunning(
      @Json(name = "attempt_count") Integer attemptCount,
      @Json(name = "next_payment_attempt") String nextPaymentAttempt,
      @Json(name = "final") Boolean isFinal) {}

  public record InvoicePaymentActionRequired(
      @Json(name = "customer_id") String customerId,
      @Json(name = "invoice_id") String invoiceId,
      @Json(name = "payment_id") String paymentId,
      Long amount,
      String currency,
      @Json(name = "payment_method_id") String paymentMethodId,
      @Json(name = "hosted_url") String hostedUrl) {}

  public record PaymentMethodExpiring(
      @Json(name = "customer_id") String customerId,
      @Json(name = "payment_method_id") String paymentMethodId,
      @Json(name = "exp_month") Integer expMonth,
      @Json(name = "exp_year") Integer expYear,
      Boolean preferred) {}

  public record PaymentMethodUpdated(
      @Json(name = "customer_id") String customerId,
      @Json(name = "payment_method_id") String paymentMethodId,
      Boolean preferred,
      @Json(name = "exp_month") Integer expMonth,
      @Json(name = "exp_year") Integer expYear) {}

  /** The data of {@code license.renewed}, and of {@code license.reactivated}, which has the same fields. */
  public record LicenseRenewed(
      @Json(name = "customer_id") String customerId,
      @Json(name = "license_id") String licenseId,
      @Json(name = "invoice_id") String invoiceId,
      @Json(name = "payment_id") String paymentId,
      @Json(name = "renews_at") String renewsAt) {}

  public record LicenseRenewalFailed(
      @Json(name = "customer_id") String customerId,
      @Json(name = "license_id") String licenseId,
      @Json(name = "invoice_id") String invoiceId,
      @Json(name = "failure_code") String failureCode,
      @Json(name = "payment_id") String paymentId,
      @Json(name = "decline_code") String declineCode) {}

  public record LicenseSuspended(
      @Json(name = "customer_id") String customerId,
      @Json(name = "license_id") String licenseId,
      @Json(name = "invoice_id") String invoiceId) {}
}
