package dev.settle.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An answer ready for the wire; immutable, so an idempotency key can keep and replay it.
 *
 * <p>An answer about something that waits for the customer (a payment or a card setup the
 * customer must authenticate) keeps how to answer it again: replayed under its key, it says how
 * that thing stands then, so a retry after the customer authenticated learns that it succeeded
 * instead of being told again to authenticate. Nothing is done again by a replay.
 *
 * @param asItStands null for an answer replayed as it was; else the answer's body as it stands,
 *     which may throw the {@link ApiError} that it has become (a payment that failed since)
 */
record Response(int status, String contentType, byte[] body, Map<String, String> headers,
    Supplier<Object> asItStands) {
  static final String JSON = "application/json";

  Response {
    headers = Map.copyOf(headers);
  }

  static Response json(int status, Object value) {
    return new Response(status, JSON, Json.write(value), Map.of(), null);
  }

  /** {@code first}, the answer now, replayed as {@code asItStands} answers then. */
  static Response asItStands(int status, Object first, Supplier<Object> asItStands) {
    return new Response(status, JSON, Json.write(first), Map.of(), asItStands);
  }

  static Response error(ApiError error, String requestId) {
    return json(error.status, error.body(requestId));
  }

  static Response html(int status, String html) {
    return new Response(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Map.of(), null);
  }

  Response withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Response(status, contentType, body, more, asItStands);
  }

  /** This answer replayed for the request {@code requestId} first made: as it was, or as its subject stands now. */
  Response replayed(String requestId) {
    if (asItStands == null) {
      return this;
    }
    try {
      return new Response(status, contentType, Json.write(asItStands.get()), headers, asItStands);
    } catch (ApiError error) {
      return error(error, requestId);
    }
  }
}
