package dev.settle.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An answer ready for the wire; immutable, so an idempotency key can keep and replay it. */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
  static final String JSON = "application/json";

  Response {
    headers = Map.copyOf(headers);
  }

  static Response json(int status, Object value) {
    return new Response(status, JSON, Json.write(value), Map.of());
  }

  static Response error(ApiError error, String requestId) {
    return json(error.status, error.body(requestId));
  }

  static Response html(int status, String html) {
    return new Response(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  Response withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Response(status, contentType, body, more);
  }
}
