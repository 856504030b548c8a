package dev.settle;

import static dev.settle.MockServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.exception.NotFoundException;
import dev.settle.exception.ServerException;
import dev.settle.model.Account;
import dev.settle.model.CustomerId;
import dev.settle.model.Invoice;
import dev.settle.model.InvoiceId;
import dev.settle.model.Payment;
import dev.settle.testing.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The asynchronous twins: same requests, same retries and keys, no thread held per call. */
class AsyncTest {
  @StartStop final MockWebServer server = new MockWebServer();
  private final List<Duration> waits = new ArrayList<>();

  @Test
  void twoHundredConcurrentCallsCompleteOnAHandfulOfThreads() throws Exception {
    for (int i = 0; i < 200; i++) {
      server.enqueue(json(200, Json.account("200001", "II", "null")));
    }
    AccountClient account = MockServer.client(server).account(CustomerId.of("200001"));
    Set<String> threads = ConcurrentHashMap.newKeySet();

    List<CompletableFuture<Account>> calls = IntStream.range(0, 200)
        .mapToObj(i -> account.getAsync().whenComplete((a, e) -> threads.add(Thread.currentThread().getName())))
        .collect(Collectors.toList());
    CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);

    assertThat(calls).allSatisfy(call -> assertThat(call.join().customerId().value()).isEqualTo("200001"));
    assertThat(server.getRequestCount()).isEqualTo(200);
    assertThat(threads.size()).as("threads that completed calls: %s", threads).isLessThanOrEqualTo(8);
  }

  @Test
  void asyncPaymentRetriesWithTheSameKeyWithoutBlocking() throws Exception {
    server.enqueue(json(503, Json.error("api_error", "unavailable", null)));
    server.enqueue(json(200, Json.payment("py_1", "in_1", "succeeded")));

    Payment payment = MockServer.retryingClient(server, waits).account(CustomerId.of("200001"))
        .invoices().payAsync(InvoiceId.of("in_1"), RequestOptions.defaults()).get(10, TimeUnit.SECONDS);

    assertThat(payment.id().value()).isEqualTo("py_1");
    assertThat(waits).hasSize(1);
    RecordedRequest first = server.takeRequest();
    assertThat(server.takeRequest().getHeaders().get("Idempotency-Key"))
        .isEqualTo(first.getHeaders().get("Idempotency-Key")).isNotNull();
  }

  @Test
  void asyncFailuresCarryTheSameTypedExceptions() {
    server.enqueue(json(404, Json.error("invalid_request_error", "resource_missing", "invoice_id")));

    CompletableFuture<Invoice> call = MockServer.client(server).account(CustomerId.of("200001"))
        .invoices().getAsync(InvoiceId.of("in_404"));

    assertThat(call).failsWithin(Duration.ofSeconds(10))
        .withThrowableOfType(ExecutionException.class)
        .havingCause().isInstanceOf(NotFoundException.class);
  }

  @Test
  void cancellingTheFutureCancelsTheHttpCall() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    OkHttpClient okHttp = new OkHttpClient();
    CountDownLatch idle = new CountDownLatch(1);
    SettleClient client = MockServer.builder(server).okHttpClient(okHttp).build();

    CompletableFuture<Account> call = client.account(CustomerId.of("200001")).getAsync();
    server.takeRequest();
    okHttp.dispatcher().setIdleCallback(idle::countDown);
    assertThat(call.cancel(true)).isTrue();

    assertThat(idle.await(10, TimeUnit.SECONDS)).as("the HTTP call ended").isTrue();
    assertThat(okHttp.dispatcher().runningCallsCount()).isZero();
    assertThat(call).isCancelled();
  }

  @Test
  void pagesAreWalkedAsynchronously() throws Exception {
    server.enqueue(json(200, Json.page(true, "cur_2", Json.invoice("in_1", "open"))));
    server.enqueue(json(200, Json.page(false, null, Json.invoice("in_2", "paid"))));
    List<String> seen = new CopyOnWriteArrayList<>();

    MockServer.client(server).account(CustomerId.of("200001")).invoices().list()
        .forEachAsync(invoice -> seen.add(invoice.id().value())).get(10, TimeUnit.SECONDS);

    assertThat(seen).containsExactly("in_1", "in_2");
    server.takeRequest();
    assertThat(server.takeRequest().getUrl().queryParameter("starting_after")).isEqualTo("cur_2");
  }

  @Test
  void listenerSeesEachAttemptAndTheCallWithoutSecrets() throws Exception {
    server.enqueue(json(503, Json.error("api_error", "unavailable", null)));
    server.enqueue(json(200, Json.payment("py_1", "in_1", "succeeded")));
    List<AttemptEvent> attempts = new CopyOnWriteArrayList<>();
    List<CallEvent> calls = new CopyOnWriteArrayList<>();
    CallListener listener = new CallListener() {
      @Override
      public void attemptEnded(AttemptEvent attempt) {
        attempts.add(attempt);
      }

      @Override
      public void callEnded(CallEvent call) {
        calls.add(call);
      }
    };
    SettleClient client = MockServer.retryingClient(server, waits).newBuilder().callListener(listener).build();

    client.account(CustomerId.of("200001")).invoices().payAsync(InvoiceId.of("in_1"), RequestOptions.defaults())
        .get(10, TimeUnit.SECONDS);

    assertThat(attempts).hasSize(2);
    assertThat(attempts.get(0)).satisfies(a -> {
      assertThat(a.operation()).isEqualTo("payInvoice");
      assertThat(a.attempt()).isEqualTo(1);
      assertThat(a.statusCode()).isEqualTo(503);
      assertThat(a.willRetry()).isTrue();
      assertThat(a.failure()).isEqualTo("ServerException");
      assertThat(a.path()).isEqualTo("/v1/accounts/200001/invoices/in_1/pay");
    });
    assertThat(attempts.get(1)).satisfies(a -> {
      assertThat(a.statusCode()).isEqualTo(200);
      assertThat(a.requestId()).isEqualTo("req_hdr");
      assertThat(a.willRetry()).isFalse();
      assertThat(a.idempotencyKey()).isEqualTo(attempts.get(0).idempotencyKey()).isNotNull();
    });
    assertThat(calls).singleElement().satisfies(c -> {
      assertThat(c.succeeded()).isTrue();
      assertThat(c.attempts()).isEqualTo(2);
      assertThat(c.operation()).isEqualTo("payInvoice");
    });
    assertThat(attempts.toString() + calls).doesNotContain(MockServer.API_KEY);
  }

  @Test
  void aThrowingListenerDoesNotChangeTheOutcome() {
    server.enqueue(json(200, Json.account("200001", "II", "null")));
    CallListener broken = new CallListener() {
      @Override
      public void callEnded(CallEvent call) {
        throw new IllegalStateException("listener bug");
      }
    };

    Account account = MockServer.client(server).newBuilder().callListener(broken).build()
        .account(CustomerId.of("200001")).get();

    assertThat(account.customerId().value()).isEqualTo("200001");
  }
}
