package dev.settle.benchmarks;

import dev.settle.sandbox.SettleSandbox;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
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

/**
 * The sandbox server's own requests per second on loopback, through a plain OkHttp client (no
 * Settle, no decoding) so that the server is what is measured: a read ({@code GET} of a demo
 * account) and a payment ({@code POST …/pay} with a fresh idempotency key, each on its own open
 * invoice, charged to the account's preferred card). With 1 and 8 client threads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class SandboxThroughput {
  static final String CUSTOMER = "200001";
  private static final MediaType JSON = MediaType.get("application/json");
  /** More open invoices than one 2-second iteration can pay; checked, never silently reused. */
  static final int INVOICES_PER_ITERATION = 60_000;

  @State(Scope.Benchmark)
  public static class Sandbox {
    SettleSandbox sandbox;
    OkHttpClient http;
    HttpUrl account;
    String authorization;
    String[] invoices;
    final AtomicInteger next = new AtomicInteger();

    @Setup(Level.Trial)
    public void start() {
      sandbox = SettleSandbox.builder().port(0).build().start();
      http = new OkHttpClient();
      account = HttpUrl.get(sandbox.baseUrl().toString()).newBuilder()
          .addPathSegments("v1/accounts").addPathSegment(CUSTOMER).build();
      authorization = "Bearer " + sandbox.apiKey();
    }

    /** Demo data back (keys and payments forgotten), then a fresh stock of open invoices. */
    @Setup(Level.Iteration)
    public void openInvoices() {
      sandbox.reset();
      invoices = new String[INVOICES_PER_ITERATION];
      for (int i = 0; i < invoices.length; i++) {
        invoices[i] = sandbox.createInvoice(CUSTOMER, 4900, "Benchmark seat");
      }
      next.set(0);
    }

    @TearDown(Level.Trial)
    public void stop() {
      sandbox.close();
    }

    Request.Builder request(HttpUrl url) {
      return new Request.Builder().url(url)
          .header("Authorization", authorization)
          .header("Settle-Version", Fixtures.API_VERSION);
    }

    int read() throws IOException {
      return status(request(account).get().build());
    }

    int pay() throws IOException {
      int index = next.getAndIncrement();
      if (index >= invoices.length) {
        throw new IllegalStateException("Out of open invoices: raise INVOICES_PER_ITERATION");
      }
      HttpUrl url = account.newBuilder().addPathSegment("invoices").addPathSegment(invoices[index])
          .addPathSegment("pay").build();
      return status(request(url).header("Idempotency-Key", UUID.randomUUID().toString())
          .post(RequestBody.create("{}", JSON)).build());
    }

    private int status(Request request) throws IOException {
      try (Response response = http.newCall(request).execute()) {
        String body = response.body().string();
        if (response.code() != 200) {
          throw new IOException("HTTP " + response.code() + " for " + request.url().encodedPath()
              + ": " + body);
        }
        return body.length();
      }
    }
  }

  @Benchmark
  public int read(Sandbox sandbox) throws IOException {
    return sandbox.read();
  }

  @Benchmark
  public int pay(Sandbox sandbox) throws IOException {
    return sandbox.pay();
  }

  @Threads(1)
  public static class T01 extends SandboxThroughput {}

  @Threads(8)
  public static class T08 extends SandboxThroughput {}
}
