package dev.settle.benchmarks;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmarks' HTTP server: answers the three benchmarked requests with fixed bytes
 * ({@link Fixtures}), whoever asks, so that Settle and the raw client meet exactly the same
 * server. It runs in a JVM of its own, started by {@link ServerProcess}, so that its CPU time is
 * counted against neither client.
 *
 * <p>It checks the API key (401 otherwise) and reads every request body to its end, as a real
 * server does; anything else gets a 404 in the contract's error shape. An injected latency delays
 * each answer on a timer, holding no handler thread, so a thousand calls in flight wait on the
 * client's side and not in this server's pool.
 *
 * <p>It is driven over its standard input, one command a line, each answered by one line on its
 * standard output: {@code latency <ms>}, {@code count <route>} (requests served on a route such
 * as {@code GET /v1/accounts/200001}), {@code record} (keep the latest request's headers),
 * {@code headers}, {@code cpu} (this process's CPU time, ns, its live threads'). It exits when its input ends.
 */
public final class LoopbackServer {
  static {
    // Without it the JDK server leaves Nagle on, and each small answer waits ~40 ms on loopback
    // for a delayed ACK. Read once, when the server classes are first used: set it before.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    // The JDK server closes idle connections beyond 200 by default; a thousand calls in flight
    // keep a thousand, which a real server would keep open too.
    System.setProperty("sun.net.httpserver.maxIdleConnections", "4000");
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
  /** Connections waiting to be accepted: room for a thousand calls opened at once. */
  private static final int BACKLOG = 4096;

  private final HttpServer server;
  private final ExecutorService workers;
  private final ScheduledExecutorService delays;
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private volatile Map<String, String> lastHeaders = Map.of();
  private volatile boolean recordHeaders;
  private volatile long latencyNanos;

  private LoopbackServer(int threads) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
    workers = Executors.newFixedThreadPool(threads, daemon("loopback-server-"));
    delays = Executors.newSingleThreadScheduledExecutor(daemon("loopback-latency-"));
    server.createContext("/", this::handle);
    server.setExecutor(workers);
    server.start();
  }

  /**
   * {@code LoopbackServer [threads]}: serves on a free loopback port with {@code threads} handler
   * threads (8), prints {@code port <n>}, then answers commands until its input ends.
   */
  public static void main(String[] args) throws IOException {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    LoopbackServer loopback = new LoopbackServer(threads);
    PrintStream out = System.out;
    out.println("port " + loopback.server.getAddress().getPort());
    out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      out.println(loopback.command(line));
      out.flush();
    }
    loopback.server.stop(0);
    System.exit(0);
  }

  private String command(String line) {
    String[] words = line.split(" ", 2);
    switch (words[0]) {
      case "latency":
        latencyNanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(words[1]));
        return "ok";
      case "count":
        AtomicLong count = counts.get(words[1]);
        return Long.toString(count == null ? 0 : count.get());
      case "record":
        recordHeaders = true;
        return "ok";
      case "headers":
        StringJoiner joined = new StringJoiner("\t");
        lastHeaders.forEach((name, value) -> joined.add(name + "=" + value));
        return joined.toString();
      case "cpu":
        return Long.toString(JvmCpu.take().total());
      default:
        return "unknown command " + words[0];
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    drain(exchange.getRequestBody());
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    Headers request = exchange.getRequestHeaders();
    if (recordHeaders) {
      Map<String, String> seen = new TreeMap<>();
      request.forEach((name, values) -> seen.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
      lastHeaders = seen;
    }
    counts.computeIfAbsent(method + " " + route(path), k -> new AtomicLong()).incrementAndGet();
    int status;
    byte[] body;
    if (!AUTHORIZATION.equals(request.getFirst("Authorization"))) {
      status = 401;
      body = UNAUTHORIZED;
    } else if (method.equals("GET") && path.equals(ACCOUNT_PATH)) {
      status = 200;
      body = Fixtures.ACCOUNT;
    } else if (method.equals("GET") && path.equals(INVOICES_PATH)) {
      status = 200;
      body = Fixtures.INVOICE_PAGE;
    } else if (method.equals("POST") && path.startsWith(INVOICES_PATH + "/in_")
        && path.endsWith("/pay") && request.getFirst("Idempotency-Key") != null) {
      status = 200;
      body = Fixtures.PAYMENT;
    } else {
      status = 404;
      body = NOT_FOUND;
    }
    long latency = latencyNanos;
    if (latency == 0) {
      respond(exchange, status, body);
    } else {
      // The answer leaves later from a worker; this thread is free for the next request now.
      delays.schedule(() -> workers.execute(() -> respond(exchange, status, body)), latency,
          TimeUnit.NANOSECONDS);
    }
  }

  /** The path with the invoice id of a pay replaced by {@code {id}}, to count by route. */
  static String route(String path) {
    if (path.startsWith(INVOICES_PATH + "/") && path.endsWith("/pay")) {
      return INVOICES_PATH + "/{id}/pay";
    }
    return path;
  }

  private static void respond(HttpExchange exchange, int status, byte[] body) {
    try (exchange) {
      Headers headers = exchange.getResponseHeaders();
      headers.set("Content-Type", "application/json");
      headers.set("Request-Id", "req_bench");
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (IOException e) {
      // The client went away (a cancelled call); nothing to answer.
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

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger threads = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
