package dev.settle.internal.http;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * Writes each exchange as it went over the wire (it runs after Settle's own headers are added),
 * through {@link Redaction}. Levels: 1 request line and status, 2 and headers, 3 and bodies.
 */
public final class LoggingInterceptor implements Interceptor {
  private final Consumer<String> log;
  private final int level;

  public LoggingInterceptor(Consumer<String> log, int level) {
    this.log = log;
    this.level = level;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    log.accept("--> " + request.method() + " " + request.url().encodedPath()
        + (request.url().encodedQuery() == null ? "" : "?" + request.url().encodedQuery()));
    if (level >= 2) {
      headers(request.headers());
    }
    if (level >= 3 && request.body() != null) {
      Buffer body = new Buffer();
      request.body().writeTo(body);
      log.accept(describe(request.body().contentType(), body));
    }
    long started = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      log.accept("<-- failed: " + e.getClass().getSimpleName());
      throw e;
    }
    log.accept("<-- " + response.code() + " " + request.method() + " " + request.url().encodedPath()
        + " (" + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms)");
    if (level >= 2) {
      headers(response.headers());
    }
    if (level >= 3) {
      // A copy of at most the cap that Settle reads, leaving the body to its reader.
      ResponseBody copy = response.peekBody(BodyLimit.MAX_BYTES);
      Buffer buffered = new Buffer();
      buffered.writeAll(copy.source());
      log.accept(describe(copy.contentType(), buffered));
    }
    return response;
  }

  private void headers(Headers headers) {
    for (int i = 0; i < headers.size(); i++) {
      log.accept(headers.name(i) + ": " + Redaction.header(headers.name(i), headers.value(i)));
    }
  }

  private static String describe(MediaType type, Buffer body) {
    if (body.size() == 0) {
      return "(no body)";
    }
    if (type != null && "json".equals(type.subtype())) {
      return Redaction.json(body);
    }
    return "(" + body.size() + "-byte " + (type == null ? "" : type + " ") + "body)";
  }
}
