package dev.settle;

import static dev.settle.MockServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.exception.ConflictException;
import dev.settle.exception.ConnectionException;
import dev.settle.exception.InvalidRequestException;
import dev.settle.exception.RateLimitedException;
import dev.settle.exception.ServerException;
import dev.settle.model.CustomerId;
import dev.settle.model.InvoiceId;
import dev.settle.model.PaymentStatus;
import dev.settle.testing.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The retry policy: what is repeated, with which key, how long it waits, and when it stops. */
class RetryTest {
  @StartStop final MockWebServer server = new MockWebServer();
  private final List<Duration> sleeps = new ArrayList<>();

  private AccountClient account() {
    return MockServer.retryingClient(server, sleeps).account(CustomerId.of("200001"));
  }

  private static MockResponse dropped() {
    return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
  }

  private static MockResponse unavailable() {
    return json(503, Json.error("api_error", "unavailable", null));
  }

  @Test
  void readsAreRepeatedAfterUnavailableWithGrowingJitteredWaits() {
    server.enqueue(unavailable());
    server.enqueue(json(502, "<html>bad gateway</html>"));
    server.enqueue(json(200, Json.account("200001", "II", "null")));

    assertThat(account().get().customerId().value()).isEqualTo("200001");

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeps).hasSize(2);
    assertThat(sleeps.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(200));
    assertThat(sleeps.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(400));
  }

  @Test
  void writesAreRepeatedWithTheKeyAndBodyOfTheirFirstAttempt() throws Exception {
    server.enqueue(dropped());
    server.enqueue(json(504, Json.error("api_error", "timeout", null)));
    server.enqueue(json(200, Json.payment("py_1", "in_1", "succeeded")));

    assertThat(account().invoices().pay(InvoiceId.of("in_1")).status()).isEqualTo(PaymentStatus.SUCCEEDED);

    RecordedRequest first = server.takeRequest();
    String key = first.getHeaders().get("Idempotency-Key");
    for (int i = 0; i < 2; i++) {
      RecordedRequest again = server.takeRequest();
      assertThat(again.getHeaders().get("Idempotency-Key")).isEqualTo(key);
      assertThat(again.getBody()).isEqualTo(first.getBody());
    }
  }

  @Test
  void rateLimitWaitsAsLongAsTheServerAsks() {
    server.enqueue(new MockResponse.Builder(json(429, Json.error("rate_limit_error", "rate_limited", null)))
        .addHeader("Retry-After", "7").build());
    server.enqueue(json(200, Json.account("200001", "II", "null")));

    account().get();

    assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void aKeyStillInFlightIsAskedAgain() {
    server.enqueue(json(409, Json.error("idempotency_error", "idempotency_key_in_use", null)));
    server.enqueue(json(200, Json.payment("py_1", "in_1", "succeeded")));

    assertThat(account().invoices().pay(InvoiceId.of("in_1")).id().value()).isEqualTo("py_1");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void requestsTheServerFoundWrongAreNeverRepeated() {
    server.enqueue(json(400, Json.error("invalid_request_error", "parameter_invalid", "payment_method_id")));
    server.enqueue(json(409, Json.error("conflict_error", "invoice_not_open", null)));
    server.enqueue(json(402, Json.error("card_error", "card_declined", null)));

    AccountClient account = account();
    assertThatThrownBy(() -> account.invoices().pay(InvoiceId.of("in_1"))).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> account.invoices().pay(InvoiceId.of("in_1"))).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> account.invoices().pay(InvoiceId.of("in_1"))).isInstanceOf(PaymentDeclinedException.class);
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aWriteThatNeverGetsAnAnswerEndsAsOutcomeUnknownAfterAllAttempts() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(unavailable());
    }

    assertThatThrownBy(() -> account().invoices().pay(InvoiceId.of("in_1")))
        .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> {
          assertThat(e.attempts()).isEqualTo(4);
          assertThat(e.getCause()).isInstanceOf(ServerException.class);
        });
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void aReadThatKeepsFailingEndsWithItsLastFailure() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(dropped());
    }

    assertThatThrownBy(() -> account().get()).isInstanceOf(ConnectionException.class);
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void noWaitIsStartedThatWouldEndPastTheCallsDeadline() {
    server.enqueue(new MockResponse.Builder(json(429, Json.error("rate_limit_error", "rate_limited", null)))
        .addHeader("Retry-After", "30").build());

    RequestOptions shortCall = RequestOptions.builder().timeout(Duration.ofSeconds(5)).build();
    assertThatThrownBy(() -> account().get(shortCall))
        .isInstanceOfSatisfying(RateLimitedException.class,
            e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(30)));
    assertThat(sleeps).isEmpty();
  }

  @Test
  void theOutcomeOfAnUnknownWriteIsLearnedByRepeatingItWithTheSameKey() throws Exception {
    for (int i = 0; i < 4; i++) {
      server.enqueue(dropped());
    }
    server.enqueue(json(200, Json.payment("py_1", "in_1", "succeeded")));
    AccountClient account = account();

    OutcomeUnknownException unknown = org.junit.jupiter.api.Assertions.assertThrows(
        OutcomeUnknownException.class, () -> account.invoices().pay(InvoiceId.of("in_1")));
    account.invoices().pay(InvoiceId.of("in_1"), unknown.retryOptions());

    for (int i = 0; i < 4; i++) {
      server.takeRequest();
    }
    assertThat(server.takeRequest().getHeaders().get("Idempotency-Key")).isEqualTo(unknown.idempotencyKey());
  }
}
