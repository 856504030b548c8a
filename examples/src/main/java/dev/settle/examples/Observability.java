package dev.settle.examples;

import dev.settle.AttemptEvent;
import dev.settle.CallEvent;
import dev.settle.CallListener;
import dev.settle.SettleClient;
import dev.settle.model.CustomerId;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Feeds a {@link CallListener} from the quickstart flow while the sandbox sheds load on the
 * payment: every attempt is printed as a trace line would be (operation, attempt, status, request
 * id, latency, retry), and every call is counted per operation and outcome as a metrics registry
 * would count it. With Micrometer, {@code callEnded} records a {@code Timer}; with OpenTelemetry,
 * {@code attemptEnded} ends a span with these attributes.
 *
 * <p>Run it with {@code mvn -q -pl examples -am package -DskipTests exec:java -Dexample=Observability}.
 */
public final class Observability {
  private Observability() {}

  public static void main(String[] args) {
    try (Backend backend = Backend.fromEnvironment(System.out)) {
      run(backend.clientBuilder(), backend.sandbox(), System.out);
    }
  }

  /**
   * Runs the quickstart with a client built by {@code settle} and a listener; returns the calls
   * counted by operation and outcome, such as {@code "payInvoice ok" -> 1}.
   */
  static Map<String, Long> run(SettleClient.Builder settle, SandboxControls sandbox, PrintStream out) {
    Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    CallListener listener = new CallListener() {
      @Override
      public void attemptEnded(AttemptEvent a) {
        out.printf("  trace %-22s attempt %d -> %s %s in %d ms%s%n", a.operation(), a.attempt(),
            a.statusCode() == 0 ? "no answer" : a.statusCode(), a.requestId() == null ? "" : a.requestId(),
            a.latency().toMillis(), a.willRetry() ? ", will retry" : "");
      }

      @Override
      public void callEnded(CallEvent call) {
        String outcome = call.succeeded() ? "ok" : call.failure().getClass().getSimpleName();
        calls.computeIfAbsent(call.operation() + " " + outcome, k -> new LongAdder()).increment();
      }
    };
    sandbox.rateLimit("POST /v1/accounts/*/invoices/*/pay", 1, 1);
    try (SettleClient client = settle.callListener(listener).build()) {
      Quickstart.run(client, CustomerId.of(Quickstart.DEMO_CUSTOMER), out);
    } finally {
      sandbox.clearFaults();
    }

    Map<String, Long> counts = new TreeMap<>();
    calls.forEach((key, count) -> counts.put(key, count.sum()));
    out.printf("%nCalls by operation and outcome:%n  %-22s %-10s %5s%n", "operation", "outcome", "calls");
    counts.forEach((key, count) -> {
      String[] operationAndOutcome = key.split(" ", 2);
      out.printf("  %-22s %-10s %5d%n", operationAndOutcome[0], operationAndOutcome[1], count);
    });
    return counts;
  }
}
