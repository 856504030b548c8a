package dev.settle.internal.http;

import dev.settle.exception.RateLimitedException;
import dev.settle.exception.SettleException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * One call across its attempts: its deadline, its current HTTP call, the events it reports, and
 * whether an earlier attempt may have done a write that no later answer has settled. Used by
 * one thread at a time (the caller's, or the OkHttp thread of the current attempt), but for its
 * deadline, which the client's timer may pass at any time: that only sets a flag and cancels the
 * HTTP call. Its end is reported once, whichever thread gets there first.
 */
final class Exchange<T> {
  private static final AtomicLong CALLS = new AtomicLong();
  private final Transport transport;
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
  private AttemptTrace trace;
  /** Set once the deadline passed: the attempt in flight is cancelled, and any later one. */
  private volatile boolean expired;
  private Runnable stopDeadline = () -> { };
  private final AtomicBoolean ended = new AtomicBoolean();
  private int attempt = 1;
  private long attemptStarted;
  private long queued;
  private int lastStatus;
  private @Nullable String requestId;
  /** An attempt may have done the work, and no answer since has said what became of it. */
  private boolean outcomeOpen;

  Exchange(Transport transport, RetrofitCall<T> api, @Nullable Duration timeout, @Nullable String callKey,
      boolean async) {
    this.transport = transport;
    this.api = api;
    this.request = api.request();
    this.deadline = started + (timeout != null ? timeout : transport.callTimeout).toNanos();
    this.async = async;
    this.idempotencyKey = request.header(BillingService.IDEMPOTENCY_KEY);
    this.resolvingKey = callKey != null ? callKey : idempotencyKey;
    this.trace = new AttemptTrace();
    this.call = trace.newCall(transport.okHttp, request);
    if (transport.observer != CallObserver.NONE) {
      tell(() -> transport.observer.callStarted(new CallObserver.Start(callId, operation(),
          request.method(), request.url().encodedPath(), idempotencyKey)));
    }
  }

  /** The operation's name, worked out only for an event or a failure that reports it. */
  private String operation() {
    if (operation == null) {
      operation = api.operation();
    }
    return operation;
  }

  /**
   * Has the client's timer run {@code atDeadline} when the deadline passes, unless the call ended
   * first. The task ends the call by {@link #expire()}.
   */
  void keepDeadline(Runnable atDeadline) {
    stopDeadline = transport.deadlines.schedule(atDeadline, Duration.ofNanos(deadline - System.nanoTime()));
  }

  Call prepare() {
    attemptStarted = System.nanoTime();
    if (expired) {
      // The deadline passed while this attempt was made ready: it fails before it starts.
      call.cancel();
    }
    return call;
  }

  void next() {
    trace = new AttemptTrace();
    call = trace.newCall(transport.okHttp, request);
    attempt++;
  }

  /** The deadline passed: cancels the attempt in flight; its failure then reads as the deadline's. */
  void expire() {
    expired = true;
    call.cancel();
  }

  boolean expired() {
    return expired;
  }

  void cancel() {
    stopDeadline.run();
    call.cancel();
  }

  /** Whether the first attempt waits in the dispatcher's queue. */
  boolean stillQueued() {
    return attempt == 1 && trace.inQueue();
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
      Wire.Error error = status >= 400 ? transport.http.error(response.body()) : null;
      SettleException failure =
          transport.failures.answer(operation(), request, status, response.headers(), error, requestId);
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
    boolean sent = trace.mayHaveSent();
    boolean untrusted = cause instanceof SSLPeerUnverifiedException || cause instanceof SSLHandshakeException;
    IOException failure = expired ? deadlinePassed(cause) : cause;
    return Attempts.Attempt.failed(transport.failures.network(operation(), request, failure, sent), !untrusted,
        sent ? Attempts.Settlement.OPENS : Attempts.Settlement.NEUTRAL, 0);
  }

  /** What a call cancelled at its deadline failed with: a timeout, as the socket's own would read. */
  private static IOException deadlinePassed(IOException cancelled) {
    if (cancelled instanceof InterruptedIOException) {
      return cancelled;
    }
    InterruptedIOException timeout = new InterruptedIOException("timeout");
    timeout.initCause(cancelled);
    return timeout;
  }

  /**
   * A failure from outside Settle's code (an interceptor of a shared client): reported, not
   * repeated.
   */
  Attempts.Attempt<T> thrown(Throwable cause) {
    noteStart();
    return Attempts.Attempt.failed(transport.failures.unexpected(operation(), request, cause), false,
        trace.mayHaveSent() ? Attempts.Settlement.OPENS : Attempts.Settlement.NEUTRAL, 0);
  }

  /** A 2xx answer that cannot be read: a write answered 2xx was most probably done. */
  private Attempts.Attempt<T> unreadable(int status, WireFormatException why) {
    return Attempts.Attempt.failed(transport.failures.unreadable(operation(), request, status, requestId, why),
        false, Attempts.Settlement.OPENS, status);
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
    if (transport.observer != CallObserver.NONE) {
      tell(() -> transport.observer.attemptEnded(new CallObserver.Attempt(callId, operation(),
          request.method(), request.url().encodedPath(), attempt, outcome.status, requestId, idempotencyKey,
          Duration.ofNanos(System.nanoTime() - attemptStarted), outcome.failure, wait != null)));
    }
    return wait;
  }

  private @Nullable Duration retryWait(SettleException failure) {
    if (attempt >= transport.backoff.maxAttempts()) {
      return null;
    }
    Duration wait = transport.backoff.wait(attempt);
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
        ? transport.failures.unknown(resolvingKey, attempt, failure)
        : failure;
    reportEnd(last);
    return last;
  }

  /** How long an asynchronous call's first attempt waited in the dispatcher's queue. */
  private void noteStart() {
    if (async && attempt == 1 && queued == 0) {
      long leftQueueAt = trace.leftQueueAt();
      queued = leftQueueAt == 0 ? 0 : Math.max(1, leftQueueAt - started);
    }
  }

  private void reportEnd(@Nullable SettleException failure) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    stopDeadline.run();
    if (transport.observer != CallObserver.NONE) {
      tell(() -> transport.observer.callEnded(new CallObserver.Ending(callId, operation(), attempt,
          Duration.ofNanos(System.nanoTime() - started), Duration.ofNanos(queued), lastStatus, requestId,
          idempotencyKey, failure)));
    }
  }

  private static void tell(Runnable event) {
    try {
      event.run();
    } catch (RuntimeException ignored) {
      // A listener's failure must not change the outcome of the call it observes.
    }
  }
}
