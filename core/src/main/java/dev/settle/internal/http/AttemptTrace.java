package dev.settle.internal.http;

import kotlin.jvm.JvmClassMappingKt;
import kotlin.reflect.KClass;
import okhttp3.Call;
import okhttp3.Dispatcher;
import okhttp3.EventListener;

/**
 * What the network saw of one attempt, tagged on its OkHttp call: whether it waited in the
 * dispatcher's queue and when it left, and whether its request may have left.
 *
 * <p>OkHttp tells it through {@link #LISTENER}, an event listener rather than interceptors, which
 * would add two links to every call's chain. OkHttp announces the request's headers once the
 * connection is open (DNS, TCP and TLS done, pins checked) and just before it writes them, so a
 * failure before that means the server cannot have seen a byte: a write whose connection was
 * refused is then safely repeated, and if it never gets through it is a plain connection failure
 * rather than an unknown outcome.
 */
final class AttemptTrace {
  /** The tag's key, made once: OkHttp's {@code tag(Class)} makes a new one at every look-up. */
  private static final KClass<AttemptTrace> KEY = JvmClassMappingKt.getKotlinClass(AttemptTrace.class);

  private static final EventListener LISTENER = new EventListener() {
    @Override
    public void dispatcherQueueStart(Call call, Dispatcher dispatcher) {
      of(call).waited = true;
    }

    @Override
    public void dispatcherQueueEnd(Call call, Dispatcher dispatcher) {
      of(call).leftQueueAt = System.nanoTime();
    }

    @Override
    public void requestHeadersStart(Call call) {
      of(call).mayHaveSent = true;
    }
  };

  /** Set when the call had to wait for a slot; OkHttp announces no queue for one that did not. */
  volatile boolean waited;
  /** When a call that waited left the queue, on {@link System#nanoTime()}; 0 until then. */
  volatile long leftQueueAt;
  volatile boolean mayHaveSent;

  /** The trace of {@code call}, tagged on it at first use. */
  static AttemptTrace of(Call call) {
    return call.tag(KEY, AttemptTrace::new);
  }

  /** Whether the call waits in the dispatcher's queue now. */
  boolean inQueue() {
    return waited && leftQueueAt == 0;
  }

  /**
   * Events for Settle's derived client: each call's listener from the shared client's factory,
   * heard as before, with the trace's after it.
   */
  static EventListener.Factory listening(EventListener.Factory shared) {
    return call -> {
      EventListener theirs = shared.create(call);
      return theirs == EventListener.NONE ? LISTENER : theirs.plus(LISTENER);
    };
  }
}
