package dev.settle.internal.http;

import okhttp3.Call;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * What the network saw of one attempt: whether it waited in the dispatcher's queue and when it
 * left, and whether its request may have left. OkHttp tells it as events to the attempt's own
 * listener, heard after the listener of a client handed in.
 *
 * <p>OkHttp announces the request's headers once the connection is open (DNS, TCP and TLS done,
 * pins checked) and just before it writes them, so a failure before that means the server cannot
 * have seen a byte: a write whose connection was refused is then safely repeated, and if it never
 * gets through it is a plain connection failure rather than an unknown outcome.
 */
final class AttemptTrace extends EventListener {
  /**
   * The trace of the call being created on this thread. OkHttp asks the client's listener factory
   * for a call's listener inside {@code newCall}, on the thread that creates it, so the trace is
   * handed over there: cheaper than a tag on the call, which costs a new tag list per attempt and a
   * search per event.
   */
  private static final ThreadLocal<AttemptTrace> CREATING = new ThreadLocal<>();

  /** Whether OkHttp tells this trace its events; until then, a request may have left. */
  private volatile boolean listening;
  /** Set when the call had to wait for a slot; OkHttp announces no queue for one that did not. */
  private volatile boolean waited;
  /** When a call that waited left the queue, on {@link System#nanoTime()}; 0 until then. */
  private volatile long leftQueueAt;
  private volatile boolean headersStarted;

  /** Creates the attempt's call on {@code client}, this trace its listener. */
  Call newCall(OkHttpClient client, Request request) {
    CREATING.set(this);
    try {
      return client.newCall(request);
    } finally {
      CREATING.remove();
    }
  }

  /**
   * The listener factory of Settle's derived client: each call's listener from the shared client's
   * factory, heard as before, and the call's trace after it.
   */
  static EventListener.Factory listening(EventListener.Factory shared) {
    return call -> {
      EventListener theirs = shared.create(call);
      AttemptTrace trace = CREATING.get();
      if (trace == null) {
        return theirs;
      }
      trace.listening = true;
      return theirs == EventListener.NONE ? trace : theirs.plus(trace);
    };
  }

  /** Whether the request may have reached the server. */
  boolean mayHaveSent() {
    return headersStarted || !listening;
  }

  /** Whether the call waits in the dispatcher's queue now. */
  boolean inQueue() {
    return waited && leftQueueAt == 0;
  }

  /** When the call left the dispatcher's queue, on {@link System#nanoTime()}; 0 if it did not wait. */
  long leftQueueAt() {
    return leftQueueAt;
  }

  @Override
  public void dispatcherQueueStart(Call call, Dispatcher dispatcher) {
    waited = true;
  }

  @Override
  public void dispatcherQueueEnd(Call call, Dispatcher dispatcher) {
    leftQueueAt = System.nanoTime();
  }

  @Override
  public void requestHeadersStart(Call call) {
    headersStarted = true;
  }
}
