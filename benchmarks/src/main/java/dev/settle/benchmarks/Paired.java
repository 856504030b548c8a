package dev.settle.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The settle/raw ratios on a busy machine: every {@code _settle} benchmark and its {@code _raw}
 * twin run as alternating JMH forks, round after round, and each round gives one ratio. A load
 * that comes and goes then hits both sides of a round alike instead of biasing whichever side
 * JMH happened to run during it; the spread of the rounds' ratios is the honest error.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.settle.benchmarks.Paired [rounds] [filter]
 * </pre>
 *
 * <p>Each fork: 3 warm-up and 4 measured iterations of 1 s, with JMH's GC profiler. The table
 * gives, per pair, the mean of the rounds' scores on each side, the mean of the rounds' ratios
 * with its 95% confidence half-width (Student's t over the rounds), and the allocation per call.
 */
public final class Paired {
  private Paired() {}

  private static final String PACKAGE = "dev.settle.benchmarks.";
  private static final List<String[]> PAIRS = List.of(
      new String[] {"Latency.getAccount", "1.10", "lower"},
      new String[] {"Latency.listInvoices", "1.10", "lower"},
      new String[] {"Latency.payInvoice", "1.10", "lower"},
      new String[] {"Decoding.invoicePage", "1.25", "lower"},
      new String[] {"Throughput.T01.getAccount", "0.90", "higher"},
      new String[] {"Throughput.T01.listInvoices", "0.90", "higher"},
      new String[] {"Throughput.T01.payInvoice", "0.90", "higher"},
      new String[] {"Throughput.T08.getAccount", "0.90", "higher"},
      new String[] {"Throughput.T08.listInvoices", "0.90", "higher"},
      new String[] {"Throughput.T08.payInvoice", "0.90", "higher"},
      new String[] {"Throughput.T32.getAccount", "0.90", "higher"},
      new String[] {"Throughput.T32.listInvoices", "0.90", "higher"},
      new String[] {"Throughput.T32.payInvoice", "0.90", "higher"});

  record Run(double score, String unit, double alloc) {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Pattern filter = Pattern.compile(args.length > 1 ? args[1] : ".*");
    Map<String, List<Run[]>> results = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      for (String[] pair : PAIRS) {
        if (!filter.matcher(pair[0]).find()) {
          continue;
        }
        Run[] both = new Run[2];
        boolean settleFirst = round % 2 == 0;
        both[settleFirst ? 0 : 1] = run(pair[0] + (settleFirst ? "_settle" : "_raw"));
        both[settleFirst ? 1 : 0] = run(pair[0] + (settleFirst ? "_raw" : "_settle"));
        results.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(both);
        System.err.printf(Locale.ROOT, "round %d %s: settle %.2f, raw %.2f %s%n", round + 1, pair[0],
            both[0].score, both[1].score, both[0].unit);
      }
    }
    System.out.printf(Locale.ROOT, "%d rounds of alternating forks; ratio = mean of the rounds' settle/raw "
        + "± 95%% CI half-width; load average %.1f at the end%n%n", rounds, JvmCpu.loadAverage());
    System.out.println("| benchmark | settle | raw | unit | settle/raw | target | met | settle B/op | raw B/op "
        + "| settle − raw B/op | rounds' ratios |");
    System.out.println("| --- | ---: | ---: | --- | ---: | --- | --- | ---: | ---: | ---: | --- |");
    for (String[] pair : PAIRS) {
      List<Run[]> runs = results.get(pair[0]);
      if (runs == null) {
        continue;
      }
      double[] ratios = runs.stream().mapToDouble(r -> r[0].score / r[1].score).toArray();
      double settle = runs.stream().mapToDouble(r -> r[0].score).average().orElse(Double.NaN);
      double raw = runs.stream().mapToDouble(r -> r[1].score).average().orElse(Double.NaN);
      double settleAlloc = runs.stream().mapToDouble(r -> r[0].alloc).average().orElse(Double.NaN);
      double rawAlloc = runs.stream().mapToDouble(r -> r[1].alloc).average().orElse(Double.NaN);
      double mean = Stats.mean(ratios);
      double half = Stats.halfWidth(ratios);
      double target = Double.parseDouble(pair[1]);
      boolean lower = pair[2].equals("lower");
      boolean met = lower ? mean <= target : mean >= target;
      boolean sure = lower ? mean + half <= target : mean - half >= target;
      System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %.3f ± %.3f | %s %s | %s | %,.0f | %,.0f | %,.0f | %s |%n",
          pair[0], num(settle), num(raw), runs.get(0)[0].unit, mean, half, lower ? "≤" : "≥", pair[1],
          met ? (sure ? "yes" : "yes (within error)") : (sure ? "no (within error)" : "**no**"),
          settleAlloc, rawAlloc, settleAlloc - rawAlloc, Stats.list(ratios, ", "));
    }
  }

  private static Run run(String benchmark) throws Exception {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include("^" + Pattern.quote(PACKAGE + benchmark) + "$")
        .forks(1)
        .warmupIterations(3)
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(4)
        .measurementTime(TimeValue.seconds(1))
        .addProfiler(GCProfiler.class)
        .shouldFailOnError(true)
        .verbosity(VerboseMode.SILENT);
    RunResult result = new Runner(options.build()).runSingle();
    Result<?> primary = result.getPrimaryResult();
    Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
    return new Run(primary.getScore(), primary.getScoreUnit(), alloc == null ? Double.NaN : alloc.getScore());
  }

  private static String num(double value) {
    return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }
}
