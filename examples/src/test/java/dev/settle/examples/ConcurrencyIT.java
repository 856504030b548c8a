package dev.settle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.AccountClient;
import dev.settle.RequestOptions;
import dev.settle.RetryPolicy;
import dev.settle.SettleClient;
import dev.settle.model.CustomerId;
import dev.settle.model.InvoiceId;
import dev.settle.model.InvoiceStatus;
import dev.settle.model.Payment;
import dev.settle.model.PaymentMethod;
import dev.settle.model.PaymentStatus;
import dev.settle.sandbox.SettleSandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One client shared by 32 threads doing mixed operations at once: reads, adds, and payments of
 * the same invoices by two threads each with the same key. Every result must be right and every
 * invoice charged exactly once.
 */
class ConcurrencyIT extends SandboxFixture {
  private static final int THREADS = 32;
  private static final int ACCOUNTS = 8;

  @Test
  void thirtyTwoThreadsShareOneClient() throws Exception {
    List<String> accounts = new ArrayList<>();
    List<String> invoices = new ArrayList<>();
    for (int a = 0; a < ACCOUNTS; a++) {
      String customer = sandbox.createAccount(SettleSandbox.Portal.II, "Concurrent " + a, "EUR");
      accounts.add(customer);
      invoices.add(sandbox.createInvoice(customer, 1000 + a, "Seat " + a));
      invoices.add(sandbox.createInvoice(customer, 2000 + a, "Support " + a));
    }
    // Two threads pay each invoice under one key: the second meets 409 idempotency_key_in_use while
    // the first runs, and waits for it as a real client would, with backoff, not at once.
    SettleClient patient = settle.newBuilder().retryPolicy(RetryPolicy.builder().maxAttempts(20)
        .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(200)).build()).build();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Payment>> results = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      results.add(pool.submit(() -> {
        start.await();
        int invoice = thread % invoices.size();
        String customer = accounts.get(invoice / 2);
        AccountClient account = patient.account(CustomerId.of(customer));
        assertThat(account.get().customerId().value()).isEqualTo(customer);
        account.paymentMethods().add(SandboxErrorsIT.card(thread % 2 == 0 ? "4242424242424242" : "5555555555554444"));
        assertThat(account.invoices().list().stream().count()).isEqualTo(2);
        return account.invoices().pay(InvoiceId.of(invoices.get(invoice)),
            RequestOptions.builder().idempotencyKey("order-" + invoices.get(invoice)).build());
      }));
    }
    start.countDown();
    List<Payment> payments = new ArrayList<>();
    for (Future<Payment> result : results) {
      payments.add(result.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();
    patient.close();

    assertThat(payments).allSatisfy(p -> assertThat(p.status()).isEqualTo(PaymentStatus.SUCCEEDED));
    for (int i = 0; i < invoices.size(); i++) {
      InvoiceId invoice = InvoiceId.of(invoices.get(i));
      AccountClient account = settle.account(CustomerId.of(accounts.get(i / 2)));
      assertThat(payments.stream().filter(p -> p.invoiceId().equals(invoice)).map(Payment::id).distinct())
          .as("both threads paying %s got the same payment", invoice).hasSize(1);
      assertThat(account.invoices().payments(invoice).stream()
          .filter(p -> p.status() == PaymentStatus.SUCCEEDED)).as("charges of %s", invoice).hasSize(1);
      assertThat(account.invoices().get(invoice).status()).isEqualTo(InvoiceStatus.PAID);
    }
    for (String customer : accounts) {
      List<PaymentMethod> stored = settle.account(CustomerId.of(customer)).paymentMethods().list().stream()
          .collect(Collectors.toList());
      assertThat(stored).hasSize(THREADS / ACCOUNTS);
      assertThat(stored).filteredOn(PaymentMethod::preferred).hasSize(1);
    }
  }
}
