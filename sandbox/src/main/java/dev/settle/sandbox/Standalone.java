package dev.settle.sandbox;

import java.io.PrintStream;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * The sandbox as a program: {@code java -jar settle-sandbox-<version>-standalone.jar}. Parses the
 * command line, starts a sandbox, says where it listens and what it holds, and runs until the
 * process is killed.
 */
final class Standalone {
  static final int PORT = 12111;
  private static final String USAGE = "Usage: java -jar settle-sandbox-standalone.jar [--port N] [--api-key KEY]";

  private Standalone() {}

  static void main(String[] args) throws InterruptedException {
    SettleSandbox sandbox;
    try {
      sandbox = start(args, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sandbox.close();
      stopped.countDown();
    }, "settle-sandbox-shutdown"));
    stopped.await();
  }

  static SettleSandbox start(String[] args, PrintStream out) {
    SettleSandbox.Builder builder = SettleSandbox.builder().port(PORT);
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--port" -> builder.port(parsePort(value));
        case "--api-key" -> builder.apiKey(Objects.requireNonNullElse(value, ""));
        default -> throw new IllegalArgumentException("Unknown argument " + args[i] + ". " + USAGE);
      }
      i++;
    }
    SettleSandbox sandbox = builder.build().start();
    out.println("Settle sandbox listening on " + sandbox.baseUrl());
    out.println("API key: " + sandbox.apiKey());
    out.println("Demo accounts:");
    sandbox.accountSummaries().forEach(line -> out.println("  " + line));
    out.println("Test cards: 4242424242424242 succeeds; see the sandbox README for declines and 3-D Secure.");
    out.println("Move the clock (renewals follow): POST /sandbox/clock/advance {\"seconds\": N} with the API key.");
    out.println("Stop with Ctrl+C.");
    out.flush();
    return sandbox;
  }

  private static int parsePort(String value) {
    try {
      return Integer.parseInt(Objects.requireNonNull(value, "--port needs a number"));
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException("--port needs a number from 0 to 65535");
    }
  }
}
