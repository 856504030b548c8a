package dev.settle.benchmarks;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * The baseline: what a careful user writes by hand instead of using Settle. One shared
 * {@link OkHttpClient} and one {@link Moshi} with its adapters looked up once, Java records for
 * the responses (Moshi's record adapter), the same headers Settle sends, a fresh idempotency key
 * per payment, and nothing else: no retries, no error mapping beyond "not 2xx", no validation.
 * The {@code …Async} forms run on OkHttp's own dispatcher, with its default limits.
 *
 * <p>Thread-safe; share one. Closing it releases the OkHttp client it created, never one handed
 * in.
 */
public final class RawClient implements AutoCloseable {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  public static final Moshi MOSHI = new Moshi.Builder().add(Instant.class, new InstantAdapter().nullSafe()).build();
  static final JsonAdapter<Account> ACCOUNT = MOSHI.adapter(Account.class);
  static final JsonAdapter<InvoicePage> INVOICE_PAGE = MOSHI.adapter(InvoicePage.class);
  static final JsonAdapter<Payment> PAYMENT = MOSHI.adapter(Payment.class);
  static final JsonAdapter<PayRequest> PAY_REQUEST = MOSHI.adapter(PayRequest.class);

  private final OkHttpClient http;
  private final HttpUrl baseUrl;
  private final String authorization;
  private final boolean owned;

  public RawClient(URI baseUrl, String apiKey) {
    this(new OkHttpClient(), baseUrl, apiKey, true);
  }

  public RawClient(OkHttpClient http, URI baseUrl, String apiKey) {
    this(http, baseUrl, apiKey, false);
  }

  private RawClient(OkHttpClient http, URI baseUrl, String apiKey, boolean owned) {
    this.http = http;
    this.baseUrl = HttpUrl.get(baseUrl.toString());
    this.authorization = "Bearer " + apiKey;
    this.owned = owned;
  }

  /** {@code GET /v1/accounts/{id}}. */
  public Account account(String customerId) throws IOException {
    return execute(accountRequest(customerId), ACCOUNT);
  }

  /** {@link #account} on OkHttp's dispatcher. */
  public CompletableFuture<Account> accountAsync(String customerId) {
    return enqueue(accountRequest(customerId), ACCOUNT);
  }

  private Request accountRequest(String customerId) {
    HttpUrl url = baseUrl.newBuilder().addPathSegments("v1/accounts").addPathSegment(customerId).build();
    return request(url).get().build();
  }

  /** {@code GET /v1/accounts/{id}/invoices?limit=N}: one page. */
  public InvoicePage invoices(String customerId, int limit) throws IOException {
    HttpUrl url = baseUrl.newBuilder().addPathSegments("v1/accounts").addPathSegment(customerId)
        .addPathSegment("invoices").addQueryParameter("limit", Integer.toString(limit)).build();
    return execute(request(url).get().build(), INVOICE_PAGE);
  }

  /** {@code POST /v1/accounts/{id}/invoices/{invoice}/pay} with a fresh idempotency key. */
  public Payment pay(String customerId, String invoiceId) throws IOException {
    return execute(payRequest(customerId, invoiceId), PAYMENT);
  }

  /** {@link #pay} on OkHttp's dispatcher. */
  public CompletableFuture<Payment> payAsync(String customerId, String invoiceId) {
    return enqueue(payRequest(customerId, invoiceId), PAYMENT);
  }

  private Request payRequest(String customerId, String invoiceId) {
    HttpUrl url = baseUrl.newBuilder().addPathSegments("v1/accounts").addPathSegment(customerId)
        .addPathSegment("invoices").addPathSegment(invoiceId).addPathSegment("pay").build();
    RequestBody body = RequestBody.create(PAY_REQUEST.toJson(new PayRequest(null)), JSON);
    return request(url).header("Idempotency-Key", UUID.randomUUID().toString()).post(body).build();
  }

  /** Decodes a page of invoices as {@link #invoices} does, from bytes. */
  public static InvoicePage decodePage(BufferedSource source) throws IOException {
    return INVOICE_PAGE.fromJson(source);
  }

  private Request.Builder request(HttpUrl url) {
    return new Request.Builder().url(url)
        .header("Authorization", authorization)
        .header("Settle-Version", Fixtures.API_VERSION);
  }

  private <T> T execute(Request request, JsonAdapter<T> adapter) throws IOException {
    try (Response response = http.newCall(request).execute()) {
      return decode(response, adapter);
    }
  }

  private <T> CompletableFuture<T> enqueue(Request request, JsonAdapter<T> adapter) {
    CompletableFuture<T> future = new CompletableFuture<>();
    http.newCall(request).enqueue(new Callback() {
      @Override
      public void onResponse(Call call, Response response) {
        try (response) {
          future.complete(decode(response, adapter));
        } catch (IOException | RuntimeException e) {
          future.completeExceptionally(e);
        }
      }

      @Override
      public void onFailure(Call call, IOException e) {
        future.completeExceptionally(e);
      }
    });
    return future;
  }

  private static <T> T decode(Response response, JsonAdapter<T> adapter) throws IOException {
    ResponseBody body = response.body();
    if (!response.isSuccessful()) {
      throw new IOException("HTTP " + response.code() + " from " + response.request().url().encodedPath());
    }
    T value = adapter.fromJson(body.source());
    if (value == null) {
      throw new IOException("null body");
    }
    return value;
  }

  /** Stops the dispatcher's threads and closes the pooled connections of a client it created. */
  @Override
  public void close() {
    if (owned) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  public enum Portal { I, II }

  public enum InvoiceStatus {
    @Json(name = "open") OPEN,
    @Json(name = "paid") PAID,
    @Json(name = "void") VOID,
    @Json(name = "uncollectible") UNCOLLECTIBLE
  }

  public enum PaymentStatus {
    @Json(name = "succeeded") SUCCEEDED,
    @Json(name = "failed") FAILED,
    @Json(name = "requires_action") REQUIRES_ACTION,
    @Json(name = "pending") PENDING
  }

  public record Card(
      String brand, String last4, @Json(name = "exp_month") int expMonth,
      @Json(name = "exp_year") int expYear, @Json(name = "holder_name") String holderName) {}

  public record PaymentMethod(
      String id, String type, boolean preferred, @Json(name = "created_at") Instant createdAt,
      Card card) {}

  public record Account(
      @Json(name = "customer_id") String customerId,
      Portal portal,
      String name,
      String email,
      String currency,
      @Json(name = "preferred_payment_method") PaymentMethod preferredPaymentMethod,
      @Json(name = "created_at") Instant createdAt) {}

  public record BankDetails(String name, String iban, String bic) {}

  public record InvoiceLine(
      String description, long amount, @Json(name = "license_id") String licenseId) {}

  public record Invoice(
      String id,
      String number,
      InvoiceStatus status,
      String currency,
      long total,
      @Json(name = "amount_due") long amountDue,
      @Json(name = "amount_paid") long amountPaid,
      @Json(name = "issued_at") Instant issuedAt,
      @Json(name = "due_at") Instant dueAt,
      @Json(name = "paid_at") Instant paidAt,
      BankDetails payee,
      @Json(name = "payment_reference") String paymentReference,
      List<InvoiceLine> lines) {}

  public record InvoicePage(
      List<Invoice> data, @Json(name = "has_more") boolean hasMore,
      @Json(name = "next_cursor") String nextCursor) {}

  public record NextAction(String type, String url) {}

  public record Payment(
      String id,
      @Json(name = "invoice_id") String invoiceId,
      PaymentStatus status,
      long amount,
      String currency,
      @Json(name = "payment_method_id") String paymentMethodId,
      @Json(name = "decline_code") String declineCode,
      @Json(name = "failure_message") String failureMessage,
      @Json(name = "next_action") NextAction nextAction,
      @Json(name = "created_at") Instant createdAt) {}

  public record PayRequest(@Json(name = "payment_method_id") String paymentMethodId) {}

  /** RFC 3339 timestamps, as {@link Instant#parse} reads them. */
  static final class InstantAdapter extends JsonAdapter<Instant> {
    @Override
    public Instant fromJson(JsonReader reader) throws IOException {
      return Instant.parse(reader.nextString());
    }

    @Override
    public void toJson(JsonWriter writer, Instant value) throws IOException {
      writer.value(value.toString());
    }
  }
}
