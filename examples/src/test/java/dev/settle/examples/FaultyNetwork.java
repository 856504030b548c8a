package dev.settle.examples;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Breaks chosen requests between the client and the sandbox, the way a network or a proxy does:
 * a 503 before the request reaches the server, a 502 page or a dropped connection after the
 * server has already done the work.
 */
final class FaultyNetwork implements Interceptor {
  enum Fault {
    /** The request never reaches the server; a load balancer answers 503. */
    UNAVAILABLE_BEFORE,
    /** The server does the work; its answer is replaced by a proxy's HTML 502 page. */
    BAD_GATEWAY_AFTER,
    /** The server does the work; the connection drops before its answer arrives. */
    DROP_AFTER
  }

  private final Map<String, Deque<Fault>> planned = new ConcurrentHashMap<>();
  private final AtomicInteger injected = new AtomicInteger();

  /** The next requests to {@code method path} meet {@code faults}, one each, in order. */
  void failNext(String method, String path, Fault... faults) {
    Deque<Fault> queue = planned.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>());
    synchronized (queue) {
      for (Fault fault : faults) {
        queue.add(fault);
      }
    }
  }

  int injected() {
    return injected.get();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Deque<Fault> queue = planned.get(chain.request().method() + " " + chain.request().url().encodedPath());
    Fault fault;
    if (queue == null) {
      return chain.proceed(chain.request());
    }
    synchronized (queue) {
      fault = queue.poll();
    }
    if (fault == null) {
      return chain.proceed(chain.request());
    }
    injected.incrementAndGet();
    switch (fault) {
      case UNAVAILABLE_BEFORE:
        return synthetic(chain, 503, "application/json",
            "{\"error\":{\"type\":\"api_error\",\"code\":\"unavailable\",\"message\":\"Try again\",\"request_id\":\"req_lb\"}}");
      case BAD_GATEWAY_AFTER:
        chain.proceed(chain.request()).close();
        return synthetic(chain, 502, "text/html", "<html><body>502 Bad Gateway</body></html>");
      default:
        chain.proceed(chain.request()).close();
        throw new IOException("connection reset after the request was sent");
    }
  }

  private static Response synthetic(Chain chain, int code, String type, String body) {
    return new Response.Builder()
        .request(chain.request())
        .protocol(Protocol.HTTP_1_1)
        .code(code)
        .message("Injected")
        .body(ResponseBody.create(body, MediaType.get(type)))
        .build();
  }
}
