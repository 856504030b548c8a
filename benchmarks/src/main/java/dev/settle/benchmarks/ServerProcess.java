package dev.settle.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@link LoopbackServer} in a child JVM (the same classpath, its own {@code main}), and the
 * benchmark's handle on it: its address, its latency, what it counted and saw. Its CPU time is
 * its own process's, so neither client is charged for it, and it can be read on its own.
 *
 * <p>The child ends when {@link #close()} closes its input, or when this JVM dies (its input
 * then ends too). Thread-safe.
 */
public final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final Writer commands;
  private final BufferedReader answers;
  private final URI baseUrl;

  private ServerProcess(Process process) throws IOException {
    this.process = process;
    this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String first = answers.readLine();
    if (first == null || !first.startsWith("port ")) {
      process.destroyForcibly();
      throw new IllegalStateException("The loopback server did not start: " + first);
    }
    this.baseUrl = URI.create("http://127.0.0.1:" + first.substring("port ".length()) + "/");
  }

  /** Starts the server in a new JVM with {@code threads} handler threads; waits until it serves. */
  public static ServerProcess start(int threads) {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp",
        System.getProperty("java.class.path"), LoopbackServer.class.getName(), Integer.toString(threads));
    builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    try {
      return new ServerProcess(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the loopback server", e);
    }
  }

  /** {@code http://127.0.0.1:<port>/}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** Delays every answer from now on by {@code latency}, on a timer (no thread held). */
  public void latency(Duration latency) {
    command("latency " + latency.toMillis());
  }

  /** Requests served so far whose route is {@code route} ({@code GET /v1/...}). */
  public long count(String route) {
    return Long.parseLong(command("count " + route));
  }

  /** Starts keeping the headers of the latest request; off by default. */
  public void recordHeaders() {
    command("record");
  }

  /** The headers of the latest request, lower-case names, once {@link #recordHeaders()} is on. */
  public Map<String, String> lastHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String pair : command("headers").split("\t")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        headers.put(pair.substring(0, equals), pair.substring(equals + 1));
      }
    }
    return headers;
  }

  /** The server process's CPU time so far, all its threads, in nanoseconds. */
  public long cpuNanos() {
    return Long.parseLong(command("cpu"));
  }

  private synchronized String command(String line) {
    try {
      commands.write(line + "\n");
      commands.flush();
      String answer = answers.readLine();
      if (answer == null) {
        throw new IllegalStateException("The loopback server has exited");
      }
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ends the child: its input closes and it exits; forcibly if it has not within 5 s. */
  @Override
  public synchronized void close() {
    try {
      commands.close();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
