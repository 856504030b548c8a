package dev.settle;

import static dev.settle.MockServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.exception.AuthenticationException;
import dev.settle.exception.ConflictException;
import dev.settle.exception.ConnectionException;
import dev.settle.exception.InvalidRequestException;
import dev.settle.exception.MalformedResponseException;
import dev.settle.exception.NotFoundException;
import dev.settle.exception.RateLimitedException;
import dev.settle.exception.ServerException;
import dev.settle.model.CustomerId;
import dev.settle.model.InvoiceId;
import dev.settle.model.PaymentStatus;
import dev.settle.testing.Json;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Every way a response can go wrong, and the typed error each one becomes. */
class ErrorMappingTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private Invoices invoices() {
    return MockServer.client(server).account(CustomerId.of("200001")).invoices();
  }

  private AccountClient account() {
    return MockServer.client(server).account(CustomerId.of("200001"));
  }

  @Test
  void badApiKeyIsAnAuthenticationError() {
    server.enqueue(json(401, Json.error("authentication_error", "invalid_api_key", null)));

    assertThatThrownBy(() -> account().get())
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(401);
          assertThat(e.code()).hasValue("invalid_api_key");
          assertThat(e.requestId()).hasValue("req_123");
        })
        .message().doesNotContain(MockServer.API_KEY);
  }

  @Test
  void unknownCustomerIsNotFoundWithItsParam() {
    server.enqueue(json(404, Json.error("invalid_request_error", "resource_missing", "customer_id")));

    assertThatThrownBy(() -> account().get())
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.param()).hasValue("customer_id");
          assertThat(e.type()).hasValue("invalid_request_error");
        });
  }

  @Test
  void invalidRequestCarriesCodeAndParam() {
    server.enqueue(json(400, Json.error("invalid_request_error", "parameter_invalid", "payment_method_id")));

    assertThatThrownBy(() -> invoices().pay(InvoiceId.of("in_1")))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.param()).hasValue("payment_method_id"))
        .hasMessageContaining("parameter_invalid");
  }

  @Test
  void portalRuleIsAConflictWithItsCode() {
    server.enqueue(json(409, Json.error("conflict_error", "invoice_not_open", null)));

    assertThatThrownBy(() -> invoices().pay(InvoiceId.of("in_1")))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.code()).hasValue("invoice_not_open"));
  }

  @Test
  void rateLimitCarriesRetryAfterInSecondsAndAsHttpDate() {
    server.enqueue(new MockResponse.Builder(json(429, Json.error("rate_limit_error", "rate_limited", null)))
        .addHeader("Retry-After", "7").build());
    server.enqueue(new MockResponse.Builder(json(429, Json.error("rate_limit_error", "rate_limited", null)))
        .addHeader("Retry-After", "Sun, 01 Mar 2026 10:00:30 GMT").build());

    assertThatThrownBy(() -> account().get())
        .isInstanceOfSatisfying(RateLimitedException.class,
            e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(7)));
    assertThatThrownBy(() -> account().get())
        .isInstanceOfSatisfying(RateLimitedException.class,
            e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(30)));
  }

  @Test
  void declineCarriesDeclineCodeAndTheFailedPayment() {
    String failed = Json.payment("py_9", "in_1", "failed")
        .replace("\"decline_code\":null", "\"decline_code\":\"insufficient_funds\"");
    server.enqueue(json(402, """
        {"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds",
         "message":"Your card has insufficient funds.","param":null,"request_id":"req_402",
         "payment":%s}}""".formatted(failed)));

    assertThatThrownBy(() -> invoices().pay(InvoiceId.of("in_1")))
        .isInstanceOfSatisfying(PaymentDeclinedException.class, e -> {
          assertThat(e.code()).hasValue("card_declined");
          assertThat(e.declineCode()).hasValue("insufficient_funds");
          assertThat(e.requestId()).hasValue("req_402");
          assertThat(e.payment()).hasValueSatisfying(p -> {
            assertThat(p.status()).isEqualTo(PaymentStatus.FAILED);
            assertThat(p.declineCode()).hasValue("insufficient_funds");
          });
        });
  }

  @Test
  void serverErrorIsAServerException() {
    server.enqueue(json(503, Json.error("api_error", "unavailable", null)));

    assertThatThrownBy(() -> account().get())
        .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
  }

  @Test
  void htmlErrorPageFromAProxyIsAServerExceptionWithTheHeaderRequestId() {
    server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
        .addHeader("Request-Id", "req_proxy")
        .body("<html><body><h1>502 Bad Gateway</h1></body></html>").build());

    assertThatThrownBy(() -> account().get())
        .isInstanceOfSatisfying(ServerException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(502);
          assertThat(e.code()).isEmpty();
          assertThat(e.requestId()).hasValue("req_proxy");
        });
  }

  @Test
  void malformedJsonIsAMalformedResponse() {
    server.enqueue(json(200, "{\"customer_id\": \"200001\", "));

    assertThatThrownBy(() -> account().get()).isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void htmlWithStatus200IsAMalformedResponse() {
    server.enqueue(json(200, "<html>maintenance</html>"));

    assertThatThrownBy(() -> account().get()).isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void emptyBodyIsAMalformedResponse() {
    server.enqueue(json(200, ""));

    assertThatThrownBy(() -> account().get()).isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void jsonNullIsAMalformedResponse() {
    server.enqueue(json(200, "null"));

    assertThatThrownBy(() -> account().get()).isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void missingRequiredFieldIsAMalformedResponseNamingIt() {
    server.enqueue(json(200, Json.invoice("in_1", "open").replace("\"total\":11900,", "")));

    assertThatThrownBy(() -> invoices().get(InvoiceId.of("in_1")))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("invoice.total");
  }

  @Test
  void wrongTypeIsAMalformedResponse() {
    server.enqueue(json(200, Json.invoice("in_1", "open").replace("\"total\":11900", "\"total\":\"lots\"")));

    assertThatThrownBy(() -> invoices().get(InvoiceId.of("in_1"))).isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void idOutsideTheContractIsAMalformedResponse() {
    server.enqueue(json(200, Json.invoice("in_1", "open").replace("\"id\":\"in_1\"", "\"id\":\"x y\"")));

    assertThatThrownBy(() -> invoices().get(InvoiceId.of("in_1"))).isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void paymentMethodWithoutTypeIsAMalformedResponse() {
    server.enqueue(json(200, Json.account("200001", "II", Json.cardMethod("pm_1", true).replace("\"type\":\"card\",", ""))));

    assertThatThrownBy(() -> account().get())
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("payment_method.type");
  }

  @Test
  void unknownPortalIsAMalformedResponse() {
    server.enqueue(json(200, Json.account("200001", "III", "null")));

    assertThatThrownBy(() -> account().get()).isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void listWithoutDataIsAMalformedResponse() {
    server.enqueue(json(200, "{\"has_more\":false}"));

    assertThatThrownBy(() -> invoices().list().iterator().hasNext()).isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void anUnreadableAnswerKeepsItsStatusAndRequestId() {
    server.enqueue(new MockResponse.Builder().code(204).addHeader("Request-Id", "req_204").build());
    server.enqueue(json(201, "{}"));

    assertThatThrownBy(() -> account().get()).isInstanceOfSatisfying(MalformedResponseException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(204);
      assertThat(e.requestId()).hasValue("req_204");
      assertThat(e).hasMessageContaining("GET /v1/accounts/200001").hasMessageContaining("no body");
    });
    assertThatThrownBy(() -> account().get()).isInstanceOfSatisfying(MalformedResponseException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(201);
      assertThat(e.requestId()).hasValue("req_hdr");
    });
  }

  @Test
  void anErrorBodyCutByTheNetworkIsAConnectionFailureNotTheError() {
    server.enqueue(new MockResponse.Builder().code(409)
        .addHeader("Content-Type", "application/json")
        .body(" ".repeat(4096) + Json.error("idempotency_error", "idempotency_key_in_use", null))
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
        .build());

    RequestOptions options = RequestOptions.builder().idempotencyKey("pay-in_1-cut").build();
    assertThatThrownBy(() -> invoices().pay(InvoiceId.of("in_1"), options))
        .isInstanceOfSatisfying(OutcomeUnknownException.class,
            e -> assertThat(e.getCause()).isInstanceOf(ConnectionException.class));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void droppedConnectionOnAWriteIsAnUnknownOutcomeCarryingTheKey() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());

    RequestOptions options = RequestOptions.builder().idempotencyKey("pay-in_1-attempt").build();
    assertThatThrownBy(() -> invoices().pay(InvoiceId.of("in_1"), options))
        .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> {
          assertThat(e.idempotencyKey()).isEqualTo("pay-in_1-attempt");
          assertThat(e.retryOptions().idempotencyKey()).hasValue("pay-in_1-attempt");
          assertThat(e.getCause()).isInstanceOf(ConnectionException.class);
        })
        .hasMessageContaining("pay-in_1-attempt");
    assertThat(server.getRequestCount()).as("sent once, never silently re-sent").isEqualTo(1);
  }

  @Test
  void droppedConnectionOnAReadIsAConnectionFailure() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());

    assertThatThrownBy(() -> account().get()).isInstanceOf(ConnectionException.class);
  }
}
