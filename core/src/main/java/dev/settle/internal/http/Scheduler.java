package dev.settle.internal.http;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs an asynchronous call's next attempt after its wait, and cancels a call at its deadline,
 * so that no thread is blocked while a call waits. Tests replace it to run at once.
 */
public interface Scheduler extends AutoCloseable {
  /** Runs {@code task} after {@code delay}; returns what cancels it if it has not run. */
  Runnable schedule(Runnable task, Duration delay);

  /** Stops the scheduler's thread; tasks not yet run are dropped. */
  @Override
  default void close() {}

  /** One daemon thread, started on the first wait and stopped by {@link #close()}. */
  static Scheduler daemon() {
    return new Scheduler() {
      private static final AtomicInteger THREADS = new AtomicInteger();
      private ScheduledThreadPoolExecutor executor;
      private boolean closed;

      @Override
      public Runnable schedule(Runnable task, Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
          task.run();
          return () -> { };
        }
        ScheduledThreadPoolExecutor timer = executor();
        if (timer == null) {
          return () -> { };
        }
        var scheduled = timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> scheduled.cancel(false);
      }

      private synchronized ScheduledThreadPoolExecutor executor() {
        if (executor == null && !closed) {
          executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "settle-timer-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });
          executor.setRemoveOnCancelPolicy(true);
        }
        return executor;
      }

      @Override
      public synchronized void close() {
        closed = true;
        if (executor != null) {
          executor.shutdownNow();
        }
      }
    };
  }
}
