package dev.settle.sandbox;

import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A sandbox answer as a test sees it: status, headers, raw body, and the body's JSON by path. */
record Reply(int status, HttpHeaders headers, String body) {

  String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  /** The JSON value at a dotted path such as {@code error.code} or {@code data.0.id}; integers as Long. */
  Object get(String path) {
    Object node = json();
    for (String step : path.split("\\.")) {
      if (node instanceof Map<?, ?> map) {
        if (!map.containsKey(step)) {
          throw new AssertionError("No field " + step + " in " + path + " of " + body);
        }
        node = map.get(step);
      } else if (node instanceof List<?> list) {
        node = list.get(Integer.parseInt(step));
      } else {
        throw new AssertionError("Cannot follow " + path + " in " + body);
      }
    }
    return simplify(node);
  }

  String string(String path) {
    return (String) get(path);
  }

  long number(String path) {
    return (Long) get(path);
  }

  boolean has(String path) {
    int dot = path.lastIndexOf('.');
    Object parent = dot < 0 ? json() : get(path.substring(0, dot));
    return parent instanceof Map<?, ?> map && map.containsKey(path.substring(dot + 1));
  }

  @SuppressWarnings("unchecked")
  List<Object> list(String path) {
    return (List<Object>) get(path);
  }

  Object json() {
    try {
      return Json.parse(body.getBytes(StandardCharsets.UTF_8));
    } catch (Json.MalformedJsonException e) {
      throw new AssertionError("Not JSON: " + body, e);
    }
  }

  private static Object simplify(Object node) {
    if (node instanceof BigDecimal number && number.stripTrailingZeros().scale() <= 0) {
      return number.longValueExact();
    }
    return node;
  }
}
