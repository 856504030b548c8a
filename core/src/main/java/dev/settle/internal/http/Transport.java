package dev.settle.internal.http;

import dev.settle.exception.RateLimitedException;
import dev.settle.exception.SettleException;
import dev.settle.spi.ApiCall;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Runs one call across its attempts: retries, one deadline for them all, listener events, and the
 * rule that decides when a write's outcome is unknown. What each failure means is the client's
 * {@link Failures}. The request of each attempt is the one Retrofit built, made on OkHttp, and a
 * 2xx answer is read by the converter Retrofit chose.
 *
 * <p>A call is a write when its request carries an {@code Idempotency-Key}; every attempt carries
 * the same key. Thread-safe; one per client.
 */
public final class Transport {
  private static final AtomicLong CALLS = new AtomicLong();
  private final HttpStack http;
  private final OkHttpClient okHttp;
  private final Failures failures;
  private final Backoff backoff;
  private final Duration callTimeout;
  private final Sleeper sleeper;
  private final Scheduler retries;
  private final Scheduler deadlines;
  private final CallObserver observer;

  /**
   * @param retries runs an asynchronous call's next attempt after its wait
   * @param deadlines cancels an asynchronous call at its deadline, queued or running
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
    Exchange<T> exchange = new Exchange<>(retrofit(call), timeout, callKey, false);
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
    Exchange<T> exchange = new Exchange<>(retrofit(call), timeout, callKey, true);
    CancellableFuture<T> future = new CancellableFuture<>(exchange);
    if (mayQueue()) {
      // OkHttp's own call timeout starts when the call leaves the queue: a timer keeps the
      // deadline of a call that may wait there.
      Runnable stopTimer = deadlines.schedule(future::expire, exchange.remaining());
      future.whenComplete((result, failure) -> stopTimer.run());
    }
    enqueue(exchange, future);
    return future;
  }

  /** Whether an asynchronous call made now may wait for a slot under the dispatcher's limits. */
  private boolean mayQueue() {
    Dispatcher dispatcher = okHttp.dispatcher();
    return dispatcher.queuedCallsCount() > 0
        || dispatcher.runningCallsCount() >= Math.min(dispatcher.getMaxRequests(), dispatcher.getMaxRequestsPerHost());
  }

  private static <T> RetrofitCall<T> retrofit(ApiCall<T> call) {
    if (!(call instanceof RetrofitCall)) {
      throw new IllegalArgumentException(
          "Make calls built by an interface of this client's, not " + call.getClass().getName());
    }
    return (RetrofitCall<T>) call;
  }

  private <T> void enqueue(Exchange<T> exchange, CancellableFuture<T> future) {
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
      retries.schedule(() -> {
        if (!future.isDone()) {
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
    /** On {@link System#nanoTime()}: a deadline must not move with the wall clock. */
    private final long started = System.nanoTime();
    private final long callId = CALLS.incrementAndGet();
    private final long deadline;
    private final RetrofitCall<T> api;
    private final Request request;
    private @Nullable String operation;
    private final boolean async;
    private final @Nullable String idempotencyKey;
    private final @Nullable String resolvingKey;
    private volatile Call call;
    private int attempt = 1;
    private long attemptStarted;
    private long queued;
    private int lastStatus;
    private @Nullable String requestId;
    /** An attempt may have done the work, and no answer since has said what became of it. */
    private boolean outcomeOpen;

    Exchange(RetrofitCall<T> api, @Nullable Duration timeout, @Nullable String callKey, boolean async) {
      this.api = api;
      this.request = api.request();
      this.deadline = started + (timeout != null ? timeout : callTimeout).toNanos();
      this.async = async;
      this.idempotencyKey = request.header(BillingService.IDEMPOTENCY_KEY);
      this.resolvingKey = callKey != null ? callKey : idempotencyKey;
      this.call = okHttp.newCall(request);
      if (observer != CallObserver.NONE) {
        tell(() -> observer.callStarted(new CallObserver.Start(callId, operation(), request.method(),
            request.url().encodedPath(), idempotencyKey)));
      }
    }

    /** The operation's name, worked out only for an event or a failure that reports it. */
    private String operation() {
      if (operation == null) {
        operation = api.operation();
      }
      return operation;
    }

    Duration remaining() {
      return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    Call prepare() {
      AttemptTrace.of(call);
      call.timeout().timeout(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      attemptStarted = System.nanoTime();
      return call;
    }

    void next() {
      call = okHttp.newCall(request);
      attempt++;
    }

    void cancel() {
      call.cancel();
    }

    /** Whether the first attempt has not left the dispatcher's queue. */
    boolean stillQueued() {
      return attempt == 1 && AttemptTrace.of(call).startedAt == 0;
    }

    /**
     * Reads one answer: an error body in the API's error shape (within the size limit; a connection
     * lost inside it is the network's, thrown), or a 2xx body through the call's converter.
     */
    Attempts.Attempt<T> interpret(Response response) throws IOException {
      noteStart();
      requestId = response.header("Request-Id");
      int status = response.code();
      if (!response.isSuccessful()) {
        Wire.Error error = status >= 400 ? http.error(response.body()) : null;
        SettleException failure = failures.answer(operation(), request, status, response.headers(), error, requestId);
        return Attempts.Attempt.failed(failure, Attempts.retryable(failure), Attempts.settlement(failure), status);
      }
      if (status == 204 || status == 205) {
        return unreadable(status, new WireFormatException("The answer has no body"));
      }
      T body;
      try {
        body = api.read(response.body(), requestId);
      } catch (WireFormatException why) {
        return unreadable(status, why);
      }
      if (body == null) {
        return unreadable(status, new WireFormatException("The body was JSON null"));
      }
      return new Attempts.Attempt<>(body, null, false, Attempts.Settlement.SETTLES, status);
    }

    /**
     * A request that never left is safely repeated and changes nothing; one that may have left
     * leaves a write's outcome open. A certificate the client refuses (a pin, a hostname) will be
     * refused again: not repeated.
     */
    Attempts.Attempt<T> networkFailure(IOException cause) {
      noteStart();
      boolean sent = AttemptTrace.of(call).mayHaveSent;
      boolean untrusted = cause instanceof SSLPeerUnverifiedException || cause instanceof SSLHandshakeException;
      return Attempts.Attempt.failed(failures.network(operation(), request, cause, sent), !untrusted,
          sent ? Attempts.Settlement.OPENS : Attempts.Settlement.NEUTRAL, 0);
    }

    /**
     * A failure from outside Settle's code (an interceptor of a shared client): reported, not
     * repeated.
     */
    Attempts.Attempt<T> thrown(Throwable cause) {
      noteStart();
      return Attempts.Attempt.failed(failures.unexpected(operation(), request, cause), false,
          AttemptTrace.of(call).mayHaveSent ? Attempts.Settlement.OPENS : Attempts.Settlement.NEUTRAL, 0);
    }

    /** A 2xx answer that cannot be read: a write answered 2xx was most probably done. */
    private Attempts.Attempt<T> unreadable(int status, WireFormatException why) {
      return Attempts.Attempt.failed(failures.unreadable(operation(), request, status, requestId, why), false,
          Attempts.Settlement.OPENS, status);
    }

    /** Reports the attempt and says how long to wait before the next, or null for none. */
    @Nullable Duration decide(Attempts.Attempt<T> outcome) {
      if (outcome.settlement == Attempts.Settlement.OPENS) {
        outcomeOpen = true;
      } else if (outcome.settlement == Attempts.Settlement.SETTLES) {
        outcomeOpen = false;
      }
      lastStatus = outcome.status;
      Duration wait = outcome.failure == null || !outcome.retryable ? null : retryWait(outcome.failure);
      if (observer != CallObserver.NONE) {
        tell(() -> observer.attemptEnded(new CallObserver.Attempt(callId, operation(), request.method(),
            request.url().encodedPath(), attempt, outcome.status, requestId, idempotencyKey,
            Duration.ofNanos(System.nanoTime() - attemptStarted), outcome.failure, wait != null)));
      }
      return wait;
    }

    private @Nullable Duration retryWait(SettleException failure) {
      if (attempt >= backoff.maxAttempts()) {
        return null;
      }
      Duration wait = backoff.wait(attempt);
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
     * The exception the call ends with. A write ends unknown whenever any attempt may have done
     * the work and no later answer said what became of it, even if the last attempt's own failure
     * (a 429, a refused connection) says nothing was done then.
     */
    SettleException fail(SettleException failure) {
      SettleException last = resolvingKey != null && idempotencyKey != null && outcomeOpen
          ? failures.unknown(resolvingKey, attempt, failure)
          : failure;
      reportEnd(last);
      return last;
    }

    /** How long an asynchronous call's first attempt waited in the dispatcher's queue. */
    private void noteStart() {
      if (async && attempt == 1 && queued == 0) {
        long startedAt = AttemptTrace.of(call).startedAt;
        queued = startedAt == 0 ? 0 : Math.max(1, startedAt - started);
      }
    }

    private void reportEnd(@Nullable SettleException failure) {
      if (observer != CallObserver.NONE) {
        tell(() -> observer.callEnded(new CallObserver.Ending(callId, operation(), attempt,
            Duration.ofNanos(System.nanoTime() - started), Duration.ofNanos(queued), lastStatus, requestId,
            idempotencyKey, failure)));
      }
    }
  }

  private static void tell(Runnable event) {
    try {
      event.run();
    } catch (RuntimeException ignored) {
      // A listener's failure must not change the outcome of the call it observes.
    }
  }

  /** A future whose cancellation, or its deadline, cancels the HTTP call in progress. */
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

    /**
     * The deadline passed: the HTTP call is cancelled, and its failure ends the call as any other
     * attempt's would. A call still waiting for a slot would only fail when OkHttp gets to it, so
     * it ends now, as a request that never left.
     */
    void expire() {
      if (isDone()) {
        return;
      }
      exchange.cancel();
      if (exchange.stillQueued()) {
        SettleException failure = exchange.networkFailure(
            new InterruptedIOException("The call's deadline passed while it waited for a slot")).failure;
        completeExceptionally(exchange.fail(failure));
      }
    }
  }
}
