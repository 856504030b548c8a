package dev.settle;

import dev.settle.internal.http.ApiCall;
import dev.settle.internal.http.HttpStack;
import dev.settle.internal.http.Wire;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Headers;

/**
 * Runs one call and turns every outcome into a result or one of Settle's exceptions: the single
 * place where HTTP statuses, error bodies and I/O failures are interpreted.
 */
final class Transport {
  private final HttpStack http;
  private final Clock clock;
  private final RetryPolicy retryPolicy;
  private final Duration callTimeout;
  private final Sleeper sleeper;
  private final Scheduler scheduler;
  private final CallListener listener;

  Transport(HttpStack http, Clock clock, RetryPolicy retryPolicy, Duration callTimeout,
      Sleeper sleeper, Scheduler scheduler, CallListener listener) {
    this.http = http;
    this.clock = clock;
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
   * One call across its attempts: its deadline, its current HTTP call, and the events it
   * reports. Used by one thread at a time (the caller's, or the OkHttp thread of the current
   * attempt).
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
        return Attempt.failed(failure(reply.code(), reply.headers(), reply.error(), requestId), true);
      }
      if (reply.unreadable() != null) {
        return Attempt.failed(new MalformedResponseException(
            "Unreadable response from " + describe() + ": " + reply.unreadable().getMessage(),
            reply.code(), requestId, reply.unreadable()), false);
      }
      return new Attempt<>(RequestIds.attach(reply.body(), requestId), null, false, reply.code());
    }

    /** A certificate the client refuses (a pin, a hostname) will be refused again: not retried. */
    Attempt<T> networkFailure(IOException cause) {
      boolean untrusted = cause instanceof SSLPeerUnverifiedException || cause instanceof SSLHandshakeException;
      return Attempt.failed(connectionFailure(call, cause), !untrusted);
    }

    /** A failure from outside Settle's own code (an interceptor, a logger): reported, not retried. */
    Attempt<T> unexpected(Throwable cause) {
      return Attempt.failed(new SettleException(
          "Unexpected failure on " + describe() + ": " + cause.getClass().getSimpleName(), null, cause), false);
    }

    /** Reports the attempt and says how long to wait before the next, or null for none. */
    Duration decide(Attempt<T> outcome) {
      Duration wait = outcome.failure == null || !outcome.retryable ? null : retryWait(outcome.failure);
      if (listener == CallListener.NONE) {
        return wait;
      }
      tell(() -> listener.attemptEnded(new AttemptEvent(call.operation(), call.request().method(),
          call.request().url().encodedPath(), attempt, outcome.statusCode(), requestId, idempotencyKey,
          Duration.ofNanos(System.nanoTime() - attemptStarted),
          outcome.failure == null ? null : outcome.failure.getClass().getSimpleName(), wait != null)));
      return wait;
    }

    private Duration retryWait(SettleException failure) {
      if (attempt >= retryPolicy.maxAttempts() || !retryable(failure)) {
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

    /** The exception the call ends with; for a write whose fate is open, outcome-unknown. */
    SettleException fail(SettleException failure) {
      SettleException last =
          idempotencyKey != null && outcomeOpen(failure)
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

    String describe() {
      return Transport.describe(call);
    }
  }

  private static void tell(Runnable event) {
    try {
      event.run();
    } catch (RuntimeException ignored) {
      // A listener's failure must not change the outcome of the call it observes.
    }
  }

  private static boolean retryable(SettleException failure) {
    if (failure instanceof ConnectionException) {
      return true;
    }
    if (!(failure instanceof ApiException)) {
      return false;
    }
    int status = ((ApiException) failure).statusCode();
    return status == 429 || status == 502 || status == 503 || status == 504 || keyInFlight(failure);
  }

  private static boolean outcomeOpen(SettleException failure) {
    return failure instanceof ConnectionException
        || (failure instanceof ApiException && ((ApiException) failure).statusCode() >= 500)
        || keyInFlight(failure);
  }

  private static boolean keyInFlight(SettleException failure) {
    return failure instanceof ConflictException
        && ((ConflictException) failure).code().filter("idempotency_key_in_use"::equals).isPresent();
  }

  /** One attempt's result: a body, or the failure to weigh for a retry. */
  private static final class Attempt<T> {
    final T body;
    final SettleException failure;
    final boolean retryable;
    final int status;

    Attempt(T body, SettleException failure, boolean retryable, int status) {
      this.body = body;
      this.failure = failure;
      this.retryable = retryable;
      this.status = status;
    }

    static <T> Attempt<T> failed(SettleException failure, boolean retryable) {
      int status = failure instanceof ApiException ? ((ApiException) failure).statusCode()
          : failure instanceof MalformedResponseException ? ((MalformedResponseException) failure).statusCode()
          : 0;
      return new Attempt<>(null, failure, retryable, status);
    }

    int statusCode() {
      return status;
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

  /** Turns a non-2xx response into the exception for its status and error code. */
  SettleException failure(int status, Headers headers, Wire.Error wire, String requestId) {
    ApiError error =
        wire == null
            ? new ApiError(status, null, null, null, null, null, requestId)
            : new ApiError(
                status,
                wire.type(),
                wire.code(),
                wire.message(),
                wire.param(),
                wire.declineCode(),
                wire.requestId() != null ? wire.requestId() : requestId);
    if (status == 401 || status == 403) {
      return new AuthenticationException(error);
    }
    if (status == 402) {
      return new PaymentDeclinedException(error, wire == null ? null : wire.payment());
    }
    if (status == 404) {
      return new NotFoundException(error);
    }
    if (status == 409) {
      return new ConflictException(error);
    }
    if (status == 429) {
      return new RateLimitedException(error, RetryAfter.parse(headers.get("Retry-After"), clock));
    }
    if (status >= 500) {
      return new ServerException(error);
    }
    return new InvalidRequestException(error);
  }

  private static ConnectionException connectionFailure(ApiCall<?> call, IOException cause) {
    return new ConnectionException(
        "Connection failure on " + describe(call) + ": " + cause.getClass().getSimpleName(), cause);
  }

  static String describe(ApiCall<?> call) {
    return call.request().method() + " " + call.request().url().encodedPath();
  }
}
