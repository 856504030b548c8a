package dev.settle.sandbox;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * The sandbox as a program: {@code java -jar settle-sandbox-<version>-standalone.jar}. Parses the
 * command line, starts a sandbox, says where it listens and what it holds, and runs until the
 * process is killed.
 */
final class Standalone {
  static final int PORT = 12111;
  private static final String USAGE = "Usage: java -jar settle-sandbox-standalone.jar [--port N] [--api-key KEY] "
      + "[--host ADDRESS] [--seed N] [--demo-data standard|none] [--clock 2026-11-26T09:30:00Z]";

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
        case "--host" -> builder.host(required(value, "--host needs an address such as 0.0.0.0"));
        case "--seed" -> builder.seed(parseLong(value, "--seed needs a whole number"));
        case "--demo-data" -> builder.demoData(demoData(value));
        case "--clock" -> builder.clock(Clock.fixed(parseInstant(value), ZoneOffset.UTC));
        default -> throw new IllegalArgumentException("Unknown argument " + args[i] + ". " + USAGE);
      }
      i++;
    }
    SettleSandbox sandbox = builder.build().start();
    out.println("Settle sandbox listening on " + sandbox.baseUrl());
    out.println(sandbox.loopbackOnly()
        ? "Bound to loopback: only this machine can reach it (--host 0.0.0.0 serves other machines too)."
        : "Reachable from other machines: anyone who can reach it and has the API key controls it.");
    out.println("Dashboard: " + sandbox.baseUrl() + " (it asks for the API key)");
    out.println("API key: " + sandbox.apiKey());
    List<String> accounts = sandbox.billing().accounts().summaries();
    out.println(accounts.isEmpty() ? "No accounts: create them with POST /sandbox/accounts." : "Accounts:");
    accounts.forEach(line -> out.println("  " + line));
    out.println("Test cards: 4242424242424242 succeeds; see the sandbox README for declines and 3-D Secure.");
    out.println("Controls (the API key needed): POST /sandbox/clock/advance {\"days\": N}, POST /sandbox/reset, "
        + "POST /sandbox/accounts; see the sandbox README.");
    out.println("Stop with Ctrl+C.");
    out.flush();
    return sandbox;
  }

  private static String required(String value, String message) {
    if (value == null) {
      throw new IllegalArgumentException(message);
    }
    return value;
  }

  private static long parseLong(String value, String message) {
    try {
      return Long.parseLong(required(value, message));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(message);
    }
  }

  private static boolean demoData(String value) {
    return switch (required(value, "--demo-data needs standard or none")) {
      case "standard" -> true;
      case "none" -> false;
      default -> throw new IllegalArgumentException("--demo-data needs standard or none");
    };
  }

  private static Instant parseInstant(String value) {
    try {
      return Instant.parse(required(value, "--clock needs an instant such as 2026-11-26T09:30:00Z"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--clock needs an instant such as 2026-11-26T09:30:00Z");
    }
  }

  private static int parsePort(String value) {
    try {
      return Integer.parseInt(Objects.requireNonNull(value, "--port needs a number"));
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException("--port needs a number from 0 to 65535");
    }
  }
}
