package dev.settle.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client's timer: tasks run once due, in order, unless cancelled; once closed, its thread ends
 * when nothing is pending.
 */
@Timeout(30)
class DaemonTimerTest {
  private final DaemonTimer timer = new DaemonTimer();
  private final List<String> ran = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    timer.close();
  }

  @Test
  void aTaskDueBeforeTheOneTheTimerSleepsForRunsOnTime() throws Exception {
    timer.schedule(() -> ran.add("late"), Duration.ofMinutes(10));
    long started = System.nanoTime();
    CountDownLatch soon = noteWhenRun("soon", Duration.ofMillis(50));

    assertThat(soon.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    assertThat(ran).containsExactly("soon");
  }

  @Test
  void tasksDueTogetherRunInTheOrderTheyWereDueAndACancelledOneNever() throws Exception {
    CountDownLatch busy = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    timer.schedule(() -> {
      busy.countDown();
      awaitQuietly(release);
    }, Duration.ofMillis(1));
    assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
    // Scheduled while the timer's thread is held, each due after the one before (a pause between
    // two calls only puts the later one further out), and kept in the list newest first.
    long started = System.nanoTime();
    timer.schedule(() -> ran.add("first"), Duration.ofMillis(10));
    Runnable cancel = timer.schedule(() -> ran.add("cancelled"), Duration.ofMillis(20));
    timer.schedule(() -> ran.add("second"), Duration.ofMillis(30));
    CountDownLatch last = noteWhenRun("third", Duration.ofMillis(40));
    cancel.run();
    cancel.run();
    while (System.nanoTime() - started < Duration.ofMillis(100).toNanos()) {
      Thread.onSpinWait();
    }

    release.countDown();

    assertThat(last.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(ran).containsExactly("first", "second", "third");
  }


  @Test
  void aTaskThatThrowsAnErrorOrInterruptsItsThreadDoesNotStopTheTimer() throws Exception {
    CountDownLatch after = new CountDownLatch(1);
    timer.schedule(() -> {
      throw new AssertionError("a listener's bug");
    }, Duration.ofMillis(10));
    timer.schedule(() -> Thread.currentThread().interrupt(), Duration.ofMillis(20));
    timer.schedule(after::countDown, Duration.ofMillis(200));

    assertThat(after.await(10, TimeUnit.SECONDS)).isTrue();
  }


  @Test
  void aTaskWithNoDelayRunsAtOnceOnTheCallersThread() {
    timer.schedule(() -> ran.add(Thread.currentThread().getName()), Duration.ZERO);

    assertThat(ran).containsExactly(Thread.currentThread().getName());
  }

  @Test
  void closingLetsWhatIsPendingRunThenEndsTheThreadAndDropsLaterTasks() throws Exception {
    Thread timerThread = timerThread();
    CountDownLatch pending = noteWhenRun("pending", Duration.ofMillis(200));

    timer.close();

    assertThat(pending.await(10, TimeUnit.SECONDS)).as("a call's deadline still kept after close").isTrue();
    timerThread.join(TimeUnit.SECONDS.toMillis(10));
    assertThat(timerThread.isAlive()).isFalse();
    timer.schedule(() -> ran.add("after the end"), Duration.ofMillis(1));
    assertThat(ran).containsExactly("pending");
  }

  @Test
  void cancellingTheLastPendingTaskOfAClosedTimerEndsItsThreadAtOnce() throws Exception {
    Thread timerThread = timerThread();
    Runnable cancel = timer.schedule(() -> ran.add("far"), Duration.ofMinutes(10));
    timer.close();
    assertThat(timerThread.isAlive()).as("a task is pending").isTrue();

    cancel.run();

    timerThread.join(TimeUnit.SECONDS.toMillis(10));
    assertThat(timerThread.isAlive()).isFalse();
    assertThat(ran).isEmpty();
  }

  /** Schedules a task that notes {@code name} in {@link #ran}; the latch opens when it has run. */
  private CountDownLatch noteWhenRun(String name, Duration delay) {
    CountDownLatch done = new CountDownLatch(1);
    timer.schedule(() -> {
      ran.add(name);
      done.countDown();
    }, delay);
    return done;
  }

  /** The timer's thread, started by a task that tells it. */
  private Thread timerThread() throws Exception {
    CompletableFuture<Thread> thread = new CompletableFuture<>();
    timer.schedule(() -> thread.complete(Thread.currentThread()), Duration.ofMillis(1));
    Thread timerThread = thread.get(10, TimeUnit.SECONDS);
    assertThat(timerThread.getName()).startsWith("settle-timer-");
    return timerThread;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
