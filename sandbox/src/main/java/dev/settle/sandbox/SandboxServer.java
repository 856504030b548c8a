package dev.settle.sandbox;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK HTTP server a sandbox answers on, with its threads: bound, started and stopped here so
 * that {@link SettleSandbox} only decides what to serve.
 */
final class SandboxServer {
  private final HttpServer server;
  private final ExecutorService workers;

  private SandboxServer(HttpServer server, ExecutorService workers) {
    this.server = server;
    this.workers = workers;
  }

  /**
   * Binds {@code address:port} (port 0 for any free one) and serves every path with
   * {@code handler}.
   *
   * @throws UncheckedIOException if the address cannot be bound
   */
  static SandboxServer start(InetAddress address, int port, HttpHandler handler) {
    // Must precede the first use of the JDK's HTTP server classes, which read it once.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(address, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot bind the sandbox to " + address.getHostAddress() + ":" + port, e);
    }
    int bound = server.getAddress().getPort();
    ExecutorService workers = Executors.newFixedThreadPool(8, daemonThreads("settle-sandbox-" + bound + "-"));
    server.setExecutor(workers);
    server.createContext("/", handler);
    server.start();
    return new SandboxServer(server, workers);
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Closes every connection and ends the server's threads. */
  void stop() {
    server.stop(0);
    workers.shutdownNow();
  }

  /** Threads that do not keep a JVM alive, so that a forgotten sandbox does not either. */
  static ThreadFactory daemonThreads(String namePrefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, namePrefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
