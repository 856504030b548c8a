package dev.settle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs an asynchronous call's next attempt after its wait, so that no thread is blocked while a
 * call waits to be retried. Tests replace it to run at once.
 */
interface Scheduler {
  void schedule(Runnable task, Duration delay);

  /** One daemon thread per client, created on the first wait. */
  static Scheduler daemon() {
    return new Scheduler() {
      private ScheduledExecutorService executor;

      @Override
      public void schedule(Runnable task, Duration delay) {
        if (delay.isZero()) {
          task.run();
          return;
        }
        executor().schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
      }

      private synchronized ScheduledExecutorService executor() {
        if (executor == null) {
          executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "settle-retry");
            thread.setDaemon(true);
            return thread;
          });
        }
        return executor;
      }
    };
  }
}
