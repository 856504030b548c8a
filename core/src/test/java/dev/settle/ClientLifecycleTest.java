package dev.settle;

import static dev.settle.MockServer.json;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.exception.ClientClosedException;
import dev.settle.model.Account;
import dev.settle.model.CustomerId;
import dev.settle.model.PaymentMethodId;
import dev.settle.model.Portal;
import dev.settle.testing.ChildJvm;
import dev.settle.testing.Json;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * A client owns what it creates and releases it on close: its dispatcher's threads, its connection
 * pool and its timer, shared by the clients derived from it until the last one closes; what it
 * was handed it leaves alone. Its threads are daemons, so a program that never closes it still
 * exits as {@code main} returns.
 *
 * <p>Threads are found by name ({@code settle-dispatch-N}, {@code settle-timer-N}); other tests'
 * clients may still hold some, so each test looks only at the threads that were not there before
 * it started. OkHttp's task runner and Okio's watchdog are daemons of the whole process that idle
 * out after 60 s: instead of waiting that long, the test checks that their number does not grow
 * with the number of clients.
 */
class ClientLifecycleTest {
  private static final Duration THREADS_END_WITHIN = Duration.ofSeconds(10);
  private static final CustomerId CUSTOMER = CustomerId.of("200001");
  private static final String ACCOUNT = Json.account("200001", "II", "null");

  @StartStop final MockWebServer server = new MockWebServer();

  @Test
  void fiftyClientsUsedAndClosedLeaveNoThreadOfTheirOwn() throws Exception {
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    int sharedBefore = okHttpThreads().size();

    Set<Thread> used = useAndClose(5, before);
    int sharedAfterFive = okHttpThreads().size();
    used.addAll(useAndClose(45, before));
    int sharedAfterFifty = okHttpThreads().size();

    assertThat(namesOf(used)).anyMatch(name -> name.startsWith("settle-dispatch-"))
        .anyMatch(name -> name.startsWith("settle-timer-"));
    assertThat(stillAlive(used)).as("Settle's threads left after close").isEmpty();
    assertThat(settleThreadsNotIn(before)).as("any new settle-* thread").isEmpty();
    assertThat(sharedAfterFifty - sharedBefore)
        .as("OkHttp and Okio threads: %d before, %d after 5 clients, %d after 50: %s",
            sharedBefore, sharedAfterFive, sharedAfterFifty, okHttpThreads())
        .isLessThanOrEqualTo(Math.max(sharedAfterFive - sharedBefore, 2));
    System.out.printf("50 clients closed: %d Settle threads used, %d left; OkHttp and Okio threads %d before,"
        + " %d after 5 clients, %d after 50%n", used.size(), stillAlive(used).size(), sharedBefore,
        sharedAfterFive, sharedAfterFifty);

    assertThat(server.getRequestCount()).isEqualTo(50 * 6);
    for (int i = 0; i < 50 * 6; i++) {
      RecordedRequest request = server.takeRequest();
      assertThat(request.getTarget()).isEqualTo("/v1/accounts/200001");
      assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockServer.API_KEY);
    }
  }

  /**
   * Builds {@code clients} clients one after the other; each makes a blocking, an asynchronous, and
   * a blocking and an asynchronous call that are retried once after a 503, then closes. Returns the
   * Settle threads, not among {@code before}, that were alive while they were open.
   */
  private Set<Thread> useAndClose(int clients, Set<Thread> before) throws Exception {
    RetryPolicy retryOnce = RetryPolicy.builder().maxAttempts(2)
        .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(1)).build();
    Set<Thread> used = new HashSet<>();
    for (int i = 0; i < clients; i++) {
      server.enqueue(json(200, ACCOUNT));
      server.enqueue(json(200, ACCOUNT));
      for (int retried = 0; retried < 2; retried++) {
        server.enqueue(json(503, Json.error("api_error", "service_unavailable", null)));
        server.enqueue(json(200, ACCOUNT));
      }
      try (SettleClient settle = MockServer.builder(server).retryPolicy(retryOnce).build()) {
        AccountClient account = settle.account(CUSTOMER);
        assertThat(account.get().portal()).isEqualTo(Portal.II);
        assertThat(account.getAsync().get(10, SECONDS).portal()).isEqualTo(Portal.II);
        assertThat(account.get().portal()).isEqualTo(Portal.II);
        assertThat(account.getAsync().get(10, SECONDS).customerId()).isEqualTo(CUSTOMER);
        used.addAll(settleThreadsNotIn(before));
      }
    }
    return used;
  }

  @Test
  void aProgramThatLeavesItsClientOpenExitsAsMainReturns() throws Exception {
    server.enqueue(json(200, ACCOUNT));

    ChildJvm.Run program = ChildJvm.run(OpenClientProgram.class, Duration.ofSeconds(90), server.url("/").toString());

    assertThat(program.exitStatus()).as("exit status; it printed %s", program.lines()).isZero();
    assertThat(program.lines()).containsExactly("Read account 200001 on portal II", OpenClientProgram.MAIN_RETURNS);
    assertThat(program.exitAfterLastLine()).as("from main's return to the process's end").isLessThan(Duration.ofSeconds(1));
    System.out.printf("A program with an open client and an async call ended %d ms after main returned%n",
        program.exitAfterLastLine().toMillis());
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/accounts/200001");
  }

  @Test
  void callsAfterCloseFailWithoutAnyRequest() {
    SettleClient settle = MockServer.client(server);
    AccountClient account = settle.account(CUSTOMER);
    settle.close();
    settle.close();

    assertThatThrownBy(account::get).isInstanceOf(ClientClosedException.class)
        .hasMessage("This SettleClient is closed; build a new one to make calls");
    assertThatThrownBy(() -> account.paymentMethods().remove(PaymentMethodId.of("pm_1")))
        .isInstanceOf(ClientClosedException.class);
    assertThatThrownBy(() -> account.invoices().list().iterator().hasNext())
        .isInstanceOf(ClientClosedException.class);
    assertClosed(account.getAsync());
    assertClosed(account.paymentMethods().removeAsync(PaymentMethodId.of("pm_1")));
    assertClosed(account.invoices().list().forEachAsync(invoice -> { }));
    assertThat(settle).hasToString("SettleClient{baseUrl=" + server.url("/") + ", apiKey=sk_test_****, closed}");
    assertThat(server.getRequestCount()).isZero();
  }

  private static void assertClosed(CompletableFuture<?> call) {
    assertThat(call).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
        .havingCause().isInstanceOf(ClientClosedException.class);
  }

  @Test
  void derivedClientsShareTheirThreadsUntilTheLastOneCloses() throws Exception {
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    for (int i = 0; i < 5; i++) {
      server.enqueue(json(200, ACCOUNT));
    }
    SettleClient first = MockServer.client(server);
    SettleClient second = first.newBuilder().callTimeout(Duration.ofSeconds(20)).build();
    assertThat(first.account(CUSTOMER).getAsync().get(10, SECONDS).portal()).isEqualTo(Portal.II);
    assertThat(second.account(CUSTOMER).getAsync().get(10, SECONDS).portal()).isEqualTo(Portal.II);
    List<Thread> shared = settleThreadsNotIn(before);
    assertThat(namesOf(shared)).as("at most one timer, shared by both").filteredOn(name -> name.startsWith("settle-timer-"))
        .hasSizeLessThanOrEqualTo(1);

    first.close();
    assertThat(second.account(CUSTOMER).get().portal()).isEqualTo(Portal.II);
    assertThat(second.account(CUSTOMER).getAsync().get(10, SECONDS).portal()).isEqualTo(Portal.II);
    assertThatThrownBy(() -> first.account(CUSTOMER).get()).isInstanceOf(ClientClosedException.class);
    assertThat(shared).as("threads still serving the second client").allMatch(Thread::isAlive);

    second.close();
    assertThat(stillAlive(shared)).as("threads left after the last close").isEmpty();
    assertThat(settleThreadsNotIn(before)).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void anOkHttpClientHandedInIsLeftAsItWas() throws Exception {
    server.enqueue(json(200, ACCOUNT));
    server.enqueue(json(200, ACCOUNT));
    OkHttpClient own = new OkHttpClient();
    try {
      SettleClient settle = MockServer.builder(server).okHttpClient(own).build();
      Account account = settle.account(CUSTOMER).getAsync().get(10, SECONDS);
      settle.close();

      assertThat(account.portal()).isEqualTo(Portal.II);
      assertThat(own.dispatcher().executorService().isShutdown()).isFalse();
      assertThat(own.connectionPool().connectionCount()).as("the idle connection Settle left in the pool").isOne();
      try (Response response = own.newCall(new Request.Builder().url(server.url("/v1/accounts/200001")).build())
          .execute()) {
        assertThat(response.code()).isEqualTo(200);
      }
      assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + MockServer.API_KEY);
      assertThat(server.takeRequest().getHeaders().get("Authorization")).as("the application's own call").isNull();
    } finally {
      own.dispatcher().executorService().shutdown();
      own.connectionPool().evictAll();
    }
  }

  @Test
  void theEventListenerOfAClientHandedInHearsSettlesCalls() throws Exception {
    server.enqueue(json(200, ACCOUNT));
    List<String> heard = new CopyOnWriteArrayList<>();
    OkHttpClient own = new OkHttpClient.Builder().eventListener(new EventListener() {
      @Override
      public void callStart(Call call) {
        heard.add("callStart " + call.request().url().encodedPath());
      }

      @Override
      public void requestHeadersStart(Call call) {
        heard.add("requestHeadersStart");
      }

      @Override
      public void callEnd(Call call) {
        heard.add("callEnd");
      }
    }).build();
    try (SettleClient settle = MockServer.builder(server).okHttpClient(own).build()) {
      assertThat(settle.account(CUSTOMER).get().portal()).isEqualTo(Portal.II);
    } finally {
      own.dispatcher().executorService().shutdown();
      own.connectionPool().evictAll();
    }

    assertThat(heard).containsExactly("callStart /v1/accounts/200001", "requestHeadersStart", "callEnd");
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + MockServer.API_KEY);
  }

  private static List<Thread> settleThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("settle-")).toList();
  }

  private static List<Thread> settleThreadsNotIn(Set<Thread> before) {
    return settleThreads().stream().filter(thread -> !before.contains(thread)).toList();
  }

  private static List<String> okHttpThreads() {
    return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
        .filter(name -> name.startsWith("OkHttp") || name.startsWith("Okio")).sorted().toList();
  }

  private static List<String> namesOf(Collection<Thread> threads) {
    return threads.stream().map(Thread::getName).toList();
  }

  /** Waits for {@code threads} to end, up to a deadline; the names of those still alive. */
  private static List<String> stillAlive(Collection<Thread> threads) throws InterruptedException {
    long deadline = System.nanoTime() + THREADS_END_WITHIN.toNanos();
    for (Thread thread : threads) {
      thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    }
    return threads.stream().filter(Thread::isAlive).map(Thread::getName).toList();
  }
}
