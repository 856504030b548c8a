package dev.settle.internal.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import dev.settle.ValidationException;
import dev.settle.model.Account;
import dev.settle.model.Invoice;
import dev.settle.model.License;
import dev.settle.model.Payment;
import dev.settle.model.PaymentMethod;
import dev.settle.model.WebhookEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * The billing API's operations as calls ready to run; paths follow {@code settle-api.yaml}.
 *
 * <p>Requests are built directly on OkHttp: each URL is the base URL with path segments and query
 * parameters appended, each adapter is looked up once; the client's own headers are added by
 * its last interceptor. (A declarative client such as Retrofit re-parses a relative URL template
 * on every call; measured, that was the largest share of the client's own cost per call.)
 */
public final class BillingApi {
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");

  private final HttpUrl baseUrl;
  private final OkHttpClient client;
  private final HttpStack http;
  private final Moshi moshi;
  private final JsonAdapter<Account> account;
  private final JsonAdapter<PaymentMethod> paymentMethod;
  private final JsonAdapter<Wire.Page<PaymentMethod>> paymentMethodPage;
  private final JsonAdapter<Invoice> invoice;
  private final JsonAdapter<Wire.Page<Invoice>> invoicePage;
  private final JsonAdapter<Payment> payment;
  private final JsonAdapter<Wire.Page<Payment>> paymentPage;
  private final JsonAdapter<License> license;
  private final JsonAdapter<Wire.Page<License>> licensePage;
  private final JsonAdapter<WebhookEndpoint> webhookEndpoint;
  private final JsonAdapter<Wire.Page<WebhookEndpoint>> webhookEndpointPage;
  private final JsonAdapter<Wire.Deleted> deleted;
  private final JsonAdapter<Wire.AttachRequest> attachRequest;
  private final JsonAdapter<Wire.PayRequest> payRequest;
  private final JsonAdapter<Wire.AutoRenewalRequest> autoRenewalRequest;
  private final JsonAdapter<Wire.CreateWebhookEndpointRequest> createWebhookEndpointRequest;
  private final JsonAdapter<Object> anything;

  BillingApi(HttpUrl baseUrl, OkHttpClient client, HttpStack http) {
    this.baseUrl = baseUrl;
    this.client = client;
    this.http = http;
    this.moshi = http.moshi();
    this.account = moshi.adapter(Account.class);
    this.paymentMethod = moshi.adapter(PaymentMethod.class);
    this.paymentMethodPage = moshi.adapter(ModelAdapters.pageOf(PaymentMethod.class));
    this.invoice = moshi.adapter(Invoice.class);
    this.invoicePage = moshi.adapter(ModelAdapters.pageOf(Invoice.class));
    this.payment = moshi.adapter(Payment.class);
    this.paymentPage = moshi.adapter(ModelAdapters.pageOf(Payment.class));
    this.license = moshi.adapter(License.class);
    this.licensePage = moshi.adapter(ModelAdapters.pageOf(License.class));
    this.webhookEndpoint = moshi.adapter(WebhookEndpoint.class);
    this.webhookEndpointPage = moshi.adapter(ModelAdapters.pageOf(WebhookEndpoint.class));
    this.deleted = moshi.adapter(Wire.Deleted.class);
    this.attachRequest = moshi.adapter(Wire.AttachRequest.class);
    this.payRequest = moshi.adapter(Wire.PayRequest.class);
    this.autoRenewalRequest = moshi.adapter(Wire.AutoRenewalRequest.class);
    this.createWebhookEndpointRequest = moshi.adapter(Wire.CreateWebhookEndpointRequest.class);
    this.anything = moshi.adapter(Object.class);
  }

  public ApiCall<Account> account(String customerId) {
    return call("account", "GET", accounts(customerId).build(), null, null, account);
  }

  public ApiCall<Wire.Page<PaymentMethod>> paymentMethods(
      String customerId, Integer limit, String startingAfter) {
    HttpUrl.Builder url = accounts(customerId).addPathSegment("payment_methods");
    return call("paymentMethods", "GET", page(url, limit, startingAfter), null, null, paymentMethodPage);
  }

  public ApiCall<PaymentMethod> paymentMethod(String customerId, String paymentMethodId) {
    HttpUrl url = accounts(customerId).addPathSegment("payment_methods")
        .addPathSegment(segment(paymentMethodId)).build();
    return call("paymentMethod", "GET", url, null, null, paymentMethod);
  }

  public ApiCall<PaymentMethod> attachPaymentMethod(
      String customerId, String idempotencyKey, Wire.AttachRequest body) {
    HttpUrl url = accounts(customerId).addPathSegment("payment_methods").build();
    return call("attachPaymentMethod", "POST", url, idempotencyKey, json(attachRequest, body),
        paymentMethod);
  }

  public ApiCall<Wire.Deleted> removePaymentMethod(
      String customerId, String paymentMethodId, String idempotencyKey) {
    HttpUrl url = accounts(customerId).addPathSegment("payment_methods")
        .addPathSegment(segment(paymentMethodId)).build();
    return call("removePaymentMethod", "DELETE", url, idempotencyKey, null, deleted);
  }

  public ApiCall<PaymentMethod> makePreferred(String customerId, String paymentMethodId) {
    HttpUrl url = accounts(customerId).addPathSegment("payment_methods")
        .addPathSegment(segment(paymentMethodId)).addPathSegment("make_preferred").build();
    return call("makePreferred", "POST", url, null, RequestBody.EMPTY, paymentMethod);
  }

  public ApiCall<Wire.Page<Invoice>> invoices(
      String customerId, String status, Integer limit, String startingAfter) {
    HttpUrl.Builder url = accounts(customerId).addPathSegment("invoices");
    if (status != null) {
      url.addQueryParameter("status", status);
    }
    return call("invoices", "GET", page(url, limit, startingAfter), null, null, invoicePage);
  }

  public ApiCall<Invoice> invoice(String customerId, String invoiceId) {
    HttpUrl url = invoices(customerId, invoiceId).build();
    return call("invoice", "GET", url, null, null, invoice);
  }

  /** The invoice's PDF, read whole: it is small, and the caller keeps it after the call. */
  public ApiCall<byte[]> invoicePdf(String customerId, String invoiceId) {
    HttpUrl url = invoices(customerId, invoiceId).addPathSegment("pdf").build();
    return call("invoicePdf", "GET", url, null, null, HttpStack::bytes);
  }

  public ApiCall<Payment> payInvoice(
      String customerId, String invoiceId, String idempotencyKey, Wire.PayRequest body) {
    HttpUrl url = invoices(customerId, invoiceId).addPathSegment("pay").build();
    return call("payInvoice", "POST", url, idempotencyKey, json(payRequest, body), payment);
  }

  public ApiCall<Wire.Page<Payment>> invoicePayments(
      String customerId, String invoiceId, Integer limit, String startingAfter) {
    HttpUrl.Builder url = invoices(customerId, invoiceId).addPathSegment("payments");
    return call("invoicePayments", "GET", page(url, limit, startingAfter), null, null, paymentPage);
  }

  public ApiCall<Wire.Page<License>> licenses(String customerId, Integer limit, String startingAfter) {
    HttpUrl.Builder url = accounts(customerId).addPathSegment("licenses");
    return call("licenses", "GET", page(url, limit, startingAfter), null, null, licensePage);
  }

  public ApiCall<License> license(String customerId, String licenseId) {
    HttpUrl url = licenses(customerId, licenseId).build();
    return call("license", "GET", url, null, null, license);
  }

  public ApiCall<License> activateLicense(String customerId, String licenseId) {
    HttpUrl url = licenses(customerId, licenseId).addPathSegment("activate").build();
    return call("activateLicense", "POST", url, null, RequestBody.EMPTY, license);
  }

  public ApiCall<License> setAutoRenewal(
      String customerId, String licenseId, Wire.AutoRenewalRequest body) {
    HttpUrl url = licenses(customerId, licenseId).addPathSegment("auto_renewal").build();
    return call("setAutoRenewal", "POST", url, null, json(autoRenewalRequest, body), license);
  }

  public ApiCall<Wire.Page<WebhookEndpoint>> webhookEndpoints() {
    HttpUrl url = webhookEndpointsUrl().build();
    return call("webhookEndpoints", "GET", url, null, null, webhookEndpointPage);
  }

  public ApiCall<WebhookEndpoint> createWebhookEndpoint(
      String idempotencyKey, Wire.CreateWebhookEndpointRequest body) {
    HttpUrl url = webhookEndpointsUrl().build();
    return call("createWebhookEndpoint", "POST", url, idempotencyKey,
        json(createWebhookEndpointRequest, body), webhookEndpoint);
  }

  public ApiCall<Wire.Deleted> deleteWebhookEndpoint(String id) {
    HttpUrl url = webhookEndpointsUrl().addPathSegment(segment(id)).build();
    return call("deleteWebhookEndpoint", "DELETE", url, null, null, deleted);
  }

  /** A provider's own read, such as a PayPal setup's status, at a path relative to the base URL. */
  public <T> ApiCall<T> get(String path, Type responseType) {
    HttpUrl url = resolve(path);
    return call("GET " + url.encodedPath(), "GET", url, null, null, moshi.adapter(responseType));
  }

  /** A provider's own request, such as card tokenization; {@code body} is written by its runtime type. */
  public <T> ApiCall<T> post(String path, String idempotencyKey, Object body, Type responseType) {
    HttpUrl url = resolve(path);
    return call("POST " + url.encodedPath(), "POST", url, idempotencyKey, json(anything, body),
        moshi.adapter(responseType));
  }

  private HttpUrl.Builder accounts(String customerId) {
    return baseUrl.newBuilder().addPathSegment("v1").addPathSegment("accounts")
        .addPathSegment(segment(customerId));
  }

  private HttpUrl.Builder invoices(String customerId, String invoiceId) {
    return accounts(customerId).addPathSegment("invoices").addPathSegment(segment(invoiceId));
  }

  private HttpUrl.Builder licenses(String customerId, String licenseId) {
    return accounts(customerId).addPathSegment("licenses").addPathSegment(segment(licenseId));
  }

  private HttpUrl.Builder webhookEndpointsUrl() {
    return baseUrl.newBuilder().addPathSegment("v1").addPathSegment("webhook_endpoints");
  }

  /**
   * A caller's value as one path segment. OkHttp encodes every other character, but it reads
   * {@code .} and {@code ..} as moves within the path, so those (and an empty value) would send
   * the request to another resource.
   */
  private static String segment(String value) {
    if (value.isEmpty() || value.equals(".") || value.equals("..")) {
      throw new ValidationException("id", "An id cannot be empty, . or ..");
    }
    return value;
  }

  private static HttpUrl page(HttpUrl.Builder url, Integer limit, String startingAfter) {
    if (limit != null) {
      url.addQueryParameter("limit", limit.toString());
    }
    if (startingAfter != null) {
      url.addQueryParameter("starting_after", startingAfter);
    }
    return url.build();
  }

  private HttpUrl resolve(String path) {
    HttpUrl url = baseUrl.resolve(path);
    if (url == null) {
      throw new IllegalArgumentException("Not a path: " + path);
    }
    return url;
  }

  /**
   * {@code body} as JSON. The API's own bodies come with adapters looked up once; only providers'
   * bodies go through {@code anything}, whose lookup by runtime type takes a lock on Moshi's
   * cache that every thread paying at once would queue on.
   */
  private static <B> RequestBody json(JsonAdapter<B> adapter, B body) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      adapter.toJson(writer, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return RequestBody.create(buffer.readByteString(), JSON);
  }

  private <T> ApiCall<T> call(String operation, String method, HttpUrl url, String idempotencyKey,
      RequestBody body, JsonAdapter<T> adapter) {
    return call(operation, method, url, idempotencyKey, body, response -> http.decode(response, adapter));
  }

  private <T> ApiCall<T> call(String operation, String method, HttpUrl url, String idempotencyKey,
      RequestBody body, ApiCall.BodyReader<T> reader) {
    Request.Builder request =
        new Request.Builder().url(url).method(method, body).tag(Sending.Mark.class, new Sending.Mark());
    if (idempotencyKey != null) {
      request.header(IDEMPOTENCY_KEY, idempotencyKey);
    }
    return new ApiCall<>(operation, client.newCall(request.build()), reader, http);
  }
}
