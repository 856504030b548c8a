package dev.settle.examples;

import dev.settle.AttemptEvent;
import dev.settle.CallEvent;
import dev.settle.CallListener;
import dev.settle.SettleClient;
import dev.settle.model.CustomerId;
import dev.settle.sandbox.SettleSandbox;
import java.io.PrintStream;
import java.time.Duration;
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
    try (SettleSandbox sandbox = SettleSandbox.builder().build().start()) {
      run(sandbox, System.out);
    }
  }

  static Map<String, Long> run(SettleSandbox sandbox, PrintStream out) {
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
    SettleClient settle = SettleClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey())
        .callListener(listener).build();
    sandbox.faults().route("POST /v1/accounts/*/invoices/*/pay").rateLimitBurst(1, Duration.ofMillis(200));

    Quickstart.run(settle, CustomerId.of(Quickstart.DEMO_CUSTOMER), out);

    Map<String, Long> counts = new TreeMap<>();
    calls.forEach((key, count) -> counts.put(key, count.sum()));
    out.printf("Calls by operation and outcome: %s%n", counts);
    return counts;
  }
}
