package dev.settle.sandbox;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK HTTP server a sandbox answers on, with its threads: bound, started and stopped here so
 * that {@link SettleSandbox} only decides what to serve.
 */
final class SandboxServer {
  /**
   * Threads that run requests. Injected latency holds none of them, so this is what concurrent
   * tests need for the work itself, and for the few requests a test holds on purpose.
   */
  static final int WORKERS = 64;
  /** Connections waiting to be accepted: enough for a thousand clients connecting at once. */
  private static final int BACKLOG = 1024;
  private static final String MAX_IDLE_CONNECTIONS = "sun.net.httpserver.maxIdleConnections";
  /** 127.0.0.1, whatever the JVM's preference between IPv4 and IPv6. */
  static final InetAddress LOOPBACK = loopbackV4();

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
    // Keeps the connections of a thousand concurrent clients open between requests (the JDK closes
    // any beyond 200), unless the JVM was told otherwise.
    if (System.getProperty(MAX_IDLE_CONNECTIONS) == null) {
      System.setProperty(MAX_IDLE_CONNECTIONS, "1000");
    }
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(address, port), BACKLOG);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot bind the sandbox to " + address.getHostAddress() + ":" + port, e);
    }
    int bound = server.getAddress().getPort();
    ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKERS, WORKERS, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), daemonThreads("settle-sandbox-" + bound + "-"));
    workers.allowCoreThreadTimeOut(true);
    server.setExecutor(workers);
    server.createContext("/", handler);
    server.start();
    return new SandboxServer(server, workers);
  }

  private static InetAddress loopbackV4() {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);   // four bytes are always an address
    }
  }

  /** {@return where this machine reaches the server, ending in a slash} */
  URI url() {
    InetAddress address = server.getAddress().getAddress();
    // A wildcard address is not one to connect to; this machine reaches it on loopback.
    String reachable = address.isAnyLocalAddress() ? "127.0.0.1" : literal(address);
    return URI.create("http://" + reachable + ":" + server.getAddress().getPort() + "/");
  }

  private static String literal(InetAddress address) {
    String text = address.getHostAddress();
    return text.contains(":") ? "[" + text + "]" : text;
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
