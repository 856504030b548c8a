package dev.settle.sandbox;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A request a test keeps in flight: sent from a thread of its own and held by the sandbox after
 * its idempotency key is claimed and before it executes, until {@link #release()}. Closing
 * releases it and removes the hold.
 */
final class HeldRequest implements AutoCloseable {
  private final SettleSandbox sandbox;
  private final CountDownLatch running = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);
  private final ExecutorService thread = Executors.newSingleThreadExecutor();
  private final CompletableFuture<Reply> reply;

  /** Sends {@code request} and answers once the sandbox holds it. */
  static HeldRequest send(SettleSandbox sandbox, Supplier<Reply> request) throws InterruptedException {
    return new HeldRequest(sandbox, request);
  }

  private HeldRequest(SettleSandbox sandbox, Supplier<Reply> request) throws InterruptedException {
    this.sandbox = sandbox;
    AtomicBoolean holdNext = new AtomicBoolean(true);
    sandbox.beforeExecute(template -> {
      if (holdNext.getAndSet(false)) {
        running.countDown();
        try {
          released.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
    reply = CompletableFuture.supplyAsync(request, thread);
    if (!running.await(10, TimeUnit.SECONDS)) {
      close();
      throw new AssertionError("The sandbox never held the request");
    }
  }

  /** Lets the request run and answers its reply. */
  Reply release() throws Exception {
    released.countDown();
    return reply.get(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    released.countDown();
    sandbox.beforeExecute(template -> { });
    thread.shutdownNow();
  }
}
