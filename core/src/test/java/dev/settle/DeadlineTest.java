package dev.settle;

import static dev.settle.MockServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.exception.ConnectionException;
import dev.settle.model.Account;
import dev.settle.model.CustomerId;
import dev.settle.model.InvoiceId;
import dev.settle.testing.Json;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A call ends at its deadline, its own or the client's, while the server keeps its answer: the
 * client's timer cancels the attempt in flight, and the failure reads as a timeout. Socket
 * timeouts are set far beyond the deadline here, so nothing else can end these calls; each test
 * is bounded in case the deadline is not kept.
 */
@Timeout(60)
class DeadlineTest {
  private static final RequestOptions SHORT = RequestOptions.builder().timeout(Duration.ofMillis(300)).build();

  @StartStop final MockWebServer server = new MockWebServer();

  private SettleClient.Builder patientSockets() {
    return MockServer.builder(server).readTimeout(Duration.ofMinutes(10)).writeTimeout(Duration.ofMinutes(10));
  }

  private static MockResponse stalled() {
    return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
  }

  @Test
  void aReadTheServerLeavesUnansweredEndsAtTheCallsDeadlineAndIsNotRepeated() throws Exception {
    server.enqueue(stalled());
    AccountClient account = patientSockets().build().account(CustomerId.of("200001"));

    assertThatThrownBy(() -> account.get(SHORT)).isInstanceOfSatisfying(ConnectionException.class, e -> {
      assertThat(e.getCause()).isInstanceOf(InterruptedIOException.class).hasMessage("timeout");
      assertThat(e.getMessage()).contains("getAccount", "may have been sent", "InterruptedIOException (timeout)");
    });

    assertThat(server.getRequestCount()).as("no attempt after the deadline").isOne();
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/accounts/200001");
  }

  @Test
  void aPaymentCutOffByTheClientsDeadlineIsUnknownAndResolvedByItsKey() throws Exception {
    server.enqueue(stalled());
    server.enqueue(json(200, Json.payment("py_1", "in_1", "succeeded")));
    Invoices invoices = patientSockets().callTimeout(Duration.ofMillis(300)).build()
        .account(CustomerId.of("100002")).invoices();

    OutcomeUnknownException unknown = org.junit.jupiter.api.Assertions.assertThrows(
        OutcomeUnknownException.class, () -> invoices.pay(InvoiceId.of("in_1")));
    assertThat(unknown.getCause()).isInstanceOf(ConnectionException.class)
        .hasCauseInstanceOf(InterruptedIOException.class);
    RecordedRequest cutOff = server.takeRequest();

    assertThat(invoices.pay(InvoiceId.of("in_1"), unknown.retryOptions()).id().value()).isEqualTo("py_1");
    assertThat(server.takeRequest().getHeaders().get("Idempotency-Key"))
        .isEqualTo(cutOff.getHeaders().get("Idempotency-Key"))
        .isEqualTo(unknown.idempotencyKey());
  }

  @Test
  void anAsynchronousCallThatGotASlotAtOnceEndsAtItsDeadlineToo() throws Exception {
    server.enqueue(stalled());
    AccountClient account = patientSockets().build().account(CustomerId.of("200001"));

    assertThat(account.getAsync(SHORT)).failsWithin(Duration.ofSeconds(30))
        .withThrowableOfType(ExecutionException.class)
        .havingCause().isInstanceOf(ConnectionException.class)
        .withCauseInstanceOf(InterruptedIOException.class);
    assertThat(server.getRequestCount()).isOne();
  }

  @Test
  void aCallInFlightWhenItsClientClosesStillEndsAtItsDeadline() throws Exception {
    server.enqueue(stalled());
    SettleClient client = patientSockets().build();
    CompletableFuture<Account> call = client.account(CustomerId.of("200001")).getAsync(SHORT);
    server.takeRequest();

    client.close();

    assertThat(call).failsWithin(Duration.ofSeconds(30))
        .withThrowableOfType(ExecutionException.class)
        .havingCause().isInstanceOf(ConnectionException.class)
        .withCauseInstanceOf(InterruptedIOException.class);
  }

  @Test
  void aContinuationThatBlocksDoesNotHoldUpAnotherCallsDeadline() throws Exception {
    server.enqueue(stalled());
    server.enqueue(stalled());
    AccountClient account = patientSockets().maxConcurrentCalls(1).build().account(CustomerId.of("200001"));
    CompletableFuture<Account> holdingTheSlot = account.getAsync();
    server.takeRequest();
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Account> waitingForASlot =
        account.getAsync(RequestOptions.builder().timeout(Duration.ofMillis(500)).build());
    waitingForASlot.whenComplete((result, failure) -> awaitQuietly(release));

    try {
      // The queued call's deadline passes first, and its continuation blocks; the blocking call's
      // deadline must still end it.
      RequestOptions later = RequestOptions.builder().timeout(Duration.ofMillis(1500)).build();
      assertThatThrownBy(() -> account.get(later)).isInstanceOf(ConnectionException.class)
          .hasCauseInstanceOf(InterruptedIOException.class);
    } finally {
      release.countDown();
    }
    assertThat(waitingForASlot).isCompletedExceptionally();
    assertThat(holdingTheSlot).isNotDone();
    assertThat(server.getRequestCount()).as("the queued call sent nothing").isEqualTo(2);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aCallThatEndsInTimeTakesItsDeadlineOffTheTimer() throws Exception {
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    server.enqueue(json(200, Json.account("200001", "II", "null")));
    SettleClient client = patientSockets().callTimeout(Duration.ofMinutes(10)).build();

    assertThat(client.account(CustomerId.of("200001")).get().customerId().value()).isEqualTo("200001");
    Thread timer = Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> !before.contains(thread) && thread.getName().startsWith("settle-timer-"))
        .findFirst().orElseThrow();
    client.close();

    // A closed client's timer still runs what is pending: a deadline left behind would keep its
    // thread alive for ten minutes.
    timer.join(TimeUnit.SECONDS.toMillis(10));
    assertThat(timer.isAlive()).isFalse();
  }

}
