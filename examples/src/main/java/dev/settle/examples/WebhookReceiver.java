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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A webhook endpoint as a service would run it, on the JDK's HTTP server: it verifies each
 * delivery's signature and timestamp, answers 204 for a verified event and 400 for anything else,
 * and prints what it got. Verified events are also queued, for whoever waits on them.
 */
final class WebhookReceiver implements AutoCloseable {
  private final HttpServer server;
  private final BlockingQueue<WebhookEvent> events = new LinkedBlockingQueue<>();
  private volatile WebhookVerifier verifier;
  private final Clock clock;
  private final PrintStream out;

  private WebhookReceiver(Clock clock, PrintStream out) throws IOException {
    this.clock = clock;
    this.out = out;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/webhooks", this::receive);
    server.setExecutor(Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "webhook-receiver");
      thread.setDaemon(true);
      return thread;
    }));
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
  }
}
