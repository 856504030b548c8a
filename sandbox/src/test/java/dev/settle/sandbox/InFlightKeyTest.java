package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A request arriving while the first under its key runs waits a moment for that answer and
 * replays it, instead of being refused: under load the first may only be queued for the state's
 * lock. (Refused after the wait: see the in-flight tests of {@link IdempotencyTest}.)
 */
class InFlightKeyTest {
  private static final Instant NOW = Instant.parse("2026-11-26T09:30:00Z");

  @Test
  void aRequestWaitingForTheFirstGetsItsAnswer() throws Exception {
    Idempotency idempotency = new Idempotency();
    Idempotency.Claim first = idempotency.claim("sk", "key-1", "POST /pay {}", NOW);
    assertThat(first.replay).isNull();
    ExecutorService thread = Executors.newSingleThreadExecutor();
    AtomicReference<Thread> waiting = new AtomicReference<>();
    try {
      CompletableFuture<Idempotency.Claim> second = CompletableFuture.supplyAsync(() -> {
        waiting.set(Thread.currentThread());
        return idempotency.claim("sk", "key-1", "POST /pay {}", NOW);
      }, thread);
      awaitWaiting(waiting);

      Response answer = Response.json(200, Json.object("id", "py_1"));
      idempotency.finish(first, answer, "req_first");

      Idempotency.Claim replay = second.get(5, TimeUnit.SECONDS);
      assertThat(replay.replay).isSameAs(answer);
      assertThat(replay.originalRequestId).isEqualTo("req_first");
    } finally {
      thread.shutdownNow();
    }
  }

  @Test
  void aRequestWaitingForAFirstThatKeptNothingRunsAfresh() throws Exception {
    Idempotency idempotency = new Idempotency();
    Idempotency.Claim first = idempotency.claim("sk", "key-2", "POST /pay {}", NOW);
    ExecutorService thread = Executors.newSingleThreadExecutor();
    AtomicReference<Thread> waiting = new AtomicReference<>();
    try {
      CompletableFuture<Idempotency.Claim> second = CompletableFuture.supplyAsync(() -> {
        waiting.set(Thread.currentThread());
        return idempotency.claim("sk", "key-2", "POST /pay {}", NOW);
      }, thread);
      awaitWaiting(waiting);

      idempotency.finish(first, null, "req_refused");   // refused by validation: nothing kept

      assertThat(second.get(5, TimeUnit.SECONDS).replay).as("a claim of its own").isNull();
    } finally {
      thread.shutdownNow();
    }
  }

  /** Polls, up to a deadline, until the thread waits in {@code claim} for the first request. */
  private static void awaitWaiting(AtomicReference<Thread> waiting) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (waiting.get() == null || waiting.get().getState() != Thread.State.TIMED_WAITING) {
      assertThat(System.nanoTime()).as("the second request waits for the first").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }
}
