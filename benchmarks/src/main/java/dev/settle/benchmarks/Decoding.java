package dev.settle.benchmarks;

import dev.settle.AccountClient;
import dev.settle.SettleClient;
import dev.settle.model.CustomerId;
import dev.settle.model.Invoice;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding one page of 100 invoices from bytes, with no socket: Settle's decoding (its streaming
 * adapters straight into the public model, then its pager) against raw Moshi into Java records.
 *
 * <p>Both sides are the same clients as elsewhere, listing the first page, but their shared
 * OkHttp client carries an interceptor that answers at once with the canned bytes, so nothing
 * but each client's own work is timed: building the call, reading the body, mapping. With 100
 * invoices the decoding is nearly all of it. Only public API is used, so the benchmark measures
 * what a user gets and does not break when core's internals move.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class Decoding {
  private static final MediaType JSON = MediaType.get("application/json");
  /** Never connected to: the interceptor answers first. */
  private static final URI NOWHERE = URI.create("http://127.0.0.1:9/");

  SettleClient client;
  AccountClient settle;
  RawClient raw;

  @Setup(Level.Trial)
  public void setUp() {
    Interceptor canned = chain -> new Response.Builder()
        .request(chain.request())
        .protocol(Protocol.HTTP_1_1)
        .code(200)
        .message("OK")
        .header("Content-Type", "application/json")
        .body(ResponseBody.create(Fixtures.INVOICE_PAGE, JSON))
        .build();
    OkHttpClient inMemory = new OkHttpClient.Builder().addInterceptor(canned).build();
    client = SettleClient.builder().baseUrl(NOWHERE).apiKey(Fixtures.API_KEY).okHttpClient(inMemory).build();
    settle = client.account(CustomerId.of(Fixtures.CUSTOMER_ID));
    raw = new RawClient(inMemory, NOWHERE, Fixtures.API_KEY);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    client.close();
  }

  @Benchmark
  public int invoicePage_settle(Blackhole blackhole) {
    int count = 0;
    for (Invoice invoice : settle.invoices().list(q -> q.pageSize(Fixtures.PAGE_SIZE))) {
      blackhole.consume(invoice);
      count++;
    }
    return count;
  }

  @Benchmark
  public int invoicePage_raw(Blackhole blackhole) throws IOException {
    int count = 0;
    for (RawClient.Invoice invoice : raw.invoices(Fixtures.CUSTOMER_ID, Fixtures.PAGE_SIZE).data()) {
      blackhole.consume(invoice);
      count++;
    }
    return count;
  }
}
