package dev.settle.spring;

import dev.settle.AttemptEvent;
import dev.settle.CallListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Says whether the billing API answered the application's own calls lately, and how the last one
 * that got no answer failed — without making a request per health check.
 *
 * <p>An attempt that got an HTTP answer below 500 counts as an answer (a refused payment is still
 * the API answering); a network failure or a 5xx counts as a failure. The status is DOWN when the
 * last attempt failed, UP when the last attempt was answered within {@code settle.health.recent},
 * and UNKNOWN before the first call or after a quiet spell. Thread-safe.
 */
final class SettleHealthIndicator implements HealthIndicator, CallListener {
  private record State(Instant lastAnswerAt, Instant lastFailureAt, String lastFailure, boolean lastFailed) {}

  private final AtomicReference<State> state = new AtomicReference<>(new State(null, null, null, false));
  private final Clock clock;
  private final Duration recent;

  SettleHealthIndicator(Clock clock, Duration recent) {
    this.clock = clock;
    this.recent = recent;
  }

  @Override
  public void attemptEnded(AttemptEvent attempt) {
    Instant now = clock.instant();
    int status = attempt.statusCode();
    if (status > 0 && status < 500) {
      state.updateAndGet(s -> new State(now, s.lastFailureAt(), s.lastFailure(), false));
      return;
    }
    String type = attempt.failure() == null ? "HTTP " + status
        : status > 0 ? attempt.failure() + " (HTTP " + status + ")" : attempt.failure();
    state.updateAndGet(s -> new State(s.lastAnswerAt(), now, type, true));
  }

  @Override
  public Health health() {
    State s = state.get();
    boolean answeredRecently = s.lastAnswerAt() != null && !s.lastAnswerAt().plus(recent).isBefore(clock.instant());
    Health.Builder health = s.lastFailed() ? Health.down() : answeredRecently ? Health.up() : Health.unknown();
    health.withDetail("answeredRecently", answeredRecently);
    if (s.lastAnswerAt() != null) {
      health.withDetail("lastAnswerAt", s.lastAnswerAt().toString());
    }
    if (s.lastFailureAt() != null) {
      health.withDetail("lastFailure", s.lastFailure()).withDetail("lastFailureAt", s.lastFailureAt().toString());
    }
    return health.build();
  }
}
