package dev.settle.internal.http;

import kotlin.jvm.JvmClassMappingKt;
import kotlin.reflect.KClass;
import okhttp3.Interceptor;

/**
 * What the network saw of one attempt, tagged on its OkHttp call: when it left the dispatcher's
 * queue, and whether its request may have left.
 *
 * <p>The first network interceptor ({@link #RECORDER}) runs once the connection is open (DNS,
 * TCP and TLS done, pins checked) and just before OkHttp writes the request, so a failure before
 * it means the server cannot have seen a byte: a write whose connection was refused is then
 * safely repeated, and if it never gets through it is a plain connection failure rather than an
 * unknown outcome.
 */
final class AttemptTrace {
  /** The tag's key, made once: OkHttp's {@code tag(Class)} makes a new one at every look-up. */
  private static final KClass<AttemptTrace> KEY = JvmClassMappingKt.getKotlinClass(AttemptTrace.class);

  static final Interceptor RECORDER = chain -> {
    AttemptTrace trace = chain.call().tag(KEY);
    if (trace != null) {
      trace.mayHaveSent = true;
    }
    return chain.proceed(chain.request());
  };

  /**
   * The first application interceptor: notes when the attempt left the dispatcher's queue and
   * began, so that a call's time queued behind the limit of calls in flight is known.
   */
  static final Interceptor STARTED = chain -> {
    AttemptTrace trace = chain.call().tag(KEY);
    if (trace != null) {
      trace.startedAt = System.nanoTime();
    }
    return chain.proceed(chain.request());
  };

  volatile long startedAt;
  volatile boolean mayHaveSent;

  /** The trace of {@code call}, tagged on it at first use. */
  static AttemptTrace of(okhttp3.Call call) {
    return call.tag(KEY, AttemptTrace::new);
  }
}
