package dev.settle.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Calls per second with 1, 8 and 32 threads sharing one client (one {@link Loopback} state),
 * Settle against raw. The thread counts are the nested classes, so one run measures all three.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class Throughput extends LoopbackCalls {
  @Threads(1)
  public static class T01 extends Throughput {}

  @Threads(8)
  public static class T08 extends Throughput {}

  @Threads(32)
  public static class T32 extends Throughput {}
}
