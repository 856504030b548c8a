package dev.settle.internal.http;

import dev.settle.model.Account;
import dev.settle.model.CustomerId;
import dev.settle.model.Invoice;
import dev.settle.model.InvoiceId;
import dev.settle.model.License;
import dev.settle.model.LicenseId;
import dev.settle.model.Payment;
import dev.settle.model.PaymentId;
import dev.settle.model.PaymentMethod;
import dev.settle.model.PaymentMethodId;
import dev.settle.model.WebhookEndpoint;
import dev.settle.model.WebhookEndpointId;
import dev.settle.spi.ApiCall;
import org.jspecify.annotations.Nullable;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * The billing API of {@code settle-api.yaml}, one method per operation, named by its
 * {@code operationId}; the operations that only a provider module uses (tokens, PayPal setups,
 * bank-transfer instructions) are in that module's own interface. A test holds this interface and
 * the contract to each other.
 *
 * <p>Every write carries its {@code Idempotency-Key}; the transport knows a write by that header.
 * Path parameters are typed ids, which accept only digits, or a prefix and letters and digits:
 * they go into the path as they are ({@code encoded = true}), with nothing to escape.
 */
public interface BillingService {
  String IDEMPOTENCY_KEY = "Idempotency-Key";

  @GET("v1/accounts/{customer_id}")
  ApiCall<Account> getAccount(@Path(value = "customer_id", encoded = true) CustomerId customer);

  @GET("v1/accounts/{customer_id}/payment_methods")
  ApiCall<Wire.Page<PaymentMethod>> listPaymentMethods(@Path(value = "customer_id", encoded = true) CustomerId customer,
      @Query("limit") @Nullable Integer limit, @Query("starting_after") @Nullable String startingAfter);

  @POST("v1/accounts/{customer_id}/payment_methods")
  ApiCall<PaymentMethod> attachPaymentMethod(@Path(value = "customer_id", encoded = true) CustomerId customer,
      @Header(IDEMPOTENCY_KEY) String idempotencyKey, @Body Wire.AttachRequest body);

  @GET("v1/accounts/{customer_id}/payment_methods/{payment_method_id}")
  ApiCall<PaymentMethod> getPaymentMethod(@Path(value = "customer_id", encoded = true) CustomerId customer,
      @Path(value = "payment_method_id", encoded = true) PaymentMethodId paymentMethod);

  @DELETE("v1/accounts/{customer_id}/payment_methods/{payment_method_id}")
  ApiCall<Wire.Deleted> removePaymentMethod(@Path(value = "customer_id", encoded = true) CustomerId customer,
      @Path(value = "payment_method_id", encoded = true) PaymentMethodId paymentMethod, @Header(IDEMPOTENCY_KEY) String idempotencyKey);

  @POST("v1/accounts/{customer_id}/payment_methods/{payment_method_id}/make_preferred")
  ApiCall<PaymentMethod> makePaymentMethodPreferred(@Path(value = "customer_id", encoded = true) CustomerId customer,
      @Path(value = "payment_method_id", encoded = true) PaymentMethodId paymentMethod);

  @GET("v1/accounts/{customer_id}/invoices")
  ApiCall<Wire.Page<Invoice>> listInvoices(@Path(value = "customer_id", encoded = true) CustomerId customer,
      @Query("status") @Nullable String status, @Query("limit") @Nullable Integer limit,
      @Query("starting_after") @Nullable String startingAfter);

  @GET("v1/accounts/{customer_id}/invoices/{invoice_id}")
  ApiCall<Invoice> getInvoice(@Path(value = "customer_id", encoded = true) CustomerId customer, @Path(value = "invoice_id", encoded = true) InvoiceId invoice);

  @POST("v1/accounts/{customer_id}/invoices/{invoice_id}/pay")
  ApiCall<Payment> payInvoice(@Path(value = "customer_id", encoded = true) CustomerId customer, @Path(value = "invoice_id", encoded = true) InvoiceId invoice,
      @Header(IDEMPOTENCY_KEY) String idempotencyKey, @Body Wire.PayRequest body);

  /** Reports a payment that waited for the customer; it charges nothing, so it carries no key. */
  @POST("v1/accounts/{customer_id}/invoices/{invoice_id}/payments/{payment_id}/confirm")
  ApiCall<Payment> confirmPayment(@Path("customer_id") CustomerId customer, @Path("invoice_id") InvoiceId invoice,
      @Path("payment_id") PaymentId payment);

  @GET("v1/accounts/{customer_id}/invoices/{invoice_id}/payments")
  ApiCall<Wire.Page<Payment>> listInvoicePayments(@Path(value = "customer_id", encoded = true) CustomerId customer,
      @Path(value = "invoice_id", encoded = true) InvoiceId invoice, @Query("limit") @Nullable Integer limit,
      @Query("starting_after") @Nullable String startingAfter);

  /** The invoice's PDF, read whole: it is small, and the caller keeps it after the call. */
  @GET("v1/accounts/{customer_id}/invoices/{invoice_id}/pdf")
  ApiCall<byte[]> getInvoicePdf(@Path(value = "customer_id", encoded = true) CustomerId customer, @Path(value = "invoice_id", encoded = true) InvoiceId invoice);

  @GET("v1/accounts/{customer_id}/licenses")
  ApiCall<Wire.Page<License>> listLicenses(@Path(value = "customer_id", encoded = true) CustomerId customer,
      @Query("limit") @Nullable Integer limit, @Query("starting_after") @Nullable String startingAfter);

  @GET("v1/accounts/{customer_id}/licenses/{license_id}")
  ApiCall<License> getLicense(@Path(value = "customer_id", encoded = true) CustomerId customer, @Path(value = "license_id", encoded = true) LicenseId license);

  @POST("v1/accounts/{customer_id}/licenses/{license_id}/activate")
  ApiCall<License> activateLicense(@Path(value = "customer_id", encoded = true) CustomerId customer, @Path(value = "license_id", encoded = true) LicenseId license);

  @POST("v1/accounts/{customer_id}/licenses/{license_id}/auto_renewal")
  ApiCall<License> setAutoRenewal(@Path(value = "customer_id", encoded = true) CustomerId customer, @Path(value = "license_id", encoded = true) LicenseId license,
      @Body Wire.AutoRenewalRequest body);

  @GET("v1/webhook_endpoints")
  ApiCall<Wire.Page<WebhookEndpoint>> listWebhookEndpoints();

  @POST("v1/webhook_endpoints")
  ApiCall<WebhookEndpoint> createWebhookEndpoint(@Header(IDEMPOTENCY_KEY) String idempotencyKey,
      @Body Wire.CreateWebhookEndpointRequest body);

  @DELETE("v1/webhook_endpoints/{webhook_endpoint_id}")
  ApiCall<Wire.Deleted> removeWebhookEndpoint(@Path(value = "webhook_endpoint_id", encoded = true) WebhookEndpointId endpoint);
}
