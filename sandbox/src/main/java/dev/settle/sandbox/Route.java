package dev.settle.sandbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One operation of the contract: method, path template, what the request may carry and the
 * handler that answers it.
 *
 * @param successStatus the status of a successful answer (200, or 201 for a created object)
 * @param key whether the operation takes an {@code Idempotency-Key}
 * @param hasBody whether the contract requires a JSON request body
 * @param queryNames the query parameters the operation accepts
 */
record Route(String method, String template, int successStatus, Key key, boolean hasBody,
    Set<String> queryNames, Handler handler) {

  /** Whether an operation takes an {@code Idempotency-Key}, as the contract says. */
  enum Key {
    /** None: a key sent is ignored. */
    NONE,
    /** Required: a request without one is refused. */
    REQUIRED,
    /** Optional: with a key the first answer is kept and replayed, without one every request runs. */
    OPTIONAL
  }

  /** Answers a request whose path, query and body have been parsed; throws {@link ApiError}. */
  interface Handler {
    Object handle(Call call);
  }

  /** What a handler gets: decoded path parameters, query parameters and the parsed JSON body. */
  record Call(Map<String, String> path, Map<String, String> query, Object body) {}

  /** The path parameters when {@code path} fits this route's template, or null. */
  Map<String, String> match(String path) {
    String[] expected = template.split("/", -1);
    String[] actual = path.split("/", -1);
    if (expected.length != actual.length) {
      return null;
    }
    Map<String, String> parameters = new HashMap<>();
    for (int i = 0; i < expected.length; i++) {
      if (expected[i].startsWith("{")) {
        if (actual[i].isEmpty()) {
          return null;
        }
        parameters.put(expected[i].substring(1, expected[i].length() - 1), actual[i]);
      } else if (!expected[i].equals(actual[i])) {
        return null;
      }
    }
    return parameters;
  }
}
