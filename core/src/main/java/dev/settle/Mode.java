package dev.settle;

import dev.settle.internal.http.ApiCall;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Whether the steps of a multi-request operation block the caller or run on OkHttp's threads: one
 * chain of steps serves both, each step completing before the next starts when blocking.
 */
enum Mode {
  BLOCKING,
  ASYNC;

  <T> CompletableFuture<T> read(AccountClient account, ApiCall<T> call) {
    return this == ASYNC
        ? account.transport().readAsync(call, RequestOptions.defaults())
        : completed(() -> account.transport().read(call, RequestOptions.defaults()));
  }

  <T> CompletableFuture<T> write(AccountClient account, ApiCall<T> call, String key, RequestOptions options) {
    return this == ASYNC
        ? account.transport().writeAsync(call, key, options)
        : completed(() -> account.transport().write(call, key, options));
  }

  private static <T> CompletableFuture<T> completed(Supplier<T> step) {
    try {
      return CompletableFuture.completedFuture(step.get());
    } catch (SettleException failure) {
      return CompletableFuture.failedFuture(failure);
    }
  }

  /** The Settle exception inside a future's failure. */
  static SettleException unwrap(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    if (cause instanceof SettleException) {
      return (SettleException) cause;
    }
    if (cause instanceof RuntimeException) {
      throw (RuntimeException) cause;
    }
    throw new IllegalStateException(cause);
  }

  /** The result of a chain run in {@link #BLOCKING}, which is complete when it returns. */
  static <T> T join(CompletableFuture<T> done) {
    try {
      return done.join();
    } catch (CompletionException e) {
      throw unwrap(e);
    }
  }
}
