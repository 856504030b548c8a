package dev.settle.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The client's own cost per call, Settle against raw, on the same loopback server (in its own
 * process) as the JMH benchmarks: CPU time and bytes allocated on the calling thread, and CPU
 * time of the whole JVM, all threads, with who spent it.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.settle.benchmarks.ClientCost [blocks] [warm-up s] [scale]
 * </pre>
 *
 * <p>The calling thread's CPU is the least noisy measure on a busy machine: waiting for a core
 * does not inflate it, and all of a blocking OkHttp call runs there. The whole JVM's adds what
 * runs elsewhere for each call: the dispatcher of an {@code …Async} call, the connection pool's
 * cleanup, the timeouts' watchdog, Settle's timer, the collector. The server's CPU per call is
 * printed beside it; it is the same bytes for both sides and charged to neither.
 *
 * <p>After {@code warm-up} seconds per side and operation (5), it runs {@code blocks} blocks (21)
 * of calls, alternating Settle and raw, and takes each block's ratio; the tables give the median
 * block ratio with the 95% confidence interval of the median, and the median per-call figures.
 * {@code scale} (1) multiplies the calls per block.
 */
public final class ClientCost {
  private ClientCost() {}

  interface Op {
    Object call() throws Exception;
  }

  private static final String[] NAMES = {"getAccount", "listInvoices", "payInvoice", "getAccount async",
      "payInvoice async"};
  private static final int[] PER_BLOCK = {400, 60, 400, 400, 400};
  private static final String[] SIDES = {"settle", "raw"};

  /** One side's blocks of one operation. */
  private static final class Side {
    final double[] caller;
    final double[] bytes;
    final double[] jvm;
    final double[] server;
    final long[] groups = new long[JvmCpu.Group.values().length];
    long calls;

    Side(int blocks) {
      caller = new double[blocks];
      bytes = new double[blocks];
      jvm = new double[blocks];
      server = new double[blocks];
    }
  }

  public static void main(String[] args) throws Exception {
    int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 21;
    double warmUp = args.length > 1 ? Double.parseDouble(args[1]) : 5;
    double scale = args.length > 2 ? Double.parseDouble(args[2]) : 1;
    Blackhole blackhole = new Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    double loadBefore = JvmCpu.loadAverage();
    Loopback loopback = new Loopback();
    loopback.start();
    Side[][] results = new Side[NAMES.length][];
    try {
      Op[][] ops = {
          {loopback::settleGetAccount, loopback::rawGetAccount},
          {() -> loopback.settleListInvoices(blackhole), () -> loopback.rawListInvoices(blackhole)},
          {loopback::settlePay, loopback::rawPay},
          {loopback::settleGetAccountAsync, loopback::rawGetAccountAsync},
          {loopback::settlePayAsync, loopback::rawPayAsync}};
      for (int o = 0; o < ops.length; o++) {
        for (Op op : ops[o]) {
          long end = System.nanoTime() + (long) (warmUp * 1e9);
          do {
            blackhole.consume(op.call());
          } while (System.nanoTime() < end);
        }
        int calls = Math.max(1, (int) Math.round(PER_BLOCK[o] * scale));
        results[o] = new Side[] {new Side(blocks), new Side(blocks)};
        for (int b = 0; b < blocks; b++) {
          for (int k = 0; k < 2; k++) {
            int side = (b + k) % 2;
            block(ops[o][side], calls, results[o][side], b, loopback.server, blackhole);
          }
        }
      }
    } finally {
      loopback.stop();
    }
    System.out.printf(Locale.ROOT, "%d alternating blocks per operation; load average %.1f before, %.1f after%n%n",
        blocks, loadBefore, JvmCpu.loadAverage());
    printCaller(results);
    printJvm(results);
    printGroups(results);
  }

  /** One block of {@code calls} calls, its figures per call stored at {@code b}. */
  private static void block(Op op, int calls, Side into, int b, ServerProcess server, Blackhole blackhole)
      throws Exception {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    String tid = JvmCpu.currentTid();
    long server0 = server.cpuNanos();
    JvmCpu.Snapshot before = JvmCpu.take();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long bytes0 = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < calls; i++) {
      blackhole.consume(op.call());
    }
    long bytes1 = threads.getThreadAllocatedBytes(id);
    long cpu1 = threads.getCurrentThreadCpuTime();
    JvmCpu.Snapshot after = JvmCpu.take();
    long server1 = server.cpuNanos();
    long[] spent = JvmCpu.between(before, after, tid);
    // The snapshots themselves ran on the calling thread: count only the calls' window there.
    spent[JvmCpu.Group.CALLER.ordinal()] = cpu1 - cpu0;
    into.caller[b] = (cpu1 - cpu0) / 1e3 / calls;
    into.bytes[b] = (double) (bytes1 - bytes0) / calls;
    into.jvm[b] = Arrays.stream(spent).sum() / 1e3 / calls;
    into.server[b] = (server1 - server0) / 1e3 / calls;
    for (int g = 0; g < spent.length; g++) {
      into.groups[g] += spent[g];
    }
    into.calls += calls;
  }

  private static void printCaller(Side[][] results) {
    printRatios(results, "CPU and allocation of the calling thread\n",
        "| operation | settle CPU µs/call | raw CPU µs/call | settle/raw CPU (95% CI) | settle B/call | raw B/call | settle − raw B/call |",
        "calling-thread", side -> side.caller,
        (settle, raw) -> String.format(Locale.ROOT, "%,.0f | %,.0f | %,.0f", Stats.median(settle.bytes),
            Stats.median(raw.bytes), Stats.median(settle.bytes) - Stats.median(raw.bytes)));
  }

  private static void printJvm(Side[][] results) {
    printRatios(results, "\nCPU of the whole client JVM, all threads; the server's, in its own process, beside it\n",
        "| operation | settle JVM CPU µs/call | raw JVM CPU µs/call | settle/raw (95% CI) | settle − raw µs/call | server CPU µs/call (settle's calls / raw's) |",
        "whole-JVM", side -> side.jvm,
        (settle, raw) -> String.format(Locale.ROOT, "%.1f | %.1f / %.1f", Stats.median(settle.jvm) - Stats.median(raw.jvm),
            Stats.median(settle.server), Stats.median(raw.server)));
  }

  /** A table of per-call medians and the median block ratio of {@code measure}, then {@code more}. */
  private static void printRatios(Side[][] results, String title, String header, String name,
      Function<Side, double[]> measure, BiFunction<Side, Side, String> more) {
    System.out.println(title);
    System.out.println(header);
    long columns = header.chars().filter(c -> c == '|').count() - 1;
    System.out.println("| ---" + " | ---:".repeat((int) columns - 1) + " |");
    for (int o = 0; o < NAMES.length; o++) {
      Side settle = results[o][0];
      Side raw = results[o][1];
      double[] ratios = ratios(measure.apply(settle), measure.apply(raw));
      double[] ci = Stats.medianInterval(ratios);
      System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.3f (%.3f – %.3f) | %s |%n", NAMES[o],
          Stats.median(measure.apply(settle)), Stats.median(measure.apply(raw)), Stats.median(ratios), ci[0], ci[1],
          more.apply(settle, raw));
      System.err.println(NAMES[o] + " " + name + " ratios: " + Stats.list(ratios, " "));
    }
  }

  private static void printGroups(Side[][] results) {
    System.out.println("\nWho spent the client JVM's CPU: µs per call, all blocks together\n");
    StringBuilder header = new StringBuilder("| operation | side |");
    StringBuilder rule = new StringBuilder("| --- | --- |");
    for (JvmCpu.Group group : JvmCpu.Group.values()) {
      header.append(' ').append(group.label).append(" |");
      rule.append(" ---: |");
    }
    System.out.println(header.append(" whole JVM |"));
    System.out.println(rule.append(" ---: |"));
    for (int o = 0; o < NAMES.length; o++) {
      for (int s = 0; s < 2; s++) {
        Side side = results[o][s];
        StringBuilder row = new StringBuilder("| " + NAMES[o] + " | " + SIDES[s] + " |");
        long total = 0;
        for (long spent : side.groups) {
          row.append(String.format(Locale.ROOT, " %.1f |", spent / 1e3 / side.calls));
          total += spent;
        }
        System.out.println(row.append(String.format(Locale.ROOT, " %.1f |", total / 1e3 / side.calls)));
      }
    }
  }

  private static double[] ratios(double[] settle, double[] raw) {
    double[] ratios = new double[settle.length];
    for (int b = 0; b < ratios.length; b++) {
      ratios[b] = settle[b] / raw[b];
    }
    return ratios;
  }
}
