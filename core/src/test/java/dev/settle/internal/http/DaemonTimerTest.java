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

/** The client's timer: tasks run once due, in order, unless cancelled; its thread ends on close. */
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
    CountDownLatch soon = new CountDownLatch(1);
    timer.schedule(() -> ran.add("late"), Duration.ofMinutes(10));
    long started = System.nanoTime();
    timer.schedule(() -> {
      ran.add("soon");
      soon.countDown();
    }, Duration.ofMillis(50));

    assertThat(soon.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    assertThat(ran).containsExactly("soon");
  }

  @Test
  void aCancelledTaskNeverRunsAndTheOthersRunInTheOrderTheyAreDue() throws Exception {
    CountDownLatch last = new CountDownLatch(1);
    timer.schedule(() -> {
      ran.add("third");
      last.countDown();
    }, Duration.ofMillis(120));
    Runnable cancel = timer.schedule(() -> ran.add("cancelled"), Duration.ofMillis(40));
    timer.schedule(() -> ran.add("second"), Duration.ofMillis(80));
    timer.schedule(() -> ran.add("first"), Duration.ofMillis(20));
    cancel.run();
    cancel.run();

    assertThat(last.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(ran).containsExactly("first", "second", "third");
  }

  @Test
  void aFailingTaskDoesNotStopTheTimer() throws Exception {
    CountDownLatch after = new CountDownLatch(1);
    timer.schedule(() -> {
      throw new IllegalStateException("a listener's bug");
    }, Duration.ofMillis(10));
    timer.schedule(after::countDown, Duration.ofMillis(30));

    assertThat(after.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aTaskWithNoDelayRunsAtOnceOnTheCallersThread() {
    timer.schedule(() -> ran.add(Thread.currentThread().getName()), Duration.ZERO);

    assertThat(ran).containsExactly(Thread.currentThread().getName());
  }

  @Test
  void closingEndsItsThreadAndDropsWhatWasPending() throws Exception {
    CompletableFuture<Thread> thread = new CompletableFuture<>();
    timer.schedule(() -> thread.complete(Thread.currentThread()), Duration.ofMillis(1));
    Thread timerThread = thread.get(10, TimeUnit.SECONDS);
    assertThat(timerThread.getName()).startsWith("settle-timer-");
    timer.schedule(() -> ran.add("dropped"), Duration.ofMillis(200));

    timer.close();
    timerThread.join(TimeUnit.SECONDS.toMillis(10));

    assertThat(timerThread.isAlive()).isFalse();
    assertThat(ran).isEmpty();
    timer.schedule(() -> ran.add("after close"), Duration.ofMillis(1));
    assertThat(ran).isEmpty();
  }
}
