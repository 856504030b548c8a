package dev.settle.internal.http;

import okhttp3.Interceptor;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * What the network saw of one attempt, tagged on its request: whether it may have left, and the
 * status and request id of its answer.
 *
 * <p>The first network interceptor ({@link #RECORDER}) runs once the connection is open (DNS,
 * TCP and TLS done, pins checked) and just before OkHttp writes the request, so a failure before
 * it means the server cannot have seen a byte: a write whose connection was refused is then
 * safely repeated, and if it never gets through it is a plain connection failure rather than an
 * unknown outcome. The answer's status and request id are kept for when its body cannot be read.
 */
final class AttemptTrace {
  static final Interceptor RECORDER = chain -> {
    AttemptTrace trace = chain.request().tag(AttemptTrace.class);
    if (trace == null) {
      return chain.proceed(chain.request());
    }
    trace.mayHaveSent = true;
    Response response = chain.proceed(chain.request());
    trace.status = response.code();
    trace.requestId = response.header("Request-Id");
    return response;
  };

  /**
   * The first application interceptor: notes when the attempt left the dispatcher's queue and
   * began, so that a call's time queued behind the limit of calls in flight is known.
   */
  static final Interceptor STARTED = chain -> {
    AttemptTrace trace = chain.request().tag(AttemptTrace.class);
    if (trace != null) {
      trace.startedAt = System.nanoTime();
    }
    return chain.proceed(chain.request());
  };

  volatile long startedAt;
  volatile boolean mayHaveSent;
  volatile int status;
  volatile @Nullable String requestId;

  /** Records into the trace of each request a factory makes. */
  static okhttp3.Call.Factory tracing(okhttp3.Call.Factory client) {
    return request -> client.newCall(request.newBuilder().tag(AttemptTrace.class, new AttemptTrace()).build());
  }

  /** The trace of {@code request}; one made elsewhere is assumed to have left. */
  static AttemptTrace of(okhttp3.Request request) {
    AttemptTrace trace = request.tag(AttemptTrace.class);
    if (trace == null) {
      trace = new AttemptTrace();
      trace.mayHaveSent = true;
    }
    return trace;
  }
}
