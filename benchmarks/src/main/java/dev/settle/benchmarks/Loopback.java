package dev.settle.benchmarks;

import dev.settle.AccountClient;
import dev.settle.SettleClient;
import dev.settle.model.Account;
import dev.settle.model.CustomerId;
import dev.settle.model.Invoice;
import dev.settle.model.InvoiceId;
import dev.settle.model.Payment;
import java.io.IOException;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One loopback server in its own process ({@link ServerProcess}) and, sharing it, one
 * {@link SettleClient} and one {@link RawClient}, for the whole trial and all benchmark threads:
 * the clients are built once, as users are told to, and closed at the end.
 *
 * <p>The operations below are the only code the latency and throughput benchmarks run, so both
 * measure exactly the same thing.
 */
@State(Scope.Benchmark)
public class Loopback {
  /** Handler threads of the loopback server: enough for 32 client threads on two cores. */
  static final int SERVER_THREADS = 8;

  ServerProcess server;
  SettleClient settle;
  AccountClient account;
  InvoiceId invoice;
  RawClient raw;

  @Setup(Level.Trial)
  public void start() {
    server = ServerProcess.start(SERVER_THREADS);
    settle = SettleClient.builder().baseUrl(server.baseUrl()).apiKey(Fixtures.API_KEY).build();
    account = settle.account(CustomerId.of(Fixtures.CUSTOMER_ID));
    invoice = InvoiceId.of(Fixtures.INVOICE_ID);
    raw = new RawClient(server.baseUrl(), Fixtures.API_KEY);
  }

  @TearDown(Level.Trial)
  public void stop() {
    settle.close();
    raw.close();
    server.close();
  }

  Account settleGetAccount() {
    return account.get();
  }

  RawClient.Account rawGetAccount() throws IOException {
    return raw.account(Fixtures.CUSTOMER_ID);
  }

  /** The first page of 100 invoices; the page says it is the last, so this is one request. */
  int settleListInvoices(Blackhole blackhole) {
    int count = 0;
    for (Invoice invoice : account.invoices().list(q -> q.pageSize(Fixtures.PAGE_SIZE))) {
      blackhole.consume(invoice);
      count++;
    }
    return count;
  }

  int rawListInvoices(Blackhole blackhole) throws IOException {
    int count = 0;
    for (RawClient.Invoice invoice : raw.invoices(Fixtures.CUSTOMER_ID, Fixtures.PAGE_SIZE).data()) {
      blackhole.consume(invoice);
      count++;
    }
    return count;
  }

  Payment settlePay() {
    return account.invoices().pay(invoice);
  }

  RawClient.Payment rawPay() throws IOException {
    return raw.pay(Fixtures.CUSTOMER_ID, Fixtures.INVOICE_ID);
  }

  /** {@link #settleGetAccount()} through its {@code …Async} form, waited for. */
  Account settleGetAccountAsync() {
    return account.getAsync().join();
  }

  RawClient.Account rawGetAccountAsync() {
    return raw.accountAsync(Fixtures.CUSTOMER_ID).join();
  }

  Payment settlePayAsync() {
    return account.invoices().payAsync(invoice).join();
  }

  RawClient.Payment rawPayAsync() {
    return raw.payAsync(Fixtures.CUSTOMER_ID, Fixtures.INVOICE_ID).join();
  }
}
