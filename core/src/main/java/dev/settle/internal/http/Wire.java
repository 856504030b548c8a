package dev.settle.internal.http;

import com.squareup.moshi.Json;
import java.time.Instant;
import java.util.List;

/**
 * The wire records (public only because Moshi reads records through public accessors): JSON as the server writes it, snake_case and all nullable, so that a missing
 * field is seen by the mapping (and reported) rather than defaulted to zero or false.
 */
public final class Wire {
  private Wire() {}

  public record Page<T>(
      List<T> data, @Json(name = "has_more") Boolean hasMore,
      @Json(name = "next_cursor") String nextCursor) {}

  public record Account(
      @Json(name = "customer_id") String customerId,
      String portal,
      String name,
      String email,
      String currency,
      @Json(name = "preferred_payment_method") dev.settle.model.PaymentMethod preferredPaymentMethod,
      @Json(name = "created_at") Instant createdAt) {}

  public record BankDetails(String name, String iban, String bic) {}

  public record InvoiceLine(
      String description, Long amount, @Json(name = "license_id") String licenseId) {}

  public record Invoice(
      String id,
      String number,
      String status,
      String currency,
      Long total,
      @Json(name = "amount_due") Long amountDue,
      @Json(name = "amount_paid") Long amountPaid,
      @Json(name = "issued_at") Instant issuedAt,
      @Json(name = "due_at") Instant dueAt,
      @Json(name = "paid_at") Instant paidAt,
      BankDetails payee,
      @Json(name = "payment_reference") String paymentReference,
      List<InvoiceLine> lines) {}

  public record NextAction(String type, String url) {}

  public record Payment(
      String id,
      @Json(name = "invoice_id") String invoiceId,
      String status,
      Long amount,
      String currency,
      @Json(name = "payment_method_id") String paymentMethodId,
      @Json(name = "decline_code") String declineCode,
      @Json(name = "failure_message") String failureMessage,
      @Json(name = "next_action") NextAction nextAction,
      @Json(name = "created_at") Instant createdAt) {}

  public record License(
      String id,
      String product,
      String status,
      @Json(name = "auto_renewal") Boolean autoRenewal,
      List<String> warnings,
      Long price,
      String currency,
      @Json(name = "activated_at") Instant activatedAt,
      @Json(name = "renews_at") Instant renewsAt,
      @Json(name = "last_renewal_invoice_id") String lastRenewalInvoiceId,
      @Json(name = "created_at") Instant createdAt) {}

  /** The one error shape: {@code {"error": {...}}}. */
  public record ErrorBody(Error error) {}

  public record Error(
      String type,
      String code,
      String message,
      String param,
      @Json(name = "decline_code") String declineCode,
      @Json(name = "request_id") String requestId,
      dev.settle.model.Payment payment) {}

  public record AttachRequest(String token, Boolean preferred) {}

  public record PayRequest(@Json(name = "payment_method_id") String paymentMethodId) {}

  public record WebhookEndpoint(
      String id, String url, List<String> events, String secret,
      @Json(name = "created_at") Instant createdAt) {}

  public record CreateWebhookEndpointRequest(String url, List<String> events) {}

  public record AutoRenewalRequest(Boolean enabled) {}

  public record Deleted(String id, Boolean deleted, @Json(name = "restore_token") String restoreToken) {}

  /** A single-use token; only its id is read. */
  public record Token(String id) {}
}
