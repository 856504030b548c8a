package dev.settle.spring;

import dev.settle.AttemptEvent;
import dev.settle.CallEvent;
import dev.settle.CallListener;
import dev.settle.CallStart;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records Settle's calls as Micrometer observations named {@code settle.calls}, opened when a call
 * starts and stopped when it ends, so that the application's observation handlers make of them
 * what they are set up to: a timer through the meter handler (as the Actuator sets up), a span
 * through a tracing handler. Retries are counted in {@code settle.retries}.
 *
 * <p>Key values are low-cardinality by construction: the operation name, the outcome, the last
 * HTTP status, the attempt count and the exception's simple class name. No id, key, amount or
 * path is ever one.
 */
final class SettleMetrics implements CallListener {
  static final String CALLS = "settle.calls";
  static final String RETRIES = "settle.retries";
  private static final String NONE = "NONE";

  private final ObservationRegistry observations;
  private final MeterRegistry registry;
  /** The observations of the calls in flight, by call. */
  private final Map<Long, Observation> open = new ConcurrentHashMap<>();

  SettleMetrics(ObservationRegistry observations, MeterRegistry registry) {
    this.observations = observations;
    this.registry = registry;
  }

  @Override
  public void callStarted(CallStart call) {
    Observation observation = Observation.createNotStarted(CALLS, observations)
        .contextualName("settle " + call.operation())
        .lowCardinalityKeyValue("operation", call.operation());
    open.put(call.callId(), observation.start());
  }

  @Override
  public void attemptEnded(AttemptEvent attempt) {
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
    Observation observation = open.remove(call.callId());
    if (observation == null) {
      return;
    }
    observation
        .lowCardinalityKeyValue("outcome", outcome(call))
        .lowCardinalityKeyValue("status", status(call.statusCode()))
        .lowCardinalityKeyValue("attempts", Integer.toString(call.attempts()))
        .lowCardinalityKeyValue("exception", call.succeeded() ? "none" : call.failure().getClass().getSimpleName());
    if (!call.succeeded()) {
      observation.error(call.failure());
    }
    observation.stop();
  }

  private static String status(int statusCode) {
    return statusCode == 0 ? NONE : Integer.toString(statusCode);
  }

  /** The names Spring's own HTTP client meters use for the same idea. */
  private static String outcome(CallEvent call) {
    if (call.succeeded()) {
      return "SUCCESS";
    }
    if (call.statusCode() >= 400 && call.statusCode() < 500) {
      return "CLIENT_ERROR";
    }
    return call.statusCode() >= 500 ? "SERVER_ERROR" : "UNKNOWN";
  }
}
