package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A request arriving while the first under its key runs waits a moment for that answer and
 * replays it, instead of being refused: under load the first may only be queued for the state's
 * lock. (Refused after the wait: see the in-flight tests of {@link IdempotencyTest}.)
 */
class InFlightKeyTest {
  private static final Instant NOW = Instant.parse("2026-11-26T09:30:00Z");

  private final Idempotency idempotency = new Idempotency();
  private final ExecutorService otherThread = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    otherThread.shutdownNow();
  }

  @Test
  void aRequestWaitingForTheFirstGetsItsAnswer() throws Exception {
    Idempotency.Claim first = idempotency.claim("sk", "key-1", "POST /pay {}", NOW);
    assertThat(first.replay).isNull();
    CompletableFuture<Idempotency.Claim> second = secondClaimWaitingFor("key-1");

    Response answer = Response.json(200, Json.object("id", "py_1"));
    idempotency.finish(first, answer, "req_first");

    Idempotency.Claim replay = second.get(5, TimeUnit.SECONDS);
    assertThat(replay.replay).isSameAs(answer);
    assertThat(replay.originalRequestId).isEqualTo("req_first");
  }

  @Test
  void aRequestWaitingForAFirstThatKeptNothingRunsAfresh() throws Exception {
    Idempotency.Claim first = idempotency.claim("sk", "key-2", "POST /pay {}", NOW);
    CompletableFuture<Idempotency.Claim> second = secondClaimWaitingFor("key-2");

    idempotency.finish(first, null, "req_refused");   // refused by validation: nothing kept

    assertThat(second.get(5, TimeUnit.SECONDS).replay).as("a claim of its own").isNull();
  }

  /**
   * The same request under {@code key}, claimed on another thread; returns once that thread waits
   * in {@code claim} for the first request (polled, up to a deadline).
   */
  private CompletableFuture<Idempotency.Claim> secondClaimWaitingFor(String key) {
    AtomicReference<Thread> waiting = new AtomicReference<>();
    CompletableFuture<Idempotency.Claim> second = CompletableFuture.supplyAsync(() -> {
      waiting.set(Thread.currentThread());
      return idempotency.claim("sk", key, "POST /pay {}", NOW);
    }, otherThread);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (waiting.get() == null || waiting.get().getState() != Thread.State.TIMED_WAITING) {
      assertThat(System.nanoTime()).as("the second request waits for the first").isLessThan(deadline);
      Thread.onSpinWait();
    }
    return second;
  }
}
