package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.sandbox.SandboxFaults.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * Injected latency holds no server thread: a thousand requests waiting out 100 ms at once are all
 * answered, each with its own answer, in about the time of one.
 */
class LatencyConcurrencyTest extends SandboxTestCase {
  private static final int REQUESTS = 1_000;
  private static final Duration LATENCY = Duration.ofMillis(100);
  /** Long enough that a request waiting for a server thread behind delayed ones cannot miss it. */
  private static final Duration DELAY = Duration.ofSeconds(10);

  @Test
  void aThousandConcurrentRequestsAt100MillisecondsAllCompleteInAboutOneLatency() throws Exception {
    List<String> customerIds = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      customerIds.add(sandbox.createAccount(SettleSandbox.Portal.II, "Customer " + i, "EUR"));
    }
    sandbox.faults().latency(LATENCY);
    // OkHttp runs 5 calls per host at once unless told otherwise; here all of them.
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(REQUESTS);
    dispatcher.setMaxRequestsPerHost(REQUESTS);
    OkHttpClient client = new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(REQUESTS, 1, TimeUnit.MINUTES))
        .readTimeout(Duration.ofSeconds(30))
        .build();
    try {
      // The first round opens the connections and warms the JIT; the later ones are the figure to read.
      Duration cold = round(client, customerIds);
      Duration warm = round(client, customerIds);
      Duration again = round(client, customerIds);
      int workers = serverWorkerThreads();
      System.out.printf("%d concurrent requests at %d ms of injected latency: %d ms of wall time on new "
          + "connections, then %d ms and %d ms on open ones; %d server worker threads%n",
          REQUESTS, LATENCY.toMillis(), cold.toMillis(), warm.toMillis(), again.toMillis(), workers);

      assertThat(sandbox.faults().injected()).containsEntry(Kind.LATENCY, 3L * REQUESTS);
      // Sanity limits only, as other builds share the machine; the figures are printed above. Eight
      // threads sleeping through the latency, as before, took 1000 × 100 ms / 8 = 12.5 s a round.
      // That no thread waits is shown by the next test, whatever the machine's load.
      assertThat(cold).as("a sanity limit").isLessThan(Duration.ofSeconds(12));
      assertThat(warm.compareTo(again) < 0 ? warm : again).as("a sanity limit").isLessThan(Duration.ofSeconds(6));
      assertThat(workers).isLessThanOrEqualTo(SandboxServer.WORKERS);
    } finally {
      dispatcher.executorService().shutdownNow();
      client.connectionPool().evictAll();
    }
  }

  /** Sends one GET per account at once; checks every answer is its own; answers the wall time. */
  private static Duration round(OkHttpClient client, List<String> customerIds) {
    long start = System.nanoTime();
    List<CompletableFuture<Reply>> answers = new ArrayList<>();
    for (String customerId : customerIds) {
      Request request = new Request.Builder()
          .url(sandbox.baseUrl().resolve("v1/accounts/" + customerId).toString())
          .header("Authorization", "Bearer " + sandbox.apiKey())
          .build();
      CompletableFuture<Reply> answer = new CompletableFuture<>();
      client.newCall(request).enqueue(new Callback() {
        @Override
        public void onFailure(Call call, IOException e) {
          answer.completeExceptionally(e);
        }

        @Override
        public void onResponse(Call call, Response response) throws IOException {
          try (response) {
            answer.complete(new Reply(response.code(), HttpHeaders.of(response.headers().toMultimap(),
                (name, value) -> true), response.body().string()));
          }
        }
      });
      answers.add(answer);
    }
    CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
    Duration wall = Duration.ofNanos(System.nanoTime() - start);
    Set<String> requestIds = new HashSet<>();
    for (int i = 0; i < customerIds.size(); i++) {
      Reply reply = answers.get(i).join();
      assertThat(reply.status()).as("answer %d", i).isEqualTo(200);
      assertThat(reply.string("customer_id")).isEqualTo(customerIds.get(i));
      assertThat(reply.string("name")).isEqualTo("Customer " + i);
      requestIds.add(reply.header("Request-Id"));
    }
    assertThat(requestIds).as("one answer per request, none lost or repeated").hasSize(customerIds.size());
    return wall;
  }

  @Test
  void moreDelayedRequestsThanServerThreadsLeaveTheServerFreeToAnswer() throws Exception {
    sandbox.faults().route("GET /v1/accounts/100001").latency(DELAY);
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(200);
    dispatcher.setMaxRequestsPerHost(200);
    OkHttpClient client = new OkHttpClient.Builder().dispatcher(dispatcher).build();
    try {
      int delayed = 2 * SandboxServer.WORKERS;
      for (int i = 0; i < delayed; i++) {
        client.newCall(new Request.Builder().url(sandbox.baseUrl().resolve("v1/accounts/100001").toString())
            .header("Authorization", "Bearer " + sandbox.apiKey()).build()).enqueue(new Callback() {
              @Override
              public void onFailure(Call call, IOException e) {
                // Cancelled at the end of the test.
              }

              @Override
              public void onResponse(Call call, Response response) {
                response.close();
              }
            });
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
      while (sandbox.faults().injected().get(Kind.LATENCY) < delayed) {
        assertThat(System.nanoTime()).as("every delayed request reached the sandbox").isLessThan(deadline);
        Thread.onSpinWait();
      }

      // Were the delayed requests holding server threads, this one would wait out their latency.
      // Sent without the contract check of SandboxHttp, whose first use is slow, to time the server only.
      HttpRequest probe = HttpRequest.newBuilder(sandbox.baseUrl().resolve("v1/accounts/200001"))
          .header("Authorization", "Bearer " + sandbox.apiKey())
          .build();
      long start = System.nanoTime();
      HttpResponse<String> other = HttpClient.newHttpClient().send(probe, HttpResponse.BodyHandlers.ofString());
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(other.statusCode()).isEqualTo(200);
      assertThat(other.body()).contains("Nordlicht Studio GmbH");
      assertThat(took).isLessThan(DELAY.minusSeconds(2));
      assertThat(sandbox.faults().injected().get(Kind.LATENCY)).isEqualTo(delayed);
    } finally {
      dispatcher.cancelAll();
      dispatcher.executorService().shutdownNow();
    }
  }

  @Test
  void latencyThenAnInjectedErrorAnswersTheErrorLate() {
    sandbox.faults().latency(LATENCY).errorRate(1.0, 503);

    long start = System.nanoTime();
    Reply reply = http.post("/v1/accounts/200001/invoices/in_demo200001b/pay", "{}");
    Duration waited = Duration.ofNanos(System.nanoTime() - start);

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.string("error.code")).isEqualTo("service_unavailable");
    assertThat(waited).isGreaterThanOrEqualTo(LATENCY);
    sandbox.faults().clear();
    assertThat(http.get("/v1/accounts/200001/invoices/in_demo200001b").string("status")).isEqualTo("open");
  }

  @Test
  void latencyThenABurstAnswers429Late() {
    sandbox.faults().latency(LATENCY).rateLimitBurst(1, Duration.ofSeconds(2));

    long start = System.nanoTime();
    Reply limited = http.get("/v1/accounts/100001");
    Duration waited = Duration.ofNanos(System.nanoTime() - start);

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("2");
    assertThat(waited).isGreaterThanOrEqualTo(LATENCY);
    assertThat(http.get("/v1/accounts/100001").status()).isEqualTo(200);
  }

  @Test
  void latencyThenADropBeforeTheWorkAnswersNothingAndDoesNothing() {
    sandbox.faults().latency(LATENCY).dropBeforeCommit(1.0);

    assertThatDropped(() -> http.post("/v1/accounts/200001/invoices/in_demo200001b/pay", "{}"));

    assertThat(sandbox.faults().injected()).containsEntry(Kind.DROP_BEFORE_COMMIT, 1L).containsEntry(Kind.LATENCY, 1L);
    sandbox.faults().clear();
    assertThat(http.get("/v1/accounts/200001/invoices/in_demo200001b").string("status")).isEqualTo("open");
  }

  @Test
  void latencyThenADropAfterTheWorkDoesItAndAnswersNothing() {
    sandbox.faults().latency(LATENCY).dropAfterCommit(1.0);

    assertThatDropped(() -> http.post("/v1/accounts/200001/invoices/in_demo200001b/pay", "{}", "slow-drop"));

    assertThat(sandbox.faults().injected()).containsEntry(Kind.DROP_AFTER_COMMIT, 1L).containsEntry(Kind.LATENCY, 1L);
    sandbox.faults().clear();
    assertThat(http.get("/v1/accounts/200001/invoices/in_demo200001b").string("status")).isEqualTo("paid");
    assertThat(http.post("/v1/accounts/200001/invoices/in_demo200001b/pay", "{}", "slow-drop")
        .header("Idempotent-Replayed")).isEqualTo("true");
  }

  private static void assertThatDropped(Runnable request) {
    long start = System.nanoTime();
    assertThatThrownBy(request::run).isInstanceOf(UncheckedIOException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(LATENCY);
  }

  private static int serverWorkerThreads() {
    String prefix = "settle-sandbox-" + sandbox.baseUrl().getPort() + "-";
    return (int) Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith(prefix))
        .count();
  }
}
