package dev.settle.benchmarks;

import dev.settle.model.Account;
import dev.settle.model.Payment;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Time per call, one thread, Settle against raw OkHttp + Moshi on the same loopback server: read
 * the account, list one page of 100 invoices, pay an invoice. Each {@code _settle} method has a
 * {@code _raw} twin making the same request and decoding to equivalent objects.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class Latency {

  @Benchmark
  public Account getAccount_settle(Loopback loopback) {
    return loopback.settleGetAccount();
  }

  @Benchmark
  public Object getAccount_raw(Loopback loopback) throws IOException {
    return loopback.rawGetAccount();
  }

  @Benchmark
  public int listInvoices_settle(Loopback loopback, Blackhole blackhole) {
    return loopback.settleListInvoices(blackhole);
  }

  @Benchmark
  public int listInvoices_raw(Loopback loopback, Blackhole blackhole) throws IOException {
    return loopback.rawListInvoices(blackhole);
  }

  @Benchmark
  public Payment payInvoice_settle(Loopback loopback) {
    return loopback.settlePay();
  }

  @Benchmark
  public Object payInvoice_raw(Loopback loopback) throws IOException {
    return loopback.rawPay();
  }
}
