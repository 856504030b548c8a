package dev.settle.sandbox;

import dev.settle.sandbox.Route.Key;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The contract's webhook endpoint operations. Endpoints belong to the sandbox's one API key. For
 * safety the sandbox posts only to loopback hosts ({@code localhost}, {@code 127.0.0.0/8},
 * {@code [::1]}): a test cannot make it call out of the machine.
 */
final class WebhookApi {
  static final String PATH = "/v1/webhook_endpoints";
  private static final Pattern URL = Pattern.compile("(?s).{1,2000}");
  private static final Pattern ENDPOINT_ID = Pattern.compile("we_[A-Za-z0-9]{1,64}");
  private static final String URL_EXPECTED = "an absolute http or https URL of at most 2000 characters";

  private WebhookApi() {}

  static List<Route> routes(WebhookDispatcher dispatcher, SandboxClock clock) {
    return List.of(
        new Route("GET", PATH, 200, Key.NONE, false, Set.of(), call -> Json.object(
            "data", dispatcher.endpoints().stream().map(endpoint -> view(endpoint, false)).toList(),
            "has_more", false,
            "next_cursor", null)),
        new Route("POST", PATH, 201, Key.REQUIRED, true, Set.of(), call -> {
          Fields body = Fields.of(call.body()).allowOnly("url", "events");
          URI url = loopbackUrl(body.requiredString("url", URL, URL_EXPECTED));
          Set<String> events = events(((Map<?, ?>) call.body()).get("events"));
          return view(dispatcher.register(url, events, clock.instant()), true);
        }),
        new Route("DELETE", PATH + "/{webhook_endpoint_id}", 200, Key.NONE, false, Set.of(), call -> {
          String id = call.path().get("webhook_endpoint_id");
          if (!ENDPOINT_ID.matcher(id).matches() || !dispatcher.delete(id)) {
            throw ApiError.notFound("webhook_endpoint_id", "No webhook endpoint " + id + ".");
          }
          return Json.object("id", id, "deleted", true);
        }));
  }

  /** The endpoint as the contract shows it; the secret only in the answer that created it. */
  private static Map<String, Object> view(WebhookDispatcher.Endpoint endpoint, boolean withSecret) {
    Map<String, Object> view = Json.object(
        "id", endpoint.id,
        "url", endpoint.url.toString(),
        "events", List.copyOf(endpoint.events == null ? WebhookEvents.TYPES : endpoint.events));
    if (withSecret) {
      view.put("secret", WebhookSignature.secret(endpoint.key));
    }
    view.put("created_at", Views.timestamp(endpoint.createdAt));
    return view;
  }

  private static URI loopbackUrl(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw ApiError.parameterInvalid("url", "url must be " + URL_EXPECTED + ".");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw ApiError.parameterInvalid("url", "url must be " + URL_EXPECTED + ".");
    }
    if (!isLoopback(uri.getHost())) {
      throw ApiError.parameterInvalid("url",
          "The sandbox delivers webhooks to this machine only: use localhost, 127.0.0.1 or [::1].");
    }
    return uri;
  }

  /** Without a DNS look-up: the name localhost, or an IP literal of a loopback address. */
  private static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    boolean ipv4 = host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    boolean ipv6 = host.startsWith("[") && host.endsWith("]");
    if (!ipv4 && !ipv6) {
      return false;
    }
    try {
      // An IP literal is parsed, never looked up.
      return InetAddress.getByName(ipv6 ? host.substring(1, host.length() - 1) : host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** The {@code events} filter: null (all types) when absent, else known types, at least one. */
  private static Set<String> events(Object value) {
    if (value == null) {
      return null;
    }
    String expected = "events must be a non-empty array of event types: " + String.join(", ", WebhookEvents.TYPES)
        + "; leave it out for all of them.";
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      throw ApiError.parameterInvalid("events", expected);
    }
    Set<String> events = new LinkedHashSet<>();
    for (Object item : list) {
      if (!(item instanceof String type) || !WebhookEvents.TYPES.contains(type)) {
        throw ApiError.parameterInvalid("events", expected);
      }
      events.add(type);
    }
    return events;
  }
}
