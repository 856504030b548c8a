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
 * Calls per second with 1, 8 and 32 threads sharing one client (one {@link Loopback} state),
 * Settle against raw. The thread counts are the nested classes, so one run measures all three.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class Throughput {

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

  @Threads(1)
  public static class T01 extends Throughput {}

  @Threads(8)
  public static class T08 extends Throughput {}

  @Threads(32)
  public static class T32 extends Throughput {}
}
