package dev.settle;

import dev.settle.internal.http.ApiCall;
import dev.settle.internal.http.HttpStack;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Runs one call across its attempts and turns every outcome into a result or one of Settle's
 * exceptions: retries, deadlines, listener events, and the rule that decides when a write's
 * outcome is unknown.
 */
final class Transport {
  private final HttpStack http;
  private final Failures failures;
  private final RetryPolicy retryPolicy;
  private final Duration callTimeout;
  private final Sleeper sleeper;
  private final Scheduler scheduler;
  private final CallListener listener;

  Transport(HttpStack http, Clock clock, RetryPolicy retryPolicy, Duration callTimeout,
      Sleeper sleeper, Scheduler scheduler, CallListener listener) {
    this.http = http;
    this.failures = new Failures(clock);
    this.retryPolicy = retryPolicy;
    this.callTimeout = callTimeout;
    this.sleeper = sleeper;
    this.scheduler = scheduler;
    this.listener = listener;
  }

  HttpStack http() {
    return http;
  }

  /** Executes a read. */
  <T> T read(ApiCall<T> call, RequestOptions options) {
    return execute(new Exchange<>(call, null, options));
  }

  /** Executes a write that carries {@code idempotencyKey} on every attempt. */
  <T> T write(ApiCall<T> call, String idempotencyKey, RequestOptions options) {
    return execute(new Exchange<>(call, idempotencyKey, options));
  }

  /** Starts a read without blocking; cancelling the future cancels the HTTP call. */
  <T> CompletableFuture<T> readAsync(ApiCall<T> call, RequestOptions options) {
    return executeAsync(new Exchange<>(call, null, options));
  }

  /** Starts a write without blocking; cancelling the future cancels the HTTP call. */
  <T> CompletableFuture<T> writeAsync(ApiCall<T> call, String idempotencyKey, RequestOptions options) {
    return executeAsync(new Exchange<>(call, idempotencyKey, options));
  }

  private <T> T execute(Exchange<T> exchange) {
    while (true) {
      Attempt<T> attempt;
      try {
        attempt = exchange.interpret(exchange.prepare().execute());
      } catch (IOException e) {
        attempt = exchange.networkFailure(e);
      } catch (RuntimeException e) {
        attempt = exchange.unexpected(e);
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

  private <T> CompletableFuture<T> executeAsync(Exchange<T> exchange) {
    CancellableFuture<T> future = new CancellableFuture<>(exchange);
    enqueue(exchange, future);
    return future;
  }

  private <T> void enqueue(Exchange<T> exchange, CancellableFuture<T> future) {
    exchange.prepare().enqueue(new ApiCall.ReplyCallback<T>() {
      @Override
      public void onResponse(ApiCall.Reply<T> reply) {
        continueAsync(exchange, future, exchange.interpret(reply));
      }

      @Override
      public void onFailure(Throwable failure) {
        Attempt<T> attempt;
        if (failure instanceof IOException) {
          attempt = exchange.networkFailure((IOException) failure);
        } else {
          attempt = exchange.unexpected(failure);
        }
        continueAsync(exchange, future, attempt);
      }
    });
  }

  private <T> void continueAsync(Exchange<T> exchange, CancellableFuture<T> future, Attempt<T> attempt) {
    if (future.isCancelled()) {
      return;
    }
    Duration wait = exchange.decide(attempt);
    if (attempt.failure == null) {
      future.complete(exchange.succeed(attempt.body));
    } else if (wait == null) {
      future.completeExceptionally(exchange.fail(attempt.failure));
    } else {
      scheduler.schedule(() -> {
        if (!future.isCancelled()) {
          exchange.next();
          enqueue(exchange, future);
        }
      }, wait);
    }
  }

  /**
   * One call across its attempts: its deadline, its current HTTP call, the events it reports, and
   * whether an earlier attempt may have done a write that no later answer has settled. Used by
   * one thread at a time (the caller's, or the OkHttp thread of the current attempt).
   */
  private final class Exchange<T> {
    private final String idempotencyKey;
    /** On {@link System#nanoTime()}: a deadline must not move with the wall clock. */
    private final long deadline;
    private final long started = System.nanoTime();
    private volatile ApiCall<T> call;
    private int attempt = 1;
    private long attemptStarted;
    private String requestId;
    /** An attempt may have done the work, and no answer since has said what became of it. */
    private boolean outcomeOpen;

    Exchange(ApiCall<T> call, String idempotencyKey, RequestOptions options) {
      this.call = call;
      this.idempotencyKey = idempotencyKey;
      this.deadline = System.nanoTime() + options.timeout().orElse(callTimeout).toNanos();
    }

    ApiCall<T> prepare() {
      call.timeout().timeout(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      attemptStarted = System.nanoTime();
      return call;
    }

    void next() {
      call = call.clone();
      attempt++;
    }

    void cancel() {
      call.cancel();
    }

    Attempt<T> interpret(ApiCall.Reply<T> reply) {
      requestId = reply.headers().get("Request-Id");
      if (!reply.isSuccessful()) {
        SettleException failure = failures.answer(call, reply, requestId);
        return Attempt.failed(failure, retryable(failure), settlement(failure));
      }
      if (reply.unreadable() != null) {
        // A write answered 2xx was most probably done, even if its answer cannot be read.
        return Attempt.failed(failures.unreadable(call, reply, requestId), false, Settlement.OPENS);
      }
      return new Attempt<>(RequestIds.attach(reply.body(), requestId), null, false, Settlement.SETTLES, reply.code());
    }

    /**
     * A request that never left is safely repeated and changes nothing; one that may have left
     * leaves a write's outcome open. A certificate the client refuses (a pin, a hostname) will be
     * refused again: not repeated.
     */
    Attempt<T> networkFailure(IOException cause) {
      boolean sent = call.mayHaveBeenSent();
      boolean untrusted = cause instanceof SSLPeerUnverifiedException || cause instanceof SSLHandshakeException;
      return Attempt.failed(failures.network(call, cause, sent), !untrusted,
          sent ? Settlement.OPENS : Settlement.NEUTRAL);
    }

    /** A failure from outside Settle's own code (an interceptor, a logger): reported, not retried. */
    Attempt<T> unexpected(Throwable cause) {
      return Attempt.failed(failures.unexpected(call, cause), false,
          call.mayHaveBeenSent() ? Settlement.OPENS : Settlement.NEUTRAL);
    }

    /** Reports the attempt and says how long to wait before the next, or null for none. */
    Duration decide(Attempt<T> outcome) {
      if (outcome.settlement == Settlement.OPENS) {
        outcomeOpen = true;
      } else if (outcome.settlement == Settlement.SETTLES) {
        outcomeOpen = false;
      }
      Duration wait = outcome.failure == null || !outcome.retryable ? null : retryWait(outcome.failure);
      if (listener == CallListener.NONE) {
        return wait;
      }
      tell(() -> listener.attemptEnded(new AttemptEvent(call.operation(), call.request().method(),
          call.request().url().encodedPath(), attempt, outcome.status, requestId, idempotencyKey,
          Duration.ofNanos(System.nanoTime() - attemptStarted),
          outcome.failure == null ? null : outcome.failure.getClass().getSimpleName(), wait != null)));
      return wait;
    }

    private Duration retryWait(SettleException failure) {
      if (attempt >= retryPolicy.maxAttempts()) {
        return null;
      }
      Duration wait = retryPolicy.backoff(attempt);
      if (failure instanceof RateLimitedException) {
        Duration asked = ((RateLimitedException) failure).retryAfter().orElse(Duration.ZERO);
        wait = asked.compareTo(wait) > 0 ? asked : wait;
      }
      return System.nanoTime() + wait.toNanos() < deadline ? wait : null;
    }

    T succeed(T body) {
      reportEnd(null);
      return body;
    }

    /**
     * The exception the call ends with. A write ends in {@link OutcomeUnknownException} whenever
     * any attempt may have done the work and no later answer said what became of it, even if the
     * last attempt's own failure (a 429, a refused connection) says nothing was done then.
     */
    SettleException fail(SettleException failure) {
      SettleException last =
          idempotencyKey != null && outcomeOpen
              ? new OutcomeUnknownException(idempotencyKey, attempt, failure)
              : failure;
      reportEnd(last);
      return last;
    }

    private void reportEnd(SettleException failure) {
      if (listener == CallListener.NONE) {
        return;
      }
      tell(() -> listener.callEnded(new CallEvent(call.operation(), attempt,
          Duration.ofNanos(System.nanoTime() - started), requestId, idempotencyKey, failure)));
    }
  }

  private static void tell(Runnable event) {
    try {
      event.run();
    } catch (RuntimeException ignored) {
      // A listener's failure must not change the outcome of the call it observes.
    }
  }

  /** Statuses that may pass: overload (429), a gateway's trouble (502-504), the key still running. */
  private static boolean retryable(SettleException failure) {
    if (!(failure instanceof ApiException)) {
      return false;
    }
    int status = ((ApiException) failure).statusCode();
    return status == 429 || status == 502 || status == 503 || status == 504 || keyInFlight(failure);
  }

  /**
   * What an answer says about a write's outcome. A server error may come after the work was done,
   * and a key still in flight is an earlier attempt at work; a 429 or a redirect says only that
   * this attempt was not served; any other answer is the server's word on the key.
   */
  private static Settlement settlement(SettleException failure) {
    if (failure instanceof UnexpectedRedirectException || failure instanceof RateLimitedException) {
      return Settlement.NEUTRAL;
    }
    if (((ApiException) failure).statusCode() >= 500 || keyInFlight(failure)) {
      return Settlement.OPENS;
    }
    return Settlement.SETTLES;
  }

  private static boolean keyInFlight(SettleException failure) {
    return failure instanceof ConflictException
        && ((ConflictException) failure).code().filter("idempotency_key_in_use"::equals).isPresent();
  }

  /** What one attempt tells about whether a write was done. */
  private enum Settlement {
    /** The work may have been done, and this attempt does not say whether. */
    OPENS,
    /** The server's answer for the key: done, or refused. */
    SETTLES,
    /** Nothing: the request never reached the server's work. */
    NEUTRAL
  }

  /** One attempt's result: a body, or the failure to weigh for a retry. */
  private static final class Attempt<T> {
    final T body;
    final SettleException failure;
    final boolean retryable;
    final Settlement settlement;
    final int status;

    Attempt(T body, SettleException failure, boolean retryable, Settlement settlement, int status) {
      this.body = body;
      this.failure = failure;
      this.retryable = retryable;
      this.settlement = settlement;
      this.status = status;
    }

    static <T> Attempt<T> failed(SettleException failure, boolean retryable, Settlement settlement) {
      int status = failure instanceof ApiException ? ((ApiException) failure).statusCode()
          : failure instanceof MalformedResponseException ? ((MalformedResponseException) failure).statusCode()
          : failure instanceof UnexpectedRedirectException ? ((UnexpectedRedirectException) failure).statusCode()
          : 0;
      return new Attempt<>(null, failure, retryable, settlement, status);
    }
  }

  /** A future whose cancellation cancels the HTTP call in progress. */
  private static final class CancellableFuture<T> extends CompletableFuture<T> {
    private final Transport.Exchange<T> exchange;

    CancellableFuture(Transport.Exchange<T> exchange) {
      this.exchange = exchange;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      exchange.cancel();
      return cancelled;
    }
  }
}
