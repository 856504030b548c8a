package dev.settle;

import static dev.settle.MockServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.exception.MalformedResponseException;
import dev.settle.exception.NotFoundException;
import dev.settle.exception.ValidationException;
import dev.settle.model.CustomerId;
import dev.settle.model.InvoiceId;
import dev.settle.model.Payment;
import dev.settle.model.PaymentId;
import dev.settle.model.PaymentMethodId;
import dev.settle.model.PaymentStatus;
import dev.settle.testing.Contract;
import dev.settle.testing.Json;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Payments the customer's bank asks them to authenticate: thrown, never returned; resumed by
 * confirming; and what is sent for them (the return URL, no key on the confirmation).
 */
class AuthenticationTest {
  private static final URI BACK = URI.create("https://shop.example/paid?session=s3ss10n");
  private static final String BANK_PAGE = "https://bank.example/3ds/py_1?client_secret=cs_live_abc";
  private static final String CONFIRM = "/v1/accounts/200001/invoices/in_7/payments/py_1/confirm";

  @StartStop final MockWebServer server = new MockWebServer();

  private AccountClient account() {
    return MockServer.client(server).account(CustomerId.of("200001"));
  }

  private static String waiting() {
    return Json.payment("py_1", "in_7", "requires_action")
        .replace("\"next_action\":null", "\"next_action\":{\"type\":\"redirect_to_url\",\"url\":\"" + BANK_PAGE + "\"}");
  }

  private static RequestOptions withReturnUrl() {
    return RequestOptions.builder().idempotencyKey("order-7-pay").returnUrl(BACK).build();
  }

  @Test
  void aPaymentThatNeedsAuthenticationIsThrownWithWhereToSendTheCustomerAndWhatResumesIt() throws Exception {
    server.enqueue(json(200, waiting()));

    AuthenticationRequiredException thrown = (AuthenticationRequiredException) org.assertj.core.api.Assertions
        .catchThrowable(() -> account().invoices().pay(InvoiceId.of("in_7"), withReturnUrl()));

    assertThat(thrown.redirectUrl()).isEqualTo(URI.create(BANK_PAGE));
    assertThat(thrown.invoiceId()).contains(InvoiceId.of("in_7"));
    assertThat(thrown.paymentId()).contains(PaymentId.of("py_1"));
    assertThat(thrown.payment()).hasValueSatisfying(p -> assertThat(p.status()).isEqualTo(PaymentStatus.REQUIRES_ACTION));
    assertThat(thrown.setupId()).isEmpty();
    assertThat(thrown.requestId()).contains("req_hdr");
    assertThat(thrown.getMessage()).contains("py_1", "in_7").doesNotContain("bank.example", "client_secret");
    assertThat(thrown.toString()).doesNotContain("client_secret");
    assertThat(thrown.payment().orElseThrow().toString()).contains("py_1").doesNotContain("bank.example", "client_secret");

    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getRequestLine()).isEqualTo("POST /v1/accounts/200001/invoices/in_7/pay HTTP/1.1");
    assertThat(sent.getHeaders().get("Idempotency-Key")).isEqualTo("order-7-pay");
    assertThat(sent.getBody().utf8()).isEqualTo("{\"return_url\":\"" + BACK + "\"}");
    Contract.assertValidRequest(sent);
    Contract.assertValidResponse("POST", "/v1/accounts/200001/invoices/in_7/pay", 200, "application/json", waiting());
  }

  @Test
  void payingWithAGivenMethodAndWithoutBlockingThrowsTheSame() throws Exception {
    server.enqueue(json(200, waiting()));
    server.enqueue(json(200, waiting()));

    assertThatThrownBy(() -> account().invoices().payWith(InvoiceId.of("in_7"), PaymentMethodId.of("pm_2")))
        .isInstanceOf(AuthenticationRequiredException.class);
    assertThatThrownBy(() -> account().invoices().payWithAsync(InvoiceId.of("in_7"), PaymentMethodId.of("pm_2"),
        withReturnUrl()).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOfSatisfying(AuthenticationRequiredException.class,
            e -> assertThat(e.paymentId()).contains(PaymentId.of("py_1")));

    assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{\"payment_method_id\":\"pm_2\"}");
    assertThat(server.takeRequest().getBody().utf8())
        .isEqualTo("{\"payment_method_id\":\"pm_2\",\"return_url\":\"" + BACK + "\"}");
  }

  @Test
  void confirmingAnswersThePaymentOnceTheCustomerAuthenticatedAndSendsNoKey() throws Exception {
    server.enqueue(json(200, Json.payment("py_1", "in_7", "succeeded")));

    Payment paid = account().invoices().confirmPayment(InvoiceId.of("in_7"), PaymentId.of("py_1"));

    assertThat(paid.id()).isEqualTo(PaymentId.of("py_1"));
    assertThat(paid.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getRequestLine()).isEqualTo("POST " + CONFIRM + " HTTP/1.1");
    assertThat(sent.getHeaders().get("Idempotency-Key")).as("it charges nothing").isNull();
    assertThat(sent.getBody().size()).isZero();
    Contract.assertValidRequest(sent);
  }

  @Test
  void confirmingBeforeTheCustomerAnsweredThrowsTheSameAgain() throws Exception {
    server.enqueue(json(200, waiting()));

    assertThatThrownBy(() -> account().invoices().confirmPaymentAsync(InvoiceId.of("in_7"), PaymentId.of("py_1"))
        .get(10, TimeUnit.SECONDS))
        .cause().isInstanceOfSatisfying(AuthenticationRequiredException.class,
            e -> assertThat(e.redirectUrl()).isEqualTo(URI.create(BANK_PAGE)));
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo(CONFIRM);
  }

  @Test
  void aFailedAuthenticationIsADeclineWithThePaymentAndAForeignPaymentIsNotFound() {
    String failed = Json.payment("py_1", "in_7", "failed").replace("\"decline_code\":null",
        "\"decline_code\":\"authentication_failed\"");
    server.enqueue(json(402, "{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\","
        + "\"decline_code\":\"authentication_failed\",\"message\":\"The customer did not authenticate the payment.\","
        + "\"param\":null,\"request_id\":\"req_1\",\"payment\":" + failed + "}}"));
    server.enqueue(json(404, Json.error("invalid_request_error", "resource_missing", "payment_id")));

    assertThatThrownBy(() -> account().invoices().confirmPayment(InvoiceId.of("in_7"), PaymentId.of("py_1")))
        .isInstanceOfSatisfying(PaymentDeclinedException.class, e -> {
          assertThat(e.declineCode()).contains("authentication_failed");
          assertThat(e.payment()).hasValueSatisfying(p -> assertThat(p.status()).isEqualTo(PaymentStatus.FAILED));
        });
    assertThatThrownBy(() -> account().invoices().confirmPayment(InvoiceId.of("in_7"), PaymentId.of("py_1"),
        RequestOptions.defaults())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aConfirmationIsSafeToRepeatSoItIsRetriedAfterAServerError() throws Exception {
    List<Duration> sleeps = new ArrayList<>();
    server.enqueue(json(503, Json.error("api_error", "service_unavailable", null)));
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(json(200, Json.payment("py_1", "in_7", "succeeded")));

    Payment paid = MockServer.retryingClient(server, sleeps).account(CustomerId.of("200001")).invoices()
        .confirmPayment(InvoiceId.of("in_7"), PaymentId.of("py_1"));

    assertThat(paid.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aWaitingPaymentWithoutItsPageIsAMalformedAnswerNotASuccess() {
    server.enqueue(json(200, Json.payment("py_1", "in_7", "requires_action")));

    assertThatThrownBy(() -> account().invoices().pay(InvoiceId.of("in_7")))
        .isInstanceOf(MalformedResponseException.class).hasMessageContaining("next_action");
  }

  @Test
  void aPageThatIsNotHttpsIsAMalformedAnswerNeverARedirect() {
    String plainHttp = waiting().replace(BANK_PAGE, "http://bank.example/3ds/py_1?client_secret=cs_live_abc");
    server.enqueue(json(200, plainHttp));
    server.enqueue(json(200, waiting().replace(BANK_PAGE, "javascript:alert(1)")));

    assertThatThrownBy(() -> account().invoices().pay(InvoiceId.of("in_7"), withReturnUrl()))
        .as("an unreadable answer to a write leaves its outcome unknown")
        .isInstanceOf(OutcomeUnknownException.class).cause()
        .isInstanceOf(MalformedResponseException.class).hasMessageContaining("https")
        .hasMessageNotContaining("bank.example").hasMessageNotContaining("client_secret");
    assertThatThrownBy(() -> account().invoices().confirmPayment(InvoiceId.of("in_7"), PaymentId.of("py_1")))
        .isInstanceOf(MalformedResponseException.class).hasMessageContaining("next_action.url")
        .hasMessageNotContaining("javascript");
  }

  @Test
  void anUnknownOutcomeIsRepeatedWithTheSameKeyAndTheSameReturnUrl() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(json(200, Json.payment("py_1", "in_7", "succeeded")));

    OutcomeUnknownException unknown = (OutcomeUnknownException) org.assertj.core.api.Assertions
        .catchThrowable(() -> account().invoices().pay(InvoiceId.of("in_7"), withReturnUrl()));
    Payment paid = account().invoices().pay(InvoiceId.of("in_7"), unknown.retryOptions());

    assertThat(paid.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(unknown.retryOptions().returnUrl()).contains(BACK);
    RecordedRequest first = server.takeRequest();
    RecordedRequest repeat = server.takeRequest();
    assertThat(repeat.getHeaders().get("Idempotency-Key")).isEqualTo(first.getHeaders().get("Idempotency-Key"))
        .isEqualTo("order-7-pay");
    assertThat(repeat.getBody().utf8()).as("the same body, or the server refuses the key").isEqualTo(first.getBody().utf8());
  }

  @Test
  void aReturnUrlMustBeAnAbsoluteWebAddressAndIsNotPrinted() {
    RequestOptions.Builder options = RequestOptions.builder();

    assertThatThrownBy(() -> options.returnUrl(URI.create("/paid")))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.param()).isEqualTo("return_url");
          assertThat(e.reason()).isEqualTo(ValidationException.Reason.FORMAT);
        });
    assertThatThrownBy(() -> options.returnUrl(URI.create("javascript:alert(1)")))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> options.returnUrl(URI.create("https://shop.example/" + "a".repeat(4000))))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.reason()).isEqualTo(ValidationException.Reason.LENGTH));
    assertThat(options.returnUrl(BACK).build().toString()).contains("https://shop.example").doesNotContain("s3ss10n");
  }
}
