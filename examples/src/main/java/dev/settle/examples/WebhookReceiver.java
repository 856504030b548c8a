package dev.settle.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.settle.exception.WebhookVerificationException;
import dev.settle.webhooks.WebhookEvent;
import dev.settle.webhooks.WebhookVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A webhook endpoint as a service would run it, on the JDK's HTTP server: it verifies each
 * delivery's signature and timestamp, answers 204 for a verified event and 400 for anything else,
 * and prints what it got. Verified events are also queued, for whoever waits on them.
 */
final class WebhookReceiver implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "webhook-receiver");
    thread.setDaemon(true);
    return thread;
  });
  private final BlockingQueue<WebhookEvent> events = new LinkedBlockingQueue<>();
  private volatile WebhookVerifier verifier;
  private final Clock clock;
  private final PrintStream out;

  private WebhookReceiver(Clock clock, PrintStream out) throws IOException {
    this.clock = clock;
    this.out = out;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/webhooks", this::receive);
    server.setExecutor(executor);
    server.start();
  }

  /**
   * Starts a receiver on a free loopback port. {@code clock} is the time timestamps are checked
   * against: the system clock in production, the sandbox's when its clock has been moved.
   */
  static WebhookReceiver start(Clock clock, PrintStream out) {
    try {
      return new WebhookReceiver(clock, out);
    } catch (IOException e) {
      throw new IllegalStateException("Could not start the webhook receiver", e);
    }
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks");
  }

  /** Starts verifying with {@code secret}, the one the endpoint's registration returned. */
  void trust(String secret) {
    verifier = WebhookVerifier.builder().secret(secret).clock(clock).build();
  }

  BlockingQueue<WebhookEvent> events() {
    return events;
  }

  /**
   * Takes verified events until {@code count} of them are {@code wanted}; false if {@code within}
   * passes first. Events it takes are no longer in {@link #events()}.
   */
  boolean await(Predicate<WebhookEvent> wanted, int count, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    int seen = 0;
    while (seen < count) {
      WebhookEvent event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (event == null) {
        return false;
      }
      if (wanted.test(event)) {
        seen++;
      }
    }
    return true;
  }

  private void receive(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    int status;
    try {
      WebhookEvent event = verifier.verify(body, exchange.getRequestHeaders());
      out.printf("  webhook %s %s, verified%n", event.typeName(), event.id());
      events.add(event);
      status = 204;
    } catch (WebhookVerificationException e) {
      out.printf("  webhook refused: %s%n", e.getMessage());
      status = 400;
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdown();
  }
}
