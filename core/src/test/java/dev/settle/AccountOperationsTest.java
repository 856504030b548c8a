package dev.settle;

import static dev.settle.MockServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.model.Account;
import dev.settle.model.CustomerId;
import dev.settle.model.Invoice;
import dev.settle.model.InvoiceCollection;
import dev.settle.model.InvoiceId;
import dev.settle.model.InvoiceStatus;
import dev.settle.model.Money;
import dev.settle.model.Payment;
import dev.settle.model.PaymentMethod;
import dev.settle.model.PaymentMethodId;
import dev.settle.model.PaymentStatus;
import dev.settle.model.Portal;
import dev.settle.model.UnknownPaymentMethodDetails;
import dev.settle.testing.Contract;
import dev.settle.testing.Json;
import java.util.List;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class AccountOperationsTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private AccountClient account() {
    return MockServer.client(server).account(CustomerId.of("200001"));
  }

  @Test
  void getsAccountWithItsPortalAndPreferredMethod() throws Exception {
    server.enqueue(json(200, Json.account("200001", "II", Json.cardMethod("pm_9", true))));

    Account account = account().get();

    assertThat(account.portal()).isEqualTo(Portal.II);
    assertThat(account.customerId()).isEqualTo(CustomerId.of("200001"));
    assertThat(account.acceptedPaymentMethods()).containsExactly("card", "paypal", "bank_transfer");
    assertThat(account.preferablePaymentMethods()).containsExactly("card", "paypal");
    assertThat(account.currency().getCurrencyCode()).isEqualTo("EUR");
    PaymentMethod preferred = account.preferredPaymentMethod().orElseThrow();
    assertThat(preferred.id()).isEqualTo(PaymentMethodId.of("pm_9"));
    assertThat(preferred.usableOffSession()).isTrue();
    assertThat(account.requestId()).as("the answer's request id").hasValue("req_hdr");
    assertThat(preferred.requestId()).as("a value inside the answer carries none").isEmpty();
    // No card provider in core: the kind is kept, not lost.
    assertThat(preferred.details()).isInstanceOf(UnknownPaymentMethodDetails.class);
    assertThat(((UnknownPaymentMethodDetails) preferred.details()).attributes())
        .containsEntry("last4", "4242");

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/accounts/200001");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockServer.API_KEY);
    assertThat(request.getHeaders().get("Settle-Version")).isEqualTo("2026-11-01");
    assertThat(request.getHeaders().get("Idempotency-Key")).isNull();
    Contract.assertValidRequest(request);
  }

  @Test
  void accountWithoutPreferredMethodSaysSo() throws Exception {
    server.enqueue(json(200, Json.account("200001", "I", "null")));

    assertThat(account().get().preferredPaymentMethod()).isEmpty();
    Contract.assertValidRequest(server.takeRequest());
  }

  @Test
  void listsInvoicesLazilyAcrossPages() throws Exception {
    server.enqueue(json(200, Json.page(true, "cur_2", Json.invoice("in_1", "open"), Json.invoice("in_2", "open"))));
    server.enqueue(json(200, Json.page(false, null, Json.invoice("in_3", "paid"))));

    PagedIterable<Invoice> invoices = account().invoices().list(q -> q.status(InvoiceStatus.OPEN).pageSize(2));
    assertThat(server.getRequestCount()).as("nothing fetched before iteration").isZero();

    List<Invoice> all = invoices.stream().collect(Collectors.toList());

    assertThat(all).extracting(i -> i.id().value()).containsExactly("in_1", "in_2", "in_3");
    assertThat(all).as("items of a list carry no request id").allSatisfy(i -> assertThat(i.requestId()).isEmpty());
    RecordedRequest first = server.takeRequest();
    assertThat(first.getUrl().encodedPath()).isEqualTo("/v1/accounts/200001/invoices");
    assertThat(first.getUrl().queryParameter("status")).isEqualTo("open");
    assertThat(first.getUrl().queryParameter("limit")).isEqualTo("2");
    assertThat(first.getUrl().queryParameter("starting_after")).isNull();
    RecordedRequest second = server.takeRequest();
    assertThat(second.getUrl().queryParameter("starting_after")).isEqualTo("cur_2");
    Contract.assertValidRequest(first);
    Contract.assertValidRequest(second);
  }

  @Test
  void stoppingEarlyFetchesNoFurtherPage() {
    server.enqueue(json(200, Json.page(true, "cur_2", Json.invoice("in_1", "open"))));

    assertThat(account().invoices().list().iterator().next().id().value()).isEqualTo("in_1");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void decodesAnInvoiceWithItsMoneyAndBankDetails() throws Exception {
    server.enqueue(json(200, Json.invoice("in_7", "open")));

    Invoice invoice = account().invoices().get(InvoiceId.of("in_7"));

    assertThat(invoice.total()).isEqualTo(Money.ofMinor(11900, "EUR"));
    assertThat(invoice.total().toString()).isEqualTo("EUR 119.00");
    assertThat(invoice.amountDue().minorUnits()).isEqualTo(11900);
    assertThat(invoice.payee().iban()).isEqualTo("DE89370400440532013000");
    assertThat(invoice.paymentReference()).isEqualTo("RF18INV20260007");
    assertThat(invoice.paidAt()).isEmpty();
    assertThat(invoice.customerId()).isEqualTo(CustomerId.of("200001"));
    assertThat(invoice.collection()).isEqualTo(InvoiceCollection.MANUAL);
    assertThat(invoice.attemptCount()).isZero();
    assertThat(invoice.nextPaymentAttempt()).isEmpty();
    assertThat(invoice.lines()).singleElement().satisfies(line -> assertThat(line.licenseId()).isPresent());
    Contract.assertValidRequest(server.takeRequest());
  }

  @Test
  void paysWithThePreferredMethodCarryingAFreshIdempotencyKey() throws Exception {
    server.enqueue(json(200, Json.payment("py_1", "in_7", "succeeded")));
    server.enqueue(json(200, Json.payment("py_2", "in_8", "succeeded")));

    Payment payment = account().invoices().pay(InvoiceId.of("in_7"));
    account().invoices().pay(InvoiceId.of("in_8"));

    assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(payment.amount()).isEqualTo(Money.ofMinor(11900, "EUR"));
    assertThat(payment.requestId()).as("the answer's request id").hasValue("req_hdr");
    RecordedRequest first = server.takeRequest();
    assertThat(first.getMethod()).isEqualTo("POST");
    assertThat(first.getUrl().encodedPath()).isEqualTo("/v1/accounts/200001/invoices/in_7/pay");
    assertThat(first.getBody().utf8()).isEqualTo("{}");
    String key = first.getHeaders().get("Idempotency-Key");
    assertThat(key).isNotBlank();
    assertThat(server.takeRequest().getHeaders().get("Idempotency-Key")).isNotEqualTo(key);
    Contract.assertValidRequest(first);
  }

  @Test
  void paysWithAGivenMethodAndTheCallersIdempotencyKey() throws Exception {
    server.enqueue(json(200, Json.payment("py_1", "in_7", "succeeded")));

    account().invoices().payWith(InvoiceId.of("in_7"), PaymentMethodId.of("pm_2"),
        RequestOptions.builder().idempotencyKey("order-8812-pay").build());

    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("Idempotency-Key")).isEqualTo("order-8812-pay");
    assertThat(request.getBody().utf8()).isEqualTo("{\"payment_method_id\":\"pm_2\"}");
    Contract.assertValidRequest(request);
  }

  @Test
  void anInvoiceCollectedAutomaticallySaysWhenItIsChargedNext() {
    server.enqueue(json(200, Json.invoice("in_7", "open").replace("\"collection\":\"manual\"", "\"collection\":\"automatic\"")
        .replace("\"attempt_count\":0,\"next_payment_attempt\":null",
            "\"attempt_count\":2,\"next_payment_attempt\":\"2026-02-05T00:00:00Z\"")));
    server.enqueue(json(200, Json.invoice("in_8", "open").replace("\"attempt_count\":0,", "")));

    Invoice invoice = account().invoices().get(InvoiceId.of("in_7"));

    assertThat(invoice.collection()).isEqualTo(InvoiceCollection.AUTOMATIC);
    assertThat(invoice.attemptCount()).isEqualTo(2);
    assertThat(invoice.nextPaymentAttempt()).contains(java.time.Instant.parse("2026-02-05T00:00:00Z"));
    assertThatThrownBy(() -> account().invoices().get(InvoiceId.of("in_8")))
        .isInstanceOf(dev.settle.exception.MalformedResponseException.class)
        .hasMessageContaining("invoice.attempt_count");
  }

  @Test
  void unknownStatusesAreReadAsUnknown() {
    server.enqueue(json(200, Json.payment("py_1", "in_7", "settling_overnight")));

    assertThat(account().invoices().pay(InvoiceId.of("in_7")).status()).isEqualTo(PaymentStatus.UNKNOWN);
  }

  @Test
  void listsThePaymentAttemptsOfAnInvoice() throws Exception {
    server.enqueue(json(200, Json.page(false, null,
        Json.payment("py_1", "in_7", "failed"), Json.payment("py_2", "in_7", "succeeded"))));

    List<Payment> attempts = account().invoices().payments(InvoiceId.of("in_7")).stream().collect(Collectors.toList());

    assertThat(attempts).extracting(Payment::status).containsExactly(PaymentStatus.FAILED, PaymentStatus.SUCCEEDED);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/accounts/200001/invoices/in_7/payments");
    Contract.assertValidRequest(request);
  }

  @Test
  void downloadsTheInvoicePdf(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
    byte[] document = "%PDF-1.7 invoice".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    server.enqueue(new mockwebserver3.MockResponse.Builder().code(200).addHeader("Content-Type", "application/pdf")
        .body(new okio.Buffer().write(document)).build());

    java.nio.file.Path file = account().invoices().downloadPdf(InvoiceId.of("in_7"), folder.resolve("in_7.pdf"));

    assertThat(java.nio.file.Files.readAllBytes(file)).isEqualTo(document);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/accounts/200001/invoices/in_7/pdf");
    Contract.assertValidRequest(request);
  }

  @Test
  void makePreferredOnPortalTwoMarksTheMethod() throws Exception {
    server.enqueue(json(200, Json.account("200001", "II", "null")));
    server.enqueue(json(200, Json.cardMethod("pm_2", true)));

    PaymentMethod method = account().paymentMethods().makePreferred(PaymentMethodId.of("pm_2"));

    assertThat(method.preferred()).isTrue();
    server.takeRequest();
    RecordedRequest mark = server.takeRequest();
    assertThat(mark.getMethod()).isEqualTo("POST");
    assertThat(mark.getUrl().encodedPath()).isEqualTo("/v1/accounts/200001/payment_methods/pm_2/make_preferred");
    Contract.assertValidRequest(mark);
  }

  @Test
  void makePreferredOnPortalOneIsRefusedWithoutChangingAnything() throws Exception {
    server.enqueue(json(200, Json.account("100001", "I", Json.cardMethod("pm_1", true))));

    AccountClient account = account();
    assertThatThrownBy(() -> account.paymentMethods().makePreferred(PaymentMethodId.of("pm_2")))
        .isInstanceOfSatisfying(UnsupportedPortalOperationException.class,
            e -> assertThat(e.portal()).isEqualTo(Portal.I))
        .hasMessageContaining("use switchPreferred");

    assertThat(server.getRequestCount()).as("the account is read, nothing is sent").isEqualTo(1);
    assertThat(server.takeRequest().getMethod()).isEqualTo("GET");
  }

  @Test
  void makePreferredOnPortalOneReturnsTheStoredMethodWhenNamed() {
    server.enqueue(json(200, Json.account("100001", "I", Json.cardMethod("pm_1", true))));

    assertThat(account().paymentMethods().makePreferred(PaymentMethodId.of("pm_1")).id().value()).isEqualTo("pm_1");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void removesAMethodAndListsTheRest() throws Exception {
    server.enqueue(json(200, "{\"id\":\"pm_2\",\"deleted\":true}"));
    server.enqueue(json(200, Json.page(false, null, Json.cardMethod("pm_1", false))));

    AccountClient account = account();
    account.paymentMethods().remove(PaymentMethodId.of("pm_2"));
    List<PaymentMethod> left = account.paymentMethods().list().stream().collect(Collectors.toList());

    assertThat(left).extracting(m -> m.id().value()).containsExactly("pm_1");
    RecordedRequest delete = server.takeRequest();
    assertThat(delete.getMethod()).isEqualTo("DELETE");
    assertThat(delete.getUrl().encodedPath()).isEqualTo("/v1/accounts/200001/payment_methods/pm_2");
    Contract.assertValidRequest(delete);
    Contract.assertValidRequest(server.takeRequest());
  }
}
