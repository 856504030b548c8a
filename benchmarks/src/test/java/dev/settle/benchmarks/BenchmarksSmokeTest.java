package dev.settle.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.card.Card;
import dev.settle.model.Account;
import dev.settle.model.Invoice;
import dev.settle.model.InvoiceLine;
import dev.settle.model.LicenseId;
import dev.settle.model.Payment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Runs each benchmark method once (not JMH): both sides must meet the same server (in its own
 * process) with the same headers, make one request per call, and decode the canned bytes to
 * equivalent values. The mains run once with tiny numbers, so that they cannot rot.
 */
class BenchmarksSmokeTest {
  private static final Blackhole BLACKHOLE = new Blackhole(
      "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
  private static Loopback loopback;

  @BeforeAll
  static void start() {
    loopback = new Loopback();
    loopback.start();
    loopback.server.recordHeaders();
  }

  @AfterAll
  static void stop() {
    loopback.stop();
  }

  @Test
  void accountIsTheSameBothWays() throws Exception {
    Latency latency = new Latency();
    Account settle = latency.getAccount_settle(loopback);
    Map<String, String> settleHeaders = loopback.server.lastHeaders();
    RawClient.Account raw = (RawClient.Account) latency.getAccount_raw(loopback);
    Map<String, String> rawHeaders = loopback.server.lastHeaders();

    assertThat(settle.customerId().value()).isEqualTo(raw.customerId());
    assertThat(settle.portal().name()).isEqualTo(raw.portal().name());
    assertThat(settle.name()).isEqualTo(raw.name());
    assertThat(settle.email()).contains(raw.email());
    assertThat(settle.currency().getCurrencyCode()).isEqualTo(raw.currency());
    assertThat(settle.createdAt()).isEqualTo(raw.createdAt());
    Card card = (Card) settle.preferredPaymentMethod().orElseThrow().details();
    assertThat(card.lastFour()).isEqualTo(raw.preferredPaymentMethod().card().last4());
    assertThat(card.expiry().getYear()).isEqualTo(raw.preferredPaymentMethod().card().expYear());

    for (String header : List.of("authorization", "settle-version")) {
      assertThat(settleHeaders.get(header)).isNotNull().isEqualTo(rawHeaders.get(header));
    }
    assertThat(loopback.server.count("GET /v1/accounts/200001")).isEqualTo(2);
  }

  @Test
  void listIsOneRequestOfOneHundredEquivalentInvoices() throws Exception {
    Latency latency = new Latency();
    String route = "GET /v1/accounts/200001/invoices";
    long before = loopback.server.count(route);
    assertThat(latency.listInvoices_settle(loopback, BLACKHOLE)).isEqualTo(100);
    assertThat(loopback.server.count(route) - before).isEqualTo(1);
    assertThat(latency.listInvoices_raw(loopback, BLACKHOLE)).isEqualTo(100);
    assertThat(loopback.server.count(route) - before).isEqualTo(2);

    Decoding decoding = new Decoding();
    decoding.setUp();
    assertThat(decoding.invoicePage_settle(BLACKHOLE)).isEqualTo(100);
    assertThat(decoding.invoicePage_raw(BLACKHOLE)).isEqualTo(100);
    List<Invoice> settle = new ArrayList<>();
    loopback.account.invoices().list(q -> q.pageSize(100)).forEach(settle::add);
    List<RawClient.Invoice> raw = loopback.raw.invoices("200001", 100).data();
    assertThat(settle).hasSize(100);
    assertThat(raw).hasSize(100);
    for (int i = 0; i < 100; i++) {
      Invoice s = settle.get(i);
      RawClient.Invoice r = raw.get(i);
      assertThat(s.id().value()).isEqualTo(r.id());
      assertThat(s.number()).isEqualTo(r.number());
      assertThat(s.status().name()).isEqualTo(r.status().name());
      assertThat(s.total().minorUnits()).isEqualTo(r.total());
      assertThat(s.amountDue().minorUnits()).isEqualTo(r.amountDue());
      assertThat(s.amountPaid().minorUnits()).isEqualTo(r.amountPaid());
      assertThat(s.total().currency().getCurrencyCode()).isEqualTo(r.currency());
      assertThat(s.issuedAt()).isEqualTo(r.issuedAt());
      assertThat(s.dueAt()).isEqualTo(r.dueAt());
      assertThat(s.paidAt().orElse(null)).isEqualTo(r.paidAt());
      assertThat(s.payee().iban()).isEqualTo(r.payee().iban());
      assertThat(s.paymentReference()).isEqualTo(r.paymentReference());
      assertThat(s.lines()).hasSameSizeAs(r.lines());
      for (int j = 0; j < s.lines().size(); j++) {
        InvoiceLine line = s.lines().get(j);
        assertThat(line.description()).isEqualTo(r.lines().get(j).description());
        assertThat(line.amount().minorUnits()).isEqualTo(r.lines().get(j).amount());
        assertThat(line.licenseId().map(LicenseId::value).orElse(null))
            .isEqualTo(r.lines().get(j).licenseId());
      }
    }
  }

  @Test
  void payCarriesAnIdempotencyKeyBothWays() throws Exception {
    Latency latency = new Latency();
    Payment settle = latency.payInvoice_settle(loopback);
    Map<String, String> settleHeaders = loopback.server.lastHeaders();
    RawClient.Payment raw = (RawClient.Payment) latency.payInvoice_raw(loopback);
    Map<String, String> rawHeaders = loopback.server.lastHeaders();

    assertThat(settle.id().value()).isEqualTo(raw.id());
    assertThat(settle.status().name()).isEqualTo(raw.status().name());
    assertThat(settle.amount().minorUnits()).isEqualTo(raw.amount());
    assertThat(settle.createdAt()).isEqualTo(raw.createdAt());
    assertThat(settleHeaders.get("idempotency-key")).isNotBlank();
    assertThat(rawHeaders.get("idempotency-key")).isNotBlank()
        .isNotEqualTo(settleHeaders.get("idempotency-key"));
    assertThat(settleHeaders.get("content-type").toLowerCase(Locale.ROOT))
        .startsWith("application/json");
    assertThat(rawHeaders.get("content-type").toLowerCase(Locale.ROOT))
        .startsWith("application/json");
  }

  @Test
  void sandboxAnswersAReadAndAPay() throws Exception {
    SandboxThroughput.Sandbox sandbox = new SandboxThroughput.Sandbox();
    sandbox.start();
    try {
      sandbox.invoices = new String[] {sandbox.sandbox.createInvoice("200001", 4900, "Smoke")};
      SandboxThroughput benchmark = new SandboxThroughput.T01();
      assertThat(benchmark.read(sandbox)).isPositive();
      assertThat(benchmark.pay(sandbox)).isPositive();
    } finally {
      sandbox.stop();
    }
  }

  @Test
  void asyncFormsMakeTheSameRequests() throws Exception {
    String account = "GET /v1/accounts/200001";
    String pay = "POST /v1/accounts/200001/invoices/{id}/pay";
    long accounts = loopback.server.count(account);
    long payments = loopback.server.count(pay);

    assertThat(loopback.settleGetAccountAsync().customerId().value()).isEqualTo("200001");
    assertThat(loopback.rawGetAccountAsync().customerId()).isEqualTo("200001");
    assertThat(loopback.settlePayAsync().id().value()).isEqualTo(loopback.rawPayAsync().id());

    assertThat(loopback.server.count(account) - accounts).isEqualTo(2);
    assertThat(loopback.server.count(pay) - payments).isEqualTo(2);
  }

  @Test
  void asyncCallsBeyondTheLimitQueueAndAllAreServed() throws Exception {
    String route = "GET /v1/accounts/200001";
    long before = loopback.server.count(route);
    loopback.server.latency(Duration.ofMillis(30));
    Concurrency.Burst burst;
    try {
      burst = Concurrency.burst(loopback.server, Concurrency.Mode.ASYNC, 4, 2, null);
    } finally {
      loopback.server.latency(Duration.ZERO);
    }

    assertThat(loopback.server.count(route) - before).isEqualTo(4);
    assertThat(burst.failures()).isZero();
    // Two waves of two behind a limit of 2: the second wave waited for the first's answers.
    assertThat(burst.millis()).isGreaterThanOrEqualTo(60);
    assertThat(burst.maxQueuedMillis()).isGreaterThanOrEqualTo(30);
  }

  @Test
  void blockingCallsFromPlatformThreadsAreAllServed() throws Exception {
    String route = "GET /v1/accounts/200001";
    long before = loopback.server.count(route);

    Concurrency.Burst burst = Concurrency.burst(loopback.server, Concurrency.Mode.PLATFORM, 5, 2, null);

    assertThat(loopback.server.count(route) - before).isEqualTo(5);
    assertThat(burst.failures()).isZero();
    assertThat(burst.peakThreads()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void concurrencyMainPrintsARowPerModeLatencyAndCount() throws Exception {
    String out = printed(() -> Concurrency.main(new String[] {
        "--calls", "1,3", "--latencies", "0,5", "--rounds", "1", "--limit", "2", "--modes", "async,platform"}));

    List<String> rows = out.lines().filter(line -> line.startsWith("| async |") || line.startsWith("| platform |"))
        .collect(Collectors.toList());
    assertThat(rows).hasSize(8);
    // The failed column of every row is 0; the 5 ms rows have an ideal and a ratio to it.
    assertThat(rows).allSatisfy(row -> assertThat(row.split("\\|")[9].trim()).isEqualTo("0"));
    assertThat(rows).filteredOn(row -> row.startsWith("| async | 3 | 5 | 8 |")).hasSize(1);
  }

  @Test
  void clientCostMainPrintsTheCallerAndWholeJvmTables() throws Exception {
    String out = printed(() -> ClientCost.main(new String[] {"1", "0", "0.01"}));

    assertThat(out).contains("CPU and allocation of the calling thread", "CPU of the whole client JVM",
        "Who spent the client JVM's CPU");
    for (String operation : List.of("getAccount", "listInvoices", "payInvoice", "getAccount async", "payInvoice async")) {
      assertThat(out).contains("| " + operation + " | settle |", "| " + operation + " | raw |");
    }
  }

  @Test
  void jvmCpuChargesAThreadToTheGroupItsNameSays() throws Exception {
    assertThat(JvmCpu.group("settle-dispatch")).isEqualTo(JvmCpu.Group.DISPATCHER);
    assertThat(JvmCpu.group("OkHttp Dispatch")).isEqualTo(JvmCpu.Group.DISPATCHER);
    assertThat(JvmCpu.group("OkHttp TaskRunn")).isEqualTo(JvmCpu.Group.TASK_RUNNER);
    assertThat(JvmCpu.group("OkHttp Connecti")).isEqualTo(JvmCpu.Group.TASK_RUNNER);
    assertThat(JvmCpu.group("Okio Watchdog")).isEqualTo(JvmCpu.Group.WATCHDOG);
    assertThat(JvmCpu.group("C2 CompilerThre")).isEqualTo(JvmCpu.Group.JIT);
    assertThat(JvmCpu.group("GC Thread#0")).isEqualTo(JvmCpu.Group.GC);
    assertThat(JvmCpu.group("Signal Dispatch")).isEqualTo(JvmCpu.Group.REST);

    CountDownLatch spun = new CountDownLatch(1);
    CountDownLatch measured = new CountDownLatch(1);
    Thread timer = new Thread(() -> {
      java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
      long spin = 0;
      while (threads.getCurrentThreadCpuTime() < 50_000_000L) {
        spin++;
      }
      BLACKHOLE.consume(spin);
      spun.countDown();
      try {
        measured.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "settle-timer-test");
    JvmCpu.Snapshot before = JvmCpu.take();
    timer.start();
    spun.await();
    JvmCpu.Snapshot after = JvmCpu.take();
    measured.countDown();
    timer.join();

    long[] spent = JvmCpu.between(before, after, JvmCpu.currentTid());
    // Read from /proc where there is one (Linux); elsewhere all of it is "rest".
    JvmCpu.Group charged = after.nanos().isEmpty() ? JvmCpu.Group.REST : JvmCpu.Group.TIMER;
    assertThat(spent[charged.ordinal()]).isGreaterThanOrEqualTo(50_000_000L);
    assertThat(Arrays.stream(spent).sum()).isGreaterThanOrEqualTo(spent[charged.ordinal()]);
  }

  private interface Main {
    void run() throws Exception;
  }

  private static String printed(Main main) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      main.run();
    } finally {
      System.setOut(original);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
