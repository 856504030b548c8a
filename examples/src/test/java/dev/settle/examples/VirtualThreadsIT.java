package dev.settle.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blocking calls from virtual threads pin no carrier. The library is Java 17; this test compiles
 * and runs a small program with the JDK 25 installed beside it (under {@code /usr/lib/jvm}, or
 * {@code JAVA25_HOME}): 1,000 virtual threads each make one blocking call against the sandbox
 * with 100 ms of latency, after one call that initialises the classes on the way, while a JFR
 * stream counts {@code jdk.VirtualThreadPinned} events.
 * Without a JDK 25 the test is skipped, except on CI, where it must run.
 */
class VirtualThreadsIT extends SandboxFixture {
  private static final int CALLS = 1_000;
  private static final Pattern RESULT = Pattern.compile("calls=(\\d+) failed=(\\d+) pinned=(\\d+) millis=(\\d+)");

  @TempDir Path work;

  @Test
  void aThousandBlockingCallsFromVirtualThreadsPinNoCarrier() throws Exception {
    Path jdk = jdk25().orElse(null);
    if (System.getenv("CI") == null) {
      assumeTrue(jdk != null, "No JDK 25 under /usr/lib/jvm or in JAVA25_HOME; skipped");
    }
    assertThat(jdk).as("a JDK 25 on CI, under /usr/lib/jvm or in JAVA25_HOME").isNotNull();
    Path source = Files.createDirectories(work.resolve("src")).resolve("VirtualCalls.java");
    Files.writeString(source, """
        import dev.settle.RetryPolicy;
        import dev.settle.SettleClient;
        import dev.settle.model.CustomerId;
        import java.net.URI;
        import java.time.Duration;
        import java.util.concurrent.atomic.AtomicInteger;
        import jdk.jfr.consumer.RecordingStream;

        public class VirtualCalls {
          public static void main(String[] args) throws Exception {
            int calls = Integer.parseInt(args[2]);
            AtomicInteger pinned = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            try (RecordingStream jfr = new RecordingStream();
                SettleClient settle = SettleClient.builder().baseUrl(URI.create(args[0])).apiKey(args[1])
                    .retryPolicy(RetryPolicy.none()).build()) {
              jfr.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
              jfr.onEvent("jdk.VirtualThreadPinned", event -> {
                if (pinned.incrementAndGet() <= 3) {
                  System.out.println("PINNED " + event.getValue("pinnedReason") + " at "
                      + event.getStackTrace().getFrames().stream().limit(12)
                          .map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName()).toList());
                }
              });
              // A first call on a virtual thread initialises the classes on the way (Kotlin's class
              // mapping behind OkHttp's request tags, the JDK's own socket poller): a virtual thread
              // waiting for a class's initialisation is pinned, once per class, by the JDK. The
              // count is of the calls that follow.
              Thread.ofVirtual().start(() -> settle.account(CustomerId.of("200001")).get()).join();
              jfr.startAsync();
              long started = System.nanoTime();
              try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < calls; i++) {
                  threads.submit(() -> {
                    try {
                      settle.account(CustomerId.of("200001")).get();
                    } catch (RuntimeException e) {
                      failed.incrementAndGet();
                    }
                  });
                }
              }
              long millis = (System.nanoTime() - started) / 1_000_000;
              jfr.stop();
              System.out.println("calls=" + calls + " failed=" + failed + " pinned=" + pinned + " millis=" + millis);
            }
          }
        }
        """);
    String classPath = System.getProperty("java.class.path");
    Path classes = Files.createDirectories(work.resolve("classes"));
    run(jdk.resolve("bin/javac"), "-cp", classPath, "-d", classes.toString(), source.toString());
    sandbox.faults().all().latency(Duration.ofMillis(100));

    String printed = run(jdk.resolve("bin/java"), "-cp", classes + File.pathSeparator + classPath,
        "VirtualCalls", sandbox.baseUrl().toString(), sandbox.apiKey(), Integer.toString(CALLS));

    Matcher result = RESULT.matcher(printed);
    assertThat(result.find()).as(printed).isTrue();
    System.out.println("Virtual threads: " + result.group());
    assertThat(Integer.parseInt(result.group(2))).as("failed calls").isZero();
    assertThat(Integer.parseInt(result.group(3))).as("jdk.VirtualThreadPinned events, the first ones: %s", printed).isZero();
    // A sanity bound only: serialised, 1,000 calls at 100 ms would take 100 s.
    assertThat(Long.parseLong(result.group(4))).as("milliseconds for %d calls at 100 ms", CALLS).isLessThan(20_000);
  }

  private static String run(Path program, String... arguments) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(Stream.concat(Stream.of(program.toString()), Stream.of(arguments)).toList())
        .redirectErrorStream(true).start();
    String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(printed).isZero();
    return printed;
  }

  /** A JDK 25: {@code JAVA25_HOME}, or one under {@code /usr/lib/jvm} whose name says 25. */
  private static Optional<Path> jdk25() throws IOException {
    String home = System.getenv("JAVA25_HOME");
    if (home != null) {
      return Optional.of(Path.of(home));
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> installed = Files.list(jvms)) {
      List<Path> found = installed
          .filter(p -> p.getFileName().toString().matches(".*(-|jdk)25([.-].*)?"))
          .filter(p -> Files.isExecutable(p.resolve("bin/javac")))
          .sorted().toList();
      return found.stream().findFirst();
    }
  }
}
