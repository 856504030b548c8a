package dev.settle.internal.http;

import java.time.Duration;

/**
 * Runs an asynchronous call's next attempt after its wait, and ends a call at its deadline, so
 * that no thread is blocked while a call waits. Tests replace the first to run at once.
 */
public interface Scheduler extends AutoCloseable {
  /** Runs {@code task} after {@code delay}; returns what cancels it if it has not run. */
  Runnable schedule(Runnable task, Duration delay);

  /** Stops the scheduler's thread once the tasks already scheduled have run or been cancelled. */
  @Override
  default void close() {}

  /** One daemon thread, started with the first task and stopped by {@link #close()}. */
  static Scheduler daemon() {
    return new DaemonTimer();
  }
}
