package dev.settle.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A webhook endpoint for tests: a JDK HTTP server on 127.0.0.1 that records every request and
 * answers with the statuses it is given, in order, then 200.
 */
final class WebhookReceiver implements AutoCloseable {
  /** One request as received: lower-case header names, the body exactly as sent. */
  record Received(Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final HttpServer server;
  private final Deque<Integer> answers = new ArrayDeque<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  WebhookReceiver(Integer... answers) {
    this.answers.addAll(List.of(answers));
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
          .collect(Collectors.toMap(entry -> entry.getKey().toLowerCase(Locale.ROOT),
              entry -> String.join(",", entry.getValue())));
      received.add(new Received(headers, new String(body, StandardCharsets.UTF_8)));
      int status;
      synchronized (this.answers) {
        status = this.answers.isEmpty() ? 200 : this.answers.removeFirst();
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/settle");
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
