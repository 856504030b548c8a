package dev.settle;

import static dev.settle.MockServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.SwitchPreferredTest.TokenOnlyInput;
import dev.settle.SwitchPreferredTest.TokenOnlyProvider;
import dev.settle.exception.ConnectionException;
import dev.settle.model.CustomerId;
import dev.settle.model.InvoiceId;
import dev.settle.model.Payment;
import dev.settle.model.PaymentMethodId;
import dev.settle.spi.ProviderContext;
import dev.settle.testing.Json;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Cancelling the future of any asynchronous call cancels the HTTP call in flight: single calls,
 * operations of several requests (which then send nothing more), and a provider's own calls. A
 * write cancelled after it left is resolved like any unknown outcome, by repeating it with its
 * key.
 */
class CancellationTest {
  @StartStop final MockWebServer server = new MockWebServer();
  private final OkHttpClient okHttp = new OkHttpClient();
  private final CountDownLatch idle = new CountDownLatch(1);

  private AccountClient account() {
    return MockServer.builder(server).okHttpClient(okHttp).discoverProviders(false)
        .addProvider(new TokenOnlyProvider()).build().account(CustomerId.of("100002"));
  }

  private static MockResponse stalled() {
    return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
  }

  /** Cancels {@code call} once its request has reached the server, and waits for OkHttp to let go of it. */
  private void cancelInFlight(CompletableFuture<?> call) throws InterruptedException {
    server.takeRequest();
    okHttp.dispatcher().setIdleCallback(idle::countDown);
    assertThat(call.cancel(true)).isTrue();
    assertThat(idle.await(10, TimeUnit.SECONDS)).as("the HTTP call ended").isTrue();
    assertThat(okHttp.dispatcher().runningCallsCount()).isZero();
    assertThat(call).isCancelled();
  }

  @Test
  void cancellingARemovalCancelsItsDelete() throws Exception {
    server.enqueue(stalled());

    cancelInFlight(account().paymentMethods().removeAsync(PaymentMethodId.of("pm_old")));
  }

  @Test
  void cancellingASwitchStopsItAtTheStepInFlightAndSendsNothingMore() throws Exception {
    server.enqueue(stalled());
    server.enqueue(json(201, "{\"id\":\"tok_new\",\"type\":\"card\",\"created_at\":\"2026-03-01T10:00:00Z\"}"));
    server.enqueue(json(200, "{\"id\":\"pm_old\",\"deleted\":true,\"restore_token\":\"tok_restore\"}"));

    cancelInFlight(account().paymentMethods().switchPreferredAsync(new TokenOnlyInput()));

    assertThat(server.getRequestCount()).as("the account read, and nothing after it").isEqualTo(1);
  }

  @Test
  void cancellingATokenizationInsideAnAddCancelsTheProvidersCall() throws Exception {
    server.enqueue(stalled());

    cancelInFlight(account().paymentMethods().addAsync(new TokenOnlyInput()));

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void cancellingAProviderFlowsCallCancelsIt() throws Exception {
    server.enqueue(stalled());
    ProviderContext context = account().extension(scope -> scope.context(null, null));

    cancelInFlight(context.executeAsync(TestTokens.call(context, TestTokens.CARD)));
  }

  @Test
  void aPaymentCancelledAfterItLeftIsResolvedByRepeatingItWithItsKey() throws Exception {
    server.enqueue(stalled());
    server.enqueue(json(200, Json.payment("py_1", "in_1", "succeeded")));
    RequestOptions key = RequestOptions.builder().idempotencyKey("order-77-pay").build();
    Invoices invoices = account().invoices();

    cancelInFlight(invoices.payAsync(InvoiceId.of("in_1"), key));
    Payment payment = invoices.pay(InvoiceId.of("in_1"), key);

    assertThat(payment.id().value()).isEqualTo("py_1");
    RecordedRequest repeated = server.takeRequest();
    assertThat(repeated.getHeaders().get("Idempotency-Key")).isEqualTo("order-77-pay");
  }

  @Test
  void aCallStillWaitingForASlotWhenItsDeadlinePassesEndsThenWithNothingSent() throws Exception {
    server.enqueue(stalled());
    List<CallEvent> ended = new CopyOnWriteArrayList<>();
    try (SettleClient client = MockServer.builder(server).maxConcurrentCalls(1).callListener(new CallListener() {
      @Override
      public void callEnded(CallEvent call) {
        ended.add(call);
      }
    }).build()) {
      AccountClient account = client.account(CustomerId.of("100002"));
      CompletableFuture<?> holdsTheSlot = account.getAsync();
      server.takeRequest();

      CompletableFuture<?> queued = account.getAsync(RequestOptions.builder().timeout(Duration.ofMillis(300)).build());

      assertThat(queued).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
          .havingCause().isInstanceOf(ConnectionException.class)
          .withMessageContaining("nothing was sent").withMessageContaining("waited for a slot");
      assertThat(server.getRequestCount()).isEqualTo(1);
      assertThat(ended).singleElement().satisfies(call -> {
        assertThat(call.queued()).isGreaterThanOrEqualTo(Duration.ZERO);
        assertThat(call.latency()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
      });
      holdsTheSlot.cancel(true);
    }
  }
}
