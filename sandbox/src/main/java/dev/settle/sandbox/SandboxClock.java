package dev.settle.sandbox;

import static dev.settle.exception.ValidationException.required;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox's clock: the time it stamps on objects, checks card expiry against and renews
 * licenses by. Tests move it forward with {@link #advance(Duration)} instead of waiting.
 *
 * <p>It reads a base clock and adds the offset accumulated by {@code advance}. By default the base
 * is fixed at the moment the sandbox was built (truncated to whole seconds), so time stands still
 * unless a test moves it; give {@link SettleSandbox.Builder#clock(Clock)} a ticking clock to have
 * it run. {@link SettleSandbox#reset()} sets the offset back to zero. Thread-safe.
 *
 * <p>Moving the clock does what the billing system would have done in the meantime, before
 * {@code advance} returns: every license renewal that came due is processed, in time order, each
 * at its own renewal date (see the module's README). Nothing runs in the background.
 *
 * <pre>{@code
 * sandbox.clock().advance(Duration.ofDays(366));   // a year later
 * }</pre>
 */
public final class SandboxClock extends Clock {
  private final Clock base;
  private final AtomicReference<Duration> offset;
  /** What the billing system does when time moves: process the renewals that came due. */
  private final AtomicReference<Runnable> onAdvance;

  SandboxClock(Clock base) {
    this(base.withZone(ZoneOffset.UTC), new AtomicReference<>(Duration.ZERO), new AtomicReference<>(() -> { }));
  }

  private SandboxClock(Clock base, AtomicReference<Duration> offset, AtomicReference<Runnable> onAdvance) {
    this.base = base;
    this.offset = offset;
    this.onAdvance = onAdvance;
  }

  void onAdvance(Runnable action) {
    onAdvance.set(required(action, "action"));
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  /**
   * Moves the sandbox's time forward, and processes the license renewals that came due meanwhile
   * before returning.
   *
   * @param amount how far to move, zero or more
   * @throws IllegalArgumentException if {@code amount} is negative: time in a billing system only
   *     moves forward
   */
  public void advance(Duration amount) {
    if (required(amount, "amount").isNegative()) {
      throw new IllegalArgumentException("The sandbox clock only moves forward, not by " + amount);
    }
    offset.accumulateAndGet(amount, Duration::plus);
    onAdvance.get().run();
  }

  void reset() {
    offset.set(Duration.ZERO);
  }

  /** Sets the time to {@code now}, earlier or later; only with a reset, as state never goes back in time. */
  void resetTo(Instant now) {
    offset.set(Duration.between(base.instant(), now));
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  /** A view of this clock in another zone; it moves when this one does. */
  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(getZone()) ? this : new SandboxClock(base.withZone(zone), offset, onAdvance);
  }

  @Override
  public String toString() {
    return "SandboxClock[" + instant() + "]";
  }
}
