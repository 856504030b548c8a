package dev.settle.benchmarks;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One loopback HTTP server answering the three benchmarked requests with fixed bytes
 * ({@link Fixtures}), whoever asks: Settle and the raw client meet exactly the same server.
 *
 * <p>It checks the API key (401 otherwise) and reads every request body to its end, as a real
 * server does, and it counts requests per route so that a test can prove a list makes one
 * request. Anything else gets a 404 in the contract's error shape.
 */
public final class LoopbackServer implements AutoCloseable {
  static {
    // Without it the JDK server leaves Nagle on, and each small answer waits ~40 ms on loopback
    // for a delayed ACK. Read once, when the server classes are first used: set it before.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final String ACCOUNT_PATH = "/v1/accounts/" + Fixtures.CUSTOMER_ID;
  private static final String INVOICES_PATH = ACCOUNT_PATH + "/invoices";
  private static final String AUTHORIZATION = "Bearer " + Fixtures.API_KEY;
  private static final byte[] NOT_FOUND = ("{\"error\":{\"type\":\"invalid_request_error\","
      + "\"code\":\"not_found\",\"message\":\"No such route\",\"param\":null,"
      + "\"request_id\":\"req_bench\"}}").getBytes(StandardCharsets.UTF_8);
  private static final byte[] UNAUTHORIZED = ("{\"error\":{\"type\":\"authentication_error\","
      + "\"code\":\"invalid_api_key\",\"message\":\"Bad API key\",\"param\":null,"
      + "\"request_id\":\"req_bench\"}}").getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private volatile Map<String, String> lastHeaders = Map.of();
  private volatile boolean recordHeaders;

  private LoopbackServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts a server on a free loopback port, with {@code threads} handler threads. */
  public static LoopbackServer start(int threads) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
      ExecutorService executor = Executors.newFixedThreadPool(threads, runnable -> {
        Thread thread = new Thread(runnable, "loopback-server");
        thread.setDaemon(true);
        return thread;
      });
      LoopbackServer loopback = new LoopbackServer(server, executor);
      server.createContext("/", loopback::handle);
      server.setExecutor(executor);
      server.start();
      return loopback;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start the loopback server", e);
    }
  }

  /** {@code http://127.0.0.1:<port>/}. */
  public URI baseUrl() {
    return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
        + server.getAddress().getPort() + "/");
  }

  /** Requests served so far whose route is {@code route} ({@code GET /v1/...}). */
  public long count(String route) {
    AtomicLong count = counts.get(route);
    return count == null ? 0 : count.get();
  }

  /** Starts keeping the headers of the latest request, for tests; off by default. */
  public void recordHeaders() {
    recordHeaders = true;
  }

  /** The headers of the latest request, lower-case names, when {@link #recordHeaders()} is on. */
  public Map<String, String> lastHeaders() {
    return lastHeaders;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      drain(exchange.getRequestBody());
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      Headers request = exchange.getRequestHeaders();
      if (recordHeaders) {
        Map<String, String> seen = new java.util.TreeMap<>();
        request.forEach((name, values) -> seen.put(name.toLowerCase(java.util.Locale.ROOT),
            String.join(",", values)));
        lastHeaders = seen;
      }
      counts.computeIfAbsent(method + " " + route(path), k -> new AtomicLong()).incrementAndGet();
      if (!AUTHORIZATION.equals(request.getFirst("Authorization"))) {
        respond(exchange, 401, UNAUTHORIZED);
      } else if (method.equals("GET") && path.equals(ACCOUNT_PATH)) {
        respond(exchange, 200, Fixtures.ACCOUNT);
      } else if (method.equals("GET") && path.equals(INVOICES_PATH)) {
        respond(exchange, 200, Fixtures.INVOICE_PAGE);
      } else if (method.equals("POST") && path.startsWith(INVOICES_PATH + "/in_")
          && path.endsWith("/pay") && request.getFirst("Idempotency-Key") != null) {
        respond(exchange, 200, Fixtures.PAYMENT);
      } else {
        respond(exchange, 404, NOT_FOUND);
      }
    }
  }

  /** The path with the invoice id of a pay replaced by {@code {id}}, to count by route. */
  static String route(String path) {
    if (path.startsWith(INVOICES_PATH + "/") && path.endsWith("/pay")) {
      return INVOICES_PATH + "/{id}/pay";
    }
    return path;
  }

  private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "application/json");
    headers.set("Request-Id", "req_bench");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void drain(InputStream in) throws IOException {
    try (in) {
      byte[] buffer = new byte[512];
      while (in.read(buffer) >= 0) {
        // A request is read to its end before it is answered.
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
