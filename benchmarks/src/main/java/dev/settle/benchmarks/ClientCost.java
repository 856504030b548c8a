package dev.settle.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The client's own cost per call, in CPU time and bytes allocated on the calling thread, Settle
 * against raw, on the same loopback server as the JMH benchmarks. A complement to their wall
 * times for a machine that other work keeps busy: waiting for a core inflates wall time on both
 * sides at random, but not the CPU time the calling thread itself burns. (All of a synchronous
 * OkHttp call runs on the calling thread, so this is all of each client's work; the server's
 * threads are left out.)
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.settle.benchmarks.ClientCost [blocks]
 * </pre>
 *
 * <p>After 5 s of warm-up per side and operation, it runs blocks of calls, alternating Settle
 * and raw, and takes each block's ratio; the table gives the median block ratio with the 95%
 * confidence interval of the median (order statistics), and the median per-call figures.
 */
public final class ClientCost {
  private ClientCost() {}

  interface Op {
    Object call() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 21;
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Blackhole blackhole = new Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    Loopback loopback = new Loopback();
    loopback.start();
    try {
      String[] names = {"getAccount", "listInvoices", "payInvoice"};
      Op[][] ops = {
          {loopback::settleGetAccount, loopback::rawGetAccount},
          {() -> loopback.settleListInvoices(blackhole), () -> loopback.rawListInvoices(blackhole)},
          {loopback::settlePay, loopback::rawPay}};
      int[] perBlock = {400, 60, 400};
      System.out.printf(Locale.ROOT, "%d alternating blocks per operation; CPU and allocation of the calling thread%n%n", blocks);
      System.out.println("| operation | settle CPU µs/call | raw CPU µs/call | settle/raw CPU (95% CI) | settle B/call | raw B/call | settle − raw B/call |");
      System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
      for (int o = 0; o < ops.length; o++) {
        for (Op op : ops[o]) {
          long end = System.nanoTime() + 5_000_000_000L;
          while (System.nanoTime() < end) {
            blackhole.consume(op.call());
          }
        }
        double[][] cpu = new double[2][blocks];
        double[][] bytes = new double[2][blocks];
        double[] ratios = new double[blocks];
        for (int b = 0; b < blocks; b++) {
          for (int k = 0; k < 2; k++) {
            int side = (b + k) % 2;
            long cpu0 = threads.getCurrentThreadCpuTime();
            long bytes0 = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int i = 0; i < perBlock[o]; i++) {
              blackhole.consume(ops[o][side].call());
            }
            cpu[side][b] = (threads.getCurrentThreadCpuTime() - cpu0) / 1e3 / perBlock[o];
            bytes[side][b] = (double) (threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - bytes0) / perBlock[o];
          }
          ratios[b] = cpu[0][b] / cpu[1][b];
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        // 95% CI of the median from order statistics: ranks n/2 ± 0.98·√n.
        int lo = Math.max(0, (int) Math.floor(blocks / 2.0 - 0.98 * Math.sqrt(blocks)));
        int hi = Math.min(blocks - 1, (int) Math.ceil(blocks / 2.0 + 0.98 * Math.sqrt(blocks)));
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.3f (%.3f – %.3f) | %,.0f | %,.0f | %,.0f |%n",
            names[o], median(cpu[0]), median(cpu[1]), median(ratios), sorted[lo], sorted[hi],
            median(bytes[0]), median(bytes[1]), median(bytes[0]) - median(bytes[1]));
        System.err.println(names[o] + " ratios: " + list(ratios));
      }
    } finally {
      loopback.stop();
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String list(double[] values) {
    List<String> out = new ArrayList<>();
    for (double v : values) {
      out.add(String.format(Locale.ROOT, "%.2f", v));
    }
    return String.join(" ", out);
  }
}
