package dev.settle.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH JSON result file ({@code -rf json -rff results.json}) into the README's tables:
 * each {@code _settle} benchmark beside its {@code _raw} twin, with the ratio settle/raw and
 * its error, and the allocation per call when the run had {@code -prof gc}.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.settle.benchmarks.Report results.json
 * </pre>
 *
 * <p>JMH's error is the half-width of its 99.9% confidence interval. The ratio's error adds the
 * two relative errors in quadrature (first-order propagation, independent runs): r·√((Δs/s)² +
 * (Δr/r)²). A target counts as met when the ratio itself is within it; whether the whole
 * interval is within it too is said beside it.
 */
public final class Report {
  private Report() {}

  record Score(double score, double error, String unit, double alloc, double allocError) {}

  public static void main(String[] args) throws Exception {
    String json = Files.readString(Path.of(args.length > 0 ? args[0] : "results.json"), StandardCharsets.UTF_8);
    JsonAdapter<List<Map<String, Object>>> adapter = new Moshi.Builder().build().adapter(
        Types.newParameterizedType(List.class, Types.newParameterizedType(Map.class, String.class, Object.class)));
    Map<String, Score> scores = new LinkedHashMap<>();
    for (Map<String, Object> result : adapter.fromJson(json)) {
      scores.put(shortName((String) result.get("benchmark")), score(result));
    }

    System.out.println("### Latency per call, 1 thread (target: settle/raw ≤ 1.10)\n");
    pairs(scores, "Latency.", 1.10, true);
    System.out.println("\n### Throughput, threads sharing one client (target: settle/raw ≥ 0.90)\n");
    pairs(scores, "Throughput.", 0.90, false);
    System.out.println("\n### Decoding a page of 100 invoices from bytes (target: settle/raw ≤ 1.25)\n");
    pairs(scores, "Decoding.", 1.25, true);
    System.out.println("\n### The sandbox's own throughput on loopback\n");
    System.out.println("| benchmark | requests/s | ± (99.9%) |");
    System.out.println("| --- | ---: | ---: |");
    scores.forEach((name, s) -> {
      if (name.startsWith("SandboxThroughput.")) {
        System.out.printf(Locale.ROOT, "| %s | %s | %s |%n", name, num(s.score), num(s.error));
      }
    });
  }

  private static void pairs(Map<String, Score> scores, String prefix, double target, boolean lowerIsBetter) {
    boolean alloc = scores.values().stream().anyMatch(s -> !Double.isNaN(s.alloc));
    System.out.println("| benchmark | settle | raw | unit | settle/raw | target met | whole interval within target |"
        + (alloc ? " settle B/op | raw B/op | settle − raw B/op |" : ""));
    System.out.println("| --- | ---: | ---: | --- | ---: | --- | --- |" + (alloc ? " ---: | ---: | ---: |" : ""));
    List<String> names = new ArrayList<>(scores.keySet());
    for (String name : names) {
      if (!name.startsWith(prefix) || !name.endsWith("_settle")) {
        continue;
      }
      String base = name.substring(0, name.length() - "_settle".length());
      Score settle = scores.get(name);
      Score raw = scores.get(base + "_raw");
      if (raw == null) {
        continue;
      }
      double ratio = settle.score / raw.score;
      double error = ratio * Math.hypot(settle.error / settle.score, raw.error / raw.score);
      boolean met = lowerIsBetter ? ratio <= target : ratio >= target;
      boolean whole = lowerIsBetter ? ratio + error <= target : ratio - error >= target;
      System.out.printf(Locale.ROOT, "| %s | %s ± %s | %s ± %s | %s | %.3f ± %.3f | %s | %s |",
          base.substring(prefix.length()), num(settle.score), num(settle.error), num(raw.score),
          num(raw.error), settle.unit, ratio, error, met ? "yes" : "**no**", whole ? "yes" : "no");
      if (alloc) {
        System.out.printf(Locale.ROOT, " %s | %s | %s |", num(settle.alloc), num(raw.alloc),
            num(settle.alloc - raw.alloc));
      }
      System.out.println();
    }
  }

  @SuppressWarnings("unchecked")
  private static Score score(Map<String, Object> result) {
    Map<String, Object> primary = (Map<String, Object>) result.get("primaryMetric");
    Map<String, Object> secondary = (Map<String, Object>) result.get("secondaryMetrics");
    Map<String, Object> alloc = secondary == null ? null : (Map<String, Object>) secondary.get("gc.alloc.rate.norm");
    return new Score(number(primary.get("score")), number(primary.get("scoreError")),
        (String) primary.get("scoreUnit"),
        alloc == null ? Double.NaN : number(alloc.get("score")),
        alloc == null ? Double.NaN : number(alloc.get("scoreError")));
  }

  private static double number(Object value) {
    if (value instanceof Number) {
      return ((Number) value).doubleValue();
    }
    return Double.NaN; // JMH writes "NaN" as a string when it cannot compute an error
  }

  private static String shortName(String benchmark) {
    return benchmark.substring("dev.settle.benchmarks.".length());
  }

  private static String num(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    double magnitude = Math.abs(value);
    if (magnitude >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (magnitude >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
