package dev.settle.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox's clock: the time it stamps on objects, checks card expiry against and (later)
 * renews licenses by. Tests move it forward with {@link #advance(Duration)} instead of waiting.
 *
 * <p>It reads a base clock and adds the offset accumulated by {@code advance}. By default the base
 * is fixed at the moment the sandbox was built (truncated to whole seconds), so time stands still
 * unless a test moves it; give {@link SettleSandbox.Builder#clock(Clock)} a ticking clock to have
 * it run. {@link SettleSandbox#reset()} sets the offset back to zero. Thread-safe.
 *
 * <pre>{@code
 * sandbox.clock().advance(Duration.ofDays(366));   // a year later
 * }</pre>
 */
public final class SandboxClock extends Clock {
  private final Clock base;
  private final AtomicReference<Duration> offset;

  SandboxClock(Clock base) {
    this(base.withZone(ZoneOffset.UTC), new AtomicReference<>(Duration.ZERO));
  }

  private SandboxClock(Clock base, AtomicReference<Duration> offset) {
    this.base = base;
    this.offset = offset;
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  /**
   * Moves the sandbox's time forward.
   *
   * @throws IllegalArgumentException if {@code amount} is negative: time in a billing system only
   *     moves forward
   */
  public void advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("The sandbox clock only moves forward, not by " + amount);
    }
    offset.accumulateAndGet(amount, Duration::plus);
  }

  void reset() {
    offset.set(Duration.ZERO);
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  /** A view of this clock in another zone; it moves when this one does. */
  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(getZone()) ? this : new SandboxClock(base.withZone(zone), offset);
  }

  @Override
  public String toString() {
    return "SandboxClock[" + instant() + "]";
  }
}
