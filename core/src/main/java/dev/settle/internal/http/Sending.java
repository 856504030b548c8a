package dev.settle.internal.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Tells a request that never left from one that may have: the first network interceptor runs
 * once the connection is open (DNS, TCP and TLS done, pins checked) and just before OkHttp writes
 * the request, so a failure before it means the server cannot have seen a byte. A write whose
 * connection was refused is then safely repeated and, if it never gets through, is a plain
 * connection failure rather than an unknown outcome.
 */
final class Sending implements Interceptor {
  static final Sending INTERCEPTOR = new Sending();

  private Sending() {}

  @Override
  public Response intercept(Chain chain) throws IOException {
    Mark mark = chain.request().tag(Mark.class);
    if (mark != null) {
      mark.mayHaveSent = true;
    }
    return chain.proceed(chain.request());
  }

  /** Set when the request's attempt reached the wire; reset before each attempt. */
  static final class Mark {
    volatile boolean mayHaveSent;
  }
}
