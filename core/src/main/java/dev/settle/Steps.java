package dev.settle;

import dev.settle.exception.SettleException;
import dev.settle.spi.ApiCall;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The requests of one public operation, run on the caller's thread for a blocking call or on
 * OkHttp's for an {@code …Async} one: one chain of steps serves both. The future of an
 * asynchronous operation cancels the request in flight when it is cancelled, and no later step
 * starts; a write cancelled after it may have left is as unknown as one that lost its answer,
 * and is resolved the same way, by repeating it with its key.
 */
final class Steps {
  private final Backend backend;
  private final RequestOptions options;
  private final @Nullable Operation<?> operation;

  private Steps(Backend backend, RequestOptions options, @Nullable Operation<?> operation) {
    this.backend = backend;
    this.options = options;
    this.operation = operation;
  }

  /** Steps not chained into an operation: each request stands alone, as a provider flow's do. */
  static Steps standalone(Backend backend, RequestOptions options) {
    return new Steps(backend, options, null);
  }

  /** Runs {@code steps} on the caller's thread and returns their result or throws their failure. */
  static <T> T blocking(Backend backend, RequestOptions options, Function<Steps, CompletableFuture<T>> steps) {
    try {
      return join(steps.apply(new Steps(backend, options, null)));
    } catch (OutcomeUnknownException unknown) {
      throw unknown.ofCall(options);
    }
  }

  /**
   * Makes one request on the caller's thread and turns its answer into the result with {@code
   * then}: the same as a chain of that one step, with no future to build.
   */
  static <T, R> R blocking(Backend backend, RequestOptions options, ApiCall<T> call, Function<T, R> then) {
    try {
      return then.apply(backend.call(call, options));
    } catch (OutcomeUnknownException unknown) {
      throw unknown.ofCall(options);
    }
  }

  /** Like {@link #blocking(Backend, RequestOptions, ApiCall, Function)}, without blocking. */
  static <T, R> CompletableFuture<R> async(Backend backend, RequestOptions options, ApiCall<T> call,
      Function<T, R> then) {
    return async(backend, options, steps -> steps.call(call).thenApply(then));
  }

  /** Starts {@code steps} and returns a future that cancels the one in flight. */
  static <T> CompletableFuture<T> async(
      Backend backend, RequestOptions options, Function<Steps, CompletableFuture<T>> steps) {
    Operation<T> operation = new Operation<>();
    CompletableFuture<T> chain;
    try {
      chain = steps.apply(new Steps(backend, options, operation));
    } catch (RuntimeException refused) {
      chain = CompletableFuture.failedFuture(refused);
    }
    chain.whenComplete((result, failure) -> {
      if (failure == null) {
        operation.complete(result);
      } else {
        Throwable cause = unwrapCompletion(failure);
        operation.completeExceptionally(
            cause instanceof OutcomeUnknownException ? ((OutcomeUnknownException) cause).ofCall(options) : cause);
      }
    });
    return operation;
  }

  boolean isAsync() {
    return operation != null;
  }

  RequestOptions options() {
    return options;
  }

  /** Makes one request of the operation, with the operation's options. */
  <T> CompletableFuture<T> call(ApiCall<T> call) {
    if (!isAsync()) {
      return completed(() -> backend.call(call, options));
    }
    if (operation.isCancelled()) {
      // A later step of a cancelled operation never starts.
      return CompletableFuture.failedFuture(new CancellationException());
    }
    return track(backend.callAsync(call, options));
  }

  /** Tracks a step's future so that cancelling the operation cancels it. */
  <T> CompletableFuture<T> track(CompletableFuture<T> step) {
    Operation<?> running = operation;
    if (running != null) {
      running.current = step;
      if (running.isCancelled()) {
        step.cancel(true);
      }
    }
    return step;
  }

  private static <T> CompletableFuture<T> completed(Supplier<T> step) {
    try {
      return CompletableFuture.completedFuture(step.get());
    } catch (SettleException failure) {
      return CompletableFuture.failedFuture(failure);
    }
  }

  private static Throwable unwrapCompletion(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }

  /** The Settle exception inside a future's failure; anything else is rethrown as it is. */
  static SettleException unwrap(Throwable failure) {
    Throwable cause = unwrapCompletion(failure);
    if (cause instanceof SettleException) {
      return (SettleException) cause;
    }
    if (cause instanceof RuntimeException) {
      throw (RuntimeException) cause;
    }
    if (cause instanceof Error) {
      throw (Error) cause;
    }
    throw new IllegalStateException(cause);
  }

  /** The result of a chain run on the caller's thread, which is complete when it returns. */
  static <T> T join(CompletableFuture<T> done) {
    try {
      return done.join();
    } catch (CompletionException | CancellationException e) {
      throw unwrap(e);
    }
  }

  /** An asynchronous operation's future: cancelling it cancels the step in flight. */
  private static final class Operation<T> extends CompletableFuture<T> {
    volatile @Nullable CompletableFuture<?> current;

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      CompletableFuture<?> step = current;
      if (step != null) {
        step.cancel(mayInterruptIfRunning);
      }
      return cancelled;
    }
  }
}
