package dev.settle.benchmarks;

import dev.settle.SettleClient;
import dev.settle.model.Account;
import dev.settle.model.CustomerId;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Time to first call: from starting a JVM to the first completed call, with Settle and with the
 * raw client, each in fresh JVMs, several runs, median.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.settle.benchmarks.FirstCall [runs]
 * </pre>
 *
 * <p>The parent starts the loopback server (in a JVM of its own), then launches {@code runs} child JVMs per side
 * (alternating the sides, so that a slow moment of the machine hits both), each with this
 * process's classpath and no JVM options. A child builds its client, reads the account once,
 * and prints a line; the parent's clock runs from just before the launch to that line, so the
 * JVM's own start-up is included. The child's own clock (from {@code main} to the answer) is
 * printed too, to tell JVM start-up from client start-up.
 */
public final class FirstCall {
  private FirstCall() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 3 && args[0].equals("--child")) {
      child(args[1], URI.create(args[2]));
      return;
    }
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    String classpath = System.getProperty("java.class.path");
    try (ServerProcess server = ServerProcess.start(2)) {
      long[][] total = new long[2][runs];
      long[][] inside = new long[2][runs];
      String[] sides = {"settle", "raw"};
      for (int run = 0; run < runs; run++) {
        for (int k = 0; k < 2; k++) {
          int side = (run + k) % 2;
          long[] measured = launch(java, classpath, sides[side], server.baseUrl());
          total[side][run] = measured[0];
          inside[side][run] = measured[1];
        }
      }
      System.out.printf(Locale.ROOT, "%d runs per side; milliseconds%n", runs);
      System.out.println("| side | JVM start → first call, median | min | max | inside main → first call, median |");
      System.out.println("| --- | ---: | ---: | ---: | ---: |");
      for (int side = 0; side < 2; side++) {
        long[] t = total[side].clone();
        Arrays.sort(t);
        System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f |%n", sides[side],
            ms(median(total[side])), ms(t[0]), ms(t[t.length - 1]), ms(median(inside[side])));
      }
      System.out.printf(Locale.ROOT, "settle/raw (medians): %.2f; settle − raw: %.0f ms%n",
          median(total[0]) / median(total[1]), ms(median(total[0]) - median(total[1])));
      System.out.println("all runs, ms (settle): " + list(total[0]));
      System.out.println("all runs, ms (raw):    " + list(total[1]));
    }
  }

  private static long[] launch(String java, String classpath, String side, URI url) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(
        java, "-cp", classpath, FirstCall.class.getName(), "--child", side, url.toString());
    builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    long start = System.nanoTime();
    Process process = builder.start();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      long end = System.nanoTime();
      if (line == null || !line.startsWith("done ")) {
        throw new IllegalStateException(side + " child failed: " + line);
      }
      process.waitFor();
      return new long[] {end - start, Long.parseLong(line.split(" ")[1])};
    }
  }

  private static void child(String side, URI url) throws Exception {
    long start = System.nanoTime();
    String portal;
    long elapsed;
    if (side.equals("settle")) {
      try (SettleClient settle = SettleClient.builder().baseUrl(url).apiKey(Fixtures.API_KEY).build()) {
        Account account = settle.account(CustomerId.of(Fixtures.CUSTOMER_ID)).get();
        elapsed = System.nanoTime() - start;
        portal = account.portal().name();
      }
    } else {
      try (RawClient raw = new RawClient(url, Fixtures.API_KEY)) {
        portal = raw.account(Fixtures.CUSTOMER_ID).portal().name();
        elapsed = System.nanoTime() - start;
      }
    }
    System.out.println("done " + elapsed + " " + portal);
    System.out.flush();
    // OkHttp's shared task runner would keep a JVM up for a minute: leave at once.
    System.exit(0);
  }

  private static double median(long[] values) {
    return Stats.median(Arrays.stream(values).asDoubleStream().toArray());
  }

  private static double ms(double nanos) {
    return nanos / 1e6;
  }

  private static String list(long[] nanos) {
    List<String> out = new ArrayList<>();
    for (long n : nanos) {
      out.add(String.format(Locale.ROOT, "%.0f", ms(n)));
    }
    return String.join(", ", out);
  }
}
