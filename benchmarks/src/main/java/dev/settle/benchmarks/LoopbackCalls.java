package dev.settle.benchmarks;

import dev.settle.model.Account;
import dev.settle.model.Payment;
import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The six calls that {@link Latency} and {@link Throughput} time, each {@code _settle} method with
 * a {@code _raw} twin making the same request and decoding to equivalent objects. The subclasses
 * say how they are timed; JMH generates the benchmarks for each of them.
 */
public abstract class LoopbackCalls {

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
