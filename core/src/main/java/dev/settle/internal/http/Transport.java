package dev.settle.internal.http;

import dev.settle.exception.SettleException;
import dev.settle.spi.ApiCall;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Runs calls: a blocking call on its caller's thread, an asynchronous one through OkHttp's
 * dispatcher; the client's timer keeps both deadlines, time queued included. What happens
 * across one call's attempts (retries, the deadline, listener events, the rule that decides when a
 * write's outcome is unknown) is its {@link Exchange}; what each failure means is the client's
 * {@link Failures}. The request of each attempt is the one Retrofit built, made on OkHttp, and a
 * 2xx answer is read by the converter Retrofit chose.
 *
 * <p>A call is a write when its request carries an {@code Idempotency-Key}; every attempt carries
 * the same key. Thread-safe; one per client.
 */
public final class Transport {
  // Read by each call's Exchange.
  final HttpStack http;
  final OkHttpClient okHttp;
  final Failures failures;
  final Backoff backoff;
  final Duration callTimeout;
  final CallObserver observer;
  final Scheduler deadlines;
  private final Sleeper sleeper;
  private final Scheduler retries;

  /**
   * @param retries runs an asynchronous call's next attempt after its wait
   * @param deadlines ends a call at its deadline, queued, running or waiting to retry
   */
  public Transport(HttpStack http, Failures failures, Backoff backoff, Duration callTimeout,
      Sleeper sleeper, Scheduler retries, Scheduler deadlines, CallObserver observer) {
    this.http = http;
    this.okHttp = http.okHttp();
    this.failures = failures;
    this.backoff = backoff;
    this.callTimeout = callTimeout;
    this.sleeper = sleeper;
    this.retries = retries;
    this.deadlines = deadlines;
    this.observer = observer;
  }

  /**
   * Makes {@code call}, blocking, and returns its decoded answer.
   *
   * @param timeout the whole call's limit, all attempts and waits included; null for the client's
   */
  public <T> T execute(ApiCall<T> call, @Nullable Duration timeout) {
    return execute(call, timeout, null);
  }

  /**
   * Like {@link #execute(ApiCall, Duration)}, reporting an unknown outcome under {@code callKey}
   * when the request's own key is derived from it: repeating the whole call is what resolves it.
   */
  public <T> T execute(ApiCall<T> call, @Nullable Duration timeout, @Nullable String callKey) {
    Exchange<T> exchange = new Exchange<>(this, retrofit(call), timeout, callKey, false);
    exchange.keepDeadline(exchange::expire);
    while (true) {
      Attempts.Attempt<T> attempt;
      try (Response response = exchange.prepare().execute()) {
        attempt = exchange.interpret(response);
      } catch (IOException e) {
        attempt = exchange.networkFailure(e);
      } catch (RuntimeException e) {
        attempt = exchange.thrown(e);
      }
      Duration wait = exchange.decide(attempt);
      if (attempt.failure == null) {
        return exchange.succeed(attempt.body);
      }
      if (wait == null) {
        throw exchange.fail(attempt.failure);
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw exchange.fail(attempt.failure);
      }
      exchange.next();
    }
  }

  /**
   * Starts {@code call} without blocking. Cancelling the future cancels the HTTP call in flight;
   * the deadline counts from now, time queued behind the limit of calls in flight included.
   */
  public <T> CompletableFuture<T> executeAsync(ApiCall<T> call, @Nullable Duration timeout) {
    return executeAsync(call, timeout, null);
  }

  /** Like {@link #executeAsync(ApiCall, Duration)}, reporting an unknown outcome under {@code callKey}. */
  public <T> CompletableFuture<T> executeAsync(ApiCall<T> call, @Nullable Duration timeout,
      @Nullable String callKey) {
    Exchange<T> exchange = new Exchange<>(this, retrofit(call), timeout, callKey, true);
    CancellableFuture<T> future = new CancellableFuture<>(exchange);
    exchange.keepDeadline(future::expire);
    enqueue(exchange, future);
    return future;
  }

  private static <T> RetrofitCall<T> retrofit(ApiCall<T> call) {
    if (!(call instanceof RetrofitCall)) {
      throw new IllegalArgumentException(
          "Make calls built by an interface of this client's, not " + call.getClass().getName());
    }
    return (RetrofitCall<T>) call;
  }

  private <T> void enqueue(Exchange<T> exchange, CancellableFuture<T> future) {
    if (exchange.expired()) {
      // The deadline passed before this attempt began: it ends now, not once a slot frees up.
      continueAsync(exchange, future, exchange.networkFailure(new InterruptedIOException("timeout")));
      return;
    }
    Call attempt;
    try {
      attempt = exchange.prepare();
    } catch (RuntimeException e) {
      continueAsync(exchange, future, exchange.thrown(e));
      return;
    }
    attempt.enqueue(new Callback() {
      @Override
      public void onResponse(Call call, Response response) {
        Attempts.Attempt<T> read;
        try (response) {
          read = exchange.interpret(response);
        } catch (IOException e) {
          read = exchange.networkFailure(e);
        } catch (RuntimeException e) {
          read = exchange.thrown(e);
        }
        continueAsync(exchange, future, read);
      }

      @Override
      public void onFailure(Call call, IOException failure) {
        continueAsync(exchange, future, exchange.networkFailure(failure));
      }
    });
  }

  private <T> void continueAsync(Exchange<T> exchange, CancellableFuture<T> future, Attempts.Attempt<T> attempt) {
    if (future.isDone()) {
      return;
    }
    Duration wait = exchange.decide(attempt);
    if (attempt.failure == null) {
      future.complete(exchange.succeed(attempt.body));
    } else if (wait == null) {
      future.completeExceptionally(exchange.fail(attempt.failure));
    } else {
      retries.schedule(() -> offTimer(() -> {
        if (!future.isDone()) {
          exchange.next();
          enqueue(exchange, future);
        }
      }), wait);
    }
  }

  /**
   * Runs {@code work} on the dispatcher's threads, where an asynchronous call's answers are
   * handled: work that may complete a future runs the caller's stages, which must not hold up the
   * timer that keeps every call's deadline. Once the dispatcher is shut down with its client, the
   * work runs here.
   */
  private void offTimer(Runnable work) {
    try {
      okHttp.dispatcher().executorService().execute(work);
    } catch (RejectedExecutionException shutDown) {
      work.run();
    }
  }

  /** A future whose cancellation, or its deadline, cancels the HTTP call in progress. */
  private final class CancellableFuture<T> extends CompletableFuture<T> {
    private final Exchange<T> exchange;

    CancellableFuture(Exchange<T> exchange) {
      this.exchange = exchange;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      exchange.cancel();
      return cancelled;
    }

    /**
     * The deadline passed: the HTTP call is cancelled, and its failure ends the call as any other
     * attempt's would. A call still waiting for a slot would only fail when OkHttp gets to it, so
     * it ends now, as a request that never left.
     */
    void expire() {
      if (isDone()) {
        return;
      }
      exchange.expire();
      if (exchange.stillQueued()) {
        offTimer(() -> {
          SettleException failure = exchange.networkFailure(
              new InterruptedIOException("The call's deadline passed while it waited for a slot")).failure;
          completeExceptionally(exchange.fail(failure));
        });
      }
    }
  }
}
