package dev.settle.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a program's {@code main} in a JVM of its own, on this JVM's class path, and times how long
 * the process takes to end after the last line it prints: what a user sees as a program that
 * hangs after it is done. The child inherits no {@code SETTLE_*} variable, so it talks to what the
 * test gives it.
 */
public final class ChildJvm {
  private ChildJvm() {}

  /**
   * What the program printed (standard output and error, in order), how it exited, and the time
   * from reading its last line to its end.
   */
  public record Run(List<String> lines, int exitStatus, Duration exitAfterLastLine) {}

  /**
   * Runs {@code main} with {@code args} and waits for it to end.
   *
   * @throws AssertionError if it is still running {@code timeout} after it started
   */
  public static Run run(Class<?> main, Duration timeout, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("SETTLE_"));
    Process process = builder.start();
    List<String> lines = new ArrayList<>();
    AtomicLong lastLine = new AtomicLong(System.nanoTime());
    Thread reader = new Thread(() -> {
      try (BufferedReader output = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
          synchronized (lines) {
            lines.add(line);
            lastLine.set(System.nanoTime());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, "child-jvm-output");
    reader.setDaemon(true);
    reader.start();
    boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    long end = System.nanoTime();
    if (!ended) {
      process.destroyForcibly();
    }
    reader.join(timeout.toMillis());
    synchronized (lines) {
      if (!ended) {
        throw new AssertionError(main.getSimpleName() + " was still running after " + timeout + "; it printed " + lines);
      }
      return new Run(List.copyOf(lines), process.exitValue(), Duration.ofNanos(Math.max(0, end - lastLine.get())));
    }
  }
}
