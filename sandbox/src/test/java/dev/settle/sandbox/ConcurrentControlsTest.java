package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.sandbox.SettleSandbox.Portal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Sixteen threads at once, each a team member of its own: controls (accounts, invoices, clock,
 * transfers, the Java helpers) and API calls (cards, payments) interleaved. Every answer is the
 * right one and the state adds up afterwards.
 */
class ConcurrentControlsTest extends SandboxTestCase {
  private static final int THREADS = 16;
  private static final int ROUNDS = 5;

  @Test
  void controlsAndApiCallsFromSixteenThreadsAtOnce() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<String>>> work = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        work.add(threads.submit(() -> {
          start.await();
          return member(thread);
        }));
      }
      start.countDown();
      List<String> customerIds = new ArrayList<>();
      for (Future<List<String>> each : work) {
        customerIds.addAll(each.get(60, TimeUnit.SECONDS));
      }

      assertThat(customerIds).doesNotHaveDuplicates().hasSize(THREADS * ROUNDS);
      assertThat(http.get("/sandbox/accounts").list("data")).hasSize(4 + THREADS * ROUNDS);
      for (String customerId : customerIds) {
        List<Object> invoices = http.get("/v1/accounts/" + customerId + "/invoices").list("data");
        assertThat(invoices).as(customerId).hasSize(2)
            .allSatisfy(invoice -> assertThat(((java.util.Map<?, ?>) invoice).get("status")).isEqualTo("paid"));
      }
      assertThat(sandbox.transfers()).hasSize(THREADS * ROUNDS)
          .allSatisfy(receipt -> assertThat(receipt.outcome()).isEqualTo(TransferReceipt.Outcome.PAID));
      assertThat(sandbox.clock().instant()).isEqualTo(NOW.plusSeconds(THREADS * ROUNDS * 60L));
    } finally {
      threads.shutdownNow();
    }
  }

  /** One member's rounds: an account, a card, two invoices paid two ways; answers their accounts. */
  private static List<String> member(int thread) {
    List<String> customerIds = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      String name = "Member " + thread + "." + round;
      String customerId = round % 2 == 0
          ? http.postWithoutKey("/sandbox/accounts", "{\"portal\":\"I\",\"name\":\"" + name + "\",\"currency\":\"EUR\"}")
              .string("customer_id")
          : sandbox.createAccount(Portal.I, name, "EUR");
      assertThat(http.get("/v1/accounts/" + customerId).string("name")).isEqualTo(name);

      assertThat(attach(customerId, token("4242424242424242")).get("preferred")).isEqualTo(true);
      Reply card = http.postWithoutKey("/sandbox/accounts/" + customerId + "/invoices",
          "{\"lines\":[{\"description\":\"" + name + "\",\"amount\":" + (1000 + thread) + "}]}");
      Reply paid = http.post("/v1/accounts/" + customerId + "/invoices/" + card.string("id") + "/pay", "{}");
      assertThat(paid.string("status")).isEqualTo("succeeded");
      assertThat(paid.number("amount")).isEqualTo(1000 + thread);

      String transferred = sandbox.createInvoice(customerId, 2000 + round, name + ", by transfer");
      String reference = http.get("/v1/accounts/" + customerId + "/invoices/" + transferred).string("payment_reference");
      Reply receipt = http.postWithoutKey("/sandbox/transfers",
          "{\"amount\":" + (2000 + round) + ",\"currency\":\"EUR\",\"reference\":\"" + reference + "\"}");
      assertThat(receipt.string("invoice_id")).isEqualTo(transferred);
      assertThat(receipt.string("outcome")).isEqualTo("paid");

      assertThat(http.postWithoutKey("/sandbox/clock/advance", "{\"seconds\":60}").status()).isEqualTo(200);
      assertThat(http.get("/sandbox/dashboard").body()).contains(customerId);
      customerIds.add(customerId);
    }
    return customerIds;
  }
}
