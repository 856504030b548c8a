package dev.settle.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The few statistics the mains print: a median with the 95% confidence interval of the median
 * (order statistics, no assumption on the distribution: rounds on a busy machine are skewed),
 * and a mean with its Student's t half-width where rounds are few and roughly normal.
 */
final class Stats {
  private Stats() {}

  static double median(double[] values) {
    double[] sorted = sorted(values);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The 95% confidence interval of the median: the order statistics at ranks n/2 ± 0.98·√n. */
  static double[] medianInterval(double[] values) {
    double[] sorted = sorted(values);
    int n = sorted.length;
    int lo = Math.max(0, (int) Math.floor(n / 2.0 - 0.98 * Math.sqrt(n)));
    int hi = Math.min(n - 1, (int) Math.ceil(n / 2.0 + 0.98 * Math.sqrt(n)));
    return new double[] {sorted[lo], sorted[hi]};
  }

  static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(Double.NaN);
  }

  /** Student's t 97.5% quantile times the standard error of the mean; NaN below two values. */
  static double halfWidth(double[] values) {
    int n = values.length;
    if (n < 2) {
      return Double.NaN;
    }
    double mean = mean(values);
    double variance = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (n - 1);
    double[] t = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262};
    return (n - 1 <= t.length ? t[n - 2] : 1.96) * Math.sqrt(variance / n);
  }

  /** The values with two decimals, separated by {@code separator}. */
  static String list(double[] values, String separator) {
    List<String> out = new ArrayList<>();
    for (double v : values) {
      out.add(String.format(Locale.ROOT, "%.2f", v));
    }
    return String.join(separator, out);
  }

  private static double[] sorted(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted;
  }
}
