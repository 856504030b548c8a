package dev.settle.internal.http;

import dev.settle.model.Account;
import dev.settle.model.Invoice;
import dev.settle.model.License;
import dev.settle.model.Payment;
import dev.settle.model.PaymentMethod;
import dev.settle.model.WebhookEndpoint;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.Url;

/** The billing API as Retrofit sees it; paths follow {@code settle-api.yaml}. */
public interface BillingApi {
  String IDEMPOTENCY_KEY = "Idempotency-Key";

  @GET("v1/accounts/{customer_id}")
  Call<Account> account(@Path("customer_id") String customerId);

  @GET("v1/accounts/{customer_id}/payment_methods")
  Call<Wire.Page<PaymentMethod>> paymentMethods(
      @Path("customer_id") String customerId,
      @Query("limit") Integer limit,
      @Query("starting_after") String startingAfter);

  @GET("v1/accounts/{customer_id}/payment_methods/{payment_method_id}")
  Call<PaymentMethod> paymentMethod(
      @Path("customer_id") String customerId,
      @Path("payment_method_id") String paymentMethodId);

  @POST("v1/accounts/{customer_id}/payment_methods")
  Call<PaymentMethod> attachPaymentMethod(
      @Path("customer_id") String customerId,
      @Header(IDEMPOTENCY_KEY) String idempotencyKey,
      @Body Wire.AttachRequest body);

  @DELETE("v1/accounts/{customer_id}/payment_methods/{payment_method_id}")
  Call<Wire.Deleted> removePaymentMethod(
      @Path("customer_id") String customerId,
      @Path("payment_method_id") String paymentMethodId);

  @POST("v1/accounts/{customer_id}/payment_methods/{payment_method_id}/make_preferred")
  Call<PaymentMethod> makePreferred(
      @Path("customer_id") String customerId,
      @Path("payment_method_id") String paymentMethodId);

  @GET("v1/accounts/{customer_id}/invoices")
  Call<Wire.Page<Invoice>> invoices(
      @Path("customer_id") String customerId,
      @Query("status") String status,
      @Query("limit") Integer limit,
      @Query("starting_after") String startingAfter);

  @GET("v1/accounts/{customer_id}/invoices/{invoice_id}")
  Call<Invoice> invoice(
      @Path("customer_id") String customerId, @Path("invoice_id") String invoiceId);

  @GET("v1/accounts/{customer_id}/invoices/{invoice_id}/pdf")
  Call<ResponseBody> invoicePdf(
      @Path("customer_id") String customerId, @Path("invoice_id") String invoiceId);

  @POST("v1/accounts/{customer_id}/invoices/{invoice_id}/pay")
  Call<Payment> payInvoice(
      @Path("customer_id") String customerId,
      @Path("invoice_id") String invoiceId,
      @Header(IDEMPOTENCY_KEY) String idempotencyKey,
      @Body Wire.PayRequest body);

  @GET("v1/accounts/{customer_id}/invoices/{invoice_id}/payments")
  Call<Wire.Page<Payment>> invoicePayments(
      @Path("customer_id") String customerId,
      @Path("invoice_id") String invoiceId,
      @Query("limit") Integer limit,
      @Query("starting_after") String startingAfter);

  @GET("v1/accounts/{customer_id}/licenses")
  Call<Wire.Page<License>> licenses(
      @Path("customer_id") String customerId,
      @Query("limit") Integer limit,
      @Query("starting_after") String startingAfter);

  @GET("v1/accounts/{customer_id}/licenses/{license_id}")
  Call<License> license(
      @Path("customer_id") String customerId, @Path("license_id") String licenseId);

  @POST("v1/accounts/{customer_id}/licenses/{license_id}/activate")
  Call<License> activateLicense(
      @Path("customer_id") String customerId, @Path("license_id") String licenseId);

  @POST("v1/accounts/{customer_id}/licenses/{license_id}/auto_renewal")
  Call<License> setAutoRenewal(
      @Path("customer_id") String customerId,
      @Path("license_id") String licenseId,
      @Body Wire.AutoRenewalRequest body);

  @GET("v1/webhook_endpoints")
  Call<Wire.Page<WebhookEndpoint>> webhookEndpoints();

  @POST("v1/webhook_endpoints")
  Call<WebhookEndpoint> createWebhookEndpoint(
      @Header(IDEMPOTENCY_KEY) String idempotencyKey, @Body Wire.CreateWebhookEndpointRequest body);

  @DELETE("v1/webhook_endpoints/{webhook_endpoint_id}")
  Call<Wire.Deleted> deleteWebhookEndpoint(@Path("webhook_endpoint_id") String id);

  /** A provider's own read, such as a PayPal setup's status; decoded by the caller. */
  @GET
  Call<ResponseBody> get(@Url String path);

  /** A provider's own request, such as card tokenization; decoded by the caller. */
  @POST
  Call<ResponseBody> post(
      @Url String path, @Header(IDEMPOTENCY_KEY) String idempotencyKey, @Body Object body);
}
