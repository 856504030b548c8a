package dev.settle.spring;

import dev.settle.AttemptEvent;
import dev.settle.CallEvent;
import dev.settle.CallListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * Records Settle's calls as Micrometer meters: the {@code settle.calls} timer and the
 * {@code settle.retries} counter.
 *
 * <p>Tags are low-cardinality by construction: the operation name, the outcome, the last HTTP
 * status, the attempt count and the exception's simple class name. No id, key, amount or path is
 * ever a tag.
 *
 * <p>The timer is recorded with the call's own latency. A {@link CallListener} hears of a call
 * only when it has ended, so an Observation started then would time nothing; once the listener
 * is told when a call starts, this becomes an Observation opened then and closed at the end.
 */
final class SettleMetrics implements CallListener {
  static final String CALLS = "settle.calls";
  static final String RETRIES = "settle.retries";
  private static final String NONE = "NONE";

  /**
   * The status of the attempt that ended last on this thread. Settle reports a call's last attempt
   * and then the call on one thread, so this is the status the call ended with.
   */
  private static final ThreadLocal<Integer> LAST_STATUS = new ThreadLocal<>();

  private final MeterRegistry registry;

  SettleMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void attemptEnded(AttemptEvent attempt) {
    LAST_STATUS.set(attempt.statusCode());
    if (attempt.willRetry()) {
      Counter.builder(RETRIES)
          .description("Attempts of Settle calls that were repeated")
          .tags("operation", attempt.operation(), "status", status(attempt.statusCode()))
          .register(registry)
          .increment();
    }
  }

  @Override
  public void callEnded(CallEvent call) {
    Integer last = LAST_STATUS.get();
    LAST_STATUS.remove();
    int statusCode = last == null ? 0 : last;
    Timer.builder(CALLS)
        .description("Calls Settle made to the billing API, retries included")
        .tags(Tags.of(
            "operation", call.operation(),
            "outcome", outcome(call, statusCode),
            "status", status(statusCode),
            "attempts", Integer.toString(call.attempts()),
            "exception", call.succeeded() ? "none" : call.failure().getClass().getSimpleName()))
        .register(registry)
        .record(call.latency());
  }

  private static String status(int statusCode) {
    return statusCode == 0 ? NONE : Integer.toString(statusCode);
  }

  /** The names Spring's own HTTP client meters use for the same idea. */
  private static String outcome(CallEvent call, int statusCode) {
    if (call.succeeded()) {
      return "SUCCESS";
    }
    if (statusCode >= 400 && statusCode < 500) {
      return "CLIENT_ERROR";
    }
    return statusCode >= 500 ? "SERVER_ERROR" : "UNKNOWN";
  }
}
