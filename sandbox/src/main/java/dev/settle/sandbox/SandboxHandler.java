package dev.settle.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The HTTP side of the sandbox: request ids, authentication, routing, request parsing,
 * idempotency and the one error shape. Whatever goes wrong, the client gets JSON in that shape,
 * never a stack trace or an HTML error page.
 */
final class SandboxHandler implements HttpHandler {
  static final String API_VERSION = "2026-11-01";
  private static final System.Logger LOG = System.getLogger(SettleSandbox.class.getName());

  private final String apiKey;
  private final SandboxClock clock;
  private final List<Route> routes;
  private final Idempotency idempotency;
  private final AuthenticationPages authenticationPages;
  private final PayPalPages payPalPages;
  private final SandboxFaults faults;
  /**
   * Runs for requests with an idempotency key, after the key is claimed and before the request
   * executes, with the operation's path template; tests hold a request there to have it in flight.
   */
  private volatile Consumer<String> beforeExecute = path -> { };
  /** Told {@code "<METHOD> <path> <status>"} of every answer sent; tests read what a script was answered. */
  private volatile Consumer<String> answered = answer -> { };
  /** Sends the answers of requests with injected latency when it is over. */
  private final ScheduledThreadPoolExecutor delays =
      new ScheduledThreadPoolExecutor(1, SandboxServer.daemonThreads("settle-sandbox-latency-"));

  SandboxHandler(String apiKey, SandboxClock clock, List<Route> routes, Idempotency idempotency,
      AuthenticationPages authenticationPages, PayPalPages payPalPages, SandboxFaults faults) {
    this.apiKey = apiKey;
    this.clock = clock;
    this.routes = routes;
    this.idempotency = idempotency;
    this.authenticationPages = authenticationPages;
    this.payPalPages = payPalPages;
    this.faults = faults;
  }

  List<Route> routes() {
    return routes;
  }

  void beforeExecute(Consumer<String> hook) {
    this.beforeExecute = hook;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String requestId = Ids.request();
    FaultPlan fault = faults.plan(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), requestId);
    Duration latency = fault.latency();
    if (latency.isZero()) {
      serve(exchange, fault, requestId);
    } else if (fault.dropBeforeCommit() || fault.dropAfterCommit()) {
      // Only a handler that throws has the JDK's server close the connection cleanly, so a request
      // to be dropped waits out its latency on its thread.
      try {
        Thread.sleep(latency.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FaultPlan.Drop("while waiting its latency, as the sandbox stopped");
      }
      serve(exchange, fault, requestId);
    } else {
      // The answer is sent later from another thread; meanwhile no thread waits for it.
      Executor workers = exchange.getHttpContext().getServer().getExecutor();
      delays.schedule(() -> serveLater(workers, exchange, fault, requestId), latency.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  /** Stops the timer of delayed answers; the server closes their connections as it stops. */
  void close() {
    delays.shutdownNow();
  }

  private void serveLater(Executor workers, HttpExchange exchange, FaultPlan fault, String requestId) {
    try {
      workers.execute(() -> {
        try {
          serve(exchange, fault, requestId);
        } catch (IOException | RuntimeException e) {
          exchange.close();   // no answer could be sent: the connection goes, as for a handler that throws
        }
      });
    } catch (RejectedExecutionException stopped) {
      exchange.close();
    }
  }

  /**
   * Answers a request once its latency is over: an injected answer, a drop before the work (a
   * handler that throws before answering makes the JDK's server close the connection without
   * writing anything), or the work, perhaps followed by a drop.
   */
  private void serve(HttpExchange exchange, FaultPlan fault, String requestId) throws IOException {
    if (fault.answer() != null || fault.dropBeforeCommit()) {
      exchange.getRequestBody().readAllBytes();
      if (fault.dropBeforeCommit()) {
        throw new FaultPlan.Drop("before handling the request");
      }
      send(exchange, fault.answer(), requestId);
      return;
    }
    Response response;
    try {
      response = respond(exchange, requestId);
    } catch (ApiError error) {
      response = Response.error(error, requestId);
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Sandbox request failed: " + exchange.getRequestMethod(), e);
      response = Response.error(ApiError.internal(), requestId);
    }
    if (fault.dropAfterCommit()) {
      throw new FaultPlan.Drop("after handling the request");
    }
    send(exchange, response, requestId);
  }

  private Response respond(HttpExchange exchange, String requestId) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    byte[] body = exchange.getRequestBody().readAllBytes();
    Headers headers = exchange.getRequestHeaders();

    // The pages a customer's browser opens, and the dashboard's page, need no API key: they hold
    // nothing that is not the customer's own, and the dashboard asks for the key itself.
    if (path.startsWith(PayPalPages.PATH_PREFIX)) {
      return payPalPages.respond(method, path, exchange.getRequestURI().getRawQuery(), body, requestId);
    }
    if (path.startsWith(AuthenticationPages.PATH_PREFIX)) {
      return authenticationPages.respond(method, path, requestId);
    }
    if (path.equals("/")) {
      return DashboardPage.respond(method, path, requestId);
    }
    authenticate(headers.getFirst("Authorization"));
    String version = headers.getFirst("Settle-Version");
    if (version != null && !version.equals(API_VERSION)) {
      throw ApiError.invalid("version_unsupported", "Settle-Version",
          "The sandbox speaks API version " + API_VERSION + ".");
    }

    Route route = routes.stream()
        .filter(candidate -> candidate.method().equals(method) && candidate.match(path) != null)
        .findFirst()
        .orElse(null);
    if (route == null) {
      return noRoute(method, path, requestId);
    }

    String idempotencyKey = idempotencyKey(headers, route.key());
    URI uri = exchange.getRequestURI();
    Map<String, String> query = query(uri.getRawQuery(), route);
    Object json = route.hasBody() ? parseBody(headers.getFirst("Content-Type"), body) : null;
    Route.Call call = new Route.Call(route.match(path), query, json);
    if (idempotencyKey == null) {
      return execute(route, call);
    }
    String fingerprint = method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
        + "\n" + new String(Json.write(Json.canonical(json)), StandardCharsets.UTF_8);
    return executeOnce(route, call, idempotencyKey, fingerprint, requestId);
  }

  private Response noRoute(String method, String path, String requestId) {
    String allowed = routes.stream()
        .filter(candidate -> candidate.match(path) != null)
        .map(Route::method)
        .distinct()
        .sorted()
        .collect(Collectors.joining(", "));
    if (allowed.isEmpty()) {
      throw ApiError.unknownRoute(method, path);
    }
    return Response.error(ApiError.methodNotAllowed(method, path), requestId).withHeader("Allow", allowed);
  }

  /** Runs a request under its idempotency key: at most once, its answer kept for replays. */
  private Response executeOnce(Route route, Route.Call call, String idempotencyKey, String fingerprint,
      String requestId) {
    Idempotency.Claim claim = idempotency.claim(apiKey, idempotencyKey, fingerprint, clock.instant());
    if (claim.replay != null) {
      return claim.replay.replayed(claim.originalRequestId)
          .withHeader("Idempotent-Replayed", "true")
          .withHeader("Original-Request", claim.originalRequestId);
    }
    Response kept = null;
    try {
      beforeExecute.accept(route.template());
      Response response;
      try {
        response = execute(route, call);
        kept = response;
      } catch (ApiError error) {
        response = Response.error(error, requestId);
        kept = error.stored ? response : null;
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "Sandbox request failed: " + route.method() + " " + route.template(), e);
        response = Response.error(ApiError.internal(), requestId);
        kept = response;
      }
      return response;
    } finally {
      idempotency.finish(claim, kept, requestId);
    }
  }

  private static Response execute(Route route, Route.Call call) {
    Object answer = route.handler().handle(call);
    // A handler answering something other than JSON (the invoice PDF) builds its own Response.
    return answer instanceof Response response ? response : Response.json(route.successStatus(), answer);
  }

  private void authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw ApiError.authentication("No API key provided. Send it as 'Authorization: Bearer <api key>'.");
    }
    String[] parts = authorization.trim().split(" +", 2);
    byte[] given = parts.length == 2 && parts[0].equalsIgnoreCase("Bearer")
        ? parts[1].getBytes(StandardCharsets.UTF_8)
        : new byte[0];
    // Constant time, and the key is never repeated back: it is a secret.
    if (!MessageDigest.isEqual(given, apiKey.getBytes(StandardCharsets.UTF_8))) {
      throw ApiError.authentication("Invalid API key provided.");
    }
  }

  /** The request's key, or null for an operation that takes none or a request that sent no optional one. */
  private static String idempotencyKey(Headers headers, Route.Key use) {
    String key = headers.getFirst("Idempotency-Key");
    if (use == Route.Key.NONE || (use == Route.Key.OPTIONAL && key == null)) {
      return null;
    }
    if (key == null || key.isEmpty()) {
      throw ApiError.invalid("parameter_missing", "Idempotency-Key",
          "This request needs an Idempotency-Key header, so that a retry cannot repeat it.");
    }
    if (key.length() > 255) {
      throw ApiError.parameterInvalid("Idempotency-Key", "Idempotency-Key must be 1 to 255 characters.");
    }
    return key;
  }

  private static Map<String, String> query(String rawQuery, Route route) {
    Map<String, String> query = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (!route.queryNames().contains(name)) {
        throw ApiError.parameterUnknown(name);
      }
      if (query.put(name, value) != null) {
        throw ApiError.parameterInvalid(name, name + " may appear once.");
      }
    }
    return query;
  }

  private static String decode(String component) {
    try {
      return URLDecoder.decode(component, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid("parameter_invalid", null, "The query string is not well-formed.");
    }
  }

  private static Object parseBody(String contentType, byte[] body) {
    if (contentType != null && !contentType.toLowerCase(Locale.ROOT).trim().startsWith("application/json")) {
      throw ApiError.unsupportedMediaType();
    }
    if (body.length == 0) {
      throw ApiError.invalidJson("This request needs a JSON object body; send {} when no field applies.");
    }
    try {
      return Json.parse(body);
    } catch (Json.MalformedJsonException e) {
      throw ApiError.invalidJson(e.getMessage());
    }
  }

  void answered(Consumer<String> hook) {
    this.answered = hook;
  }

  private void send(HttpExchange exchange, Response response, String requestId) throws IOException {
    answered.accept(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + response.status());
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", response.contentType());
    headers.set("Request-Id", requestId);
    response.headers().forEach(headers::set);
    // A HEAD answer has headers only; the JDK warns when told a length for one.
    byte[] body = exchange.getRequestMethod().equals("HEAD") ? new byte[0] : response.body();
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
