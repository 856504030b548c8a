package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's {@code sh} blocks, run as written by bash and curl against a started sandbox, in
 * the order they appear: only the variables the README defines ({@code SANDBOX}, {@code KEY}) are
 * given this sandbox's values. Each block's comments {@code # → <status>} say what its requests
 * are answered, in order; the sandbox reports what it did answer. Every control is among them.
 */
class ReadmeCurlTest {
  private static final Path README = Path.of("README.md");
  private static final Pattern BLOCK = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL);
  private static final Pattern EXPECTED = Pattern.compile("(?m)^# → ([0-9]{3})\\b");
  private static final Pattern DEFINITION = Pattern.compile("(?m)^([A-Z]+)=(\\S+)$");

  @Test
  void everyCurlLineOfTheReadmeGetsTheStatusItShows() throws Exception {
    requireBashAndCurl();
    List<String> blocks = new ArrayList<>();
    Matcher block = BLOCK.matcher(Files.readString(README, StandardCharsets.UTF_8));
    while (block.find()) {
      blocks.add(block.group(1));
    }
    String definitions = blocks.remove(0);
    Matcher definition = DEFINITION.matcher(definitions);
    List<String> defined = new ArrayList<>();
    while (definition.find()) {
      defined.add(definition.group(1) + "=" + definition.group(2));
    }
    // The standalone port and key, the same everywhere the README names them.
    assertThat(defined).containsExactly("SANDBOX=http://127.0.0.1:" + Standalone.PORT,
        "KEY=" + SettleSandbox.DEFAULT_API_KEY);

    List<String> answers = new CopyOnWriteArrayList<>();
    Set<String> reached = new HashSet<>();
    try (SettleSandbox sandbox = SettleSandbox.builder()
        .clock(Clock.fixed(Instant.parse("2026-11-26T09:30:00Z"), ZoneOffset.UTC))
        .build().start()) {
      sandbox.answered(answers::add);
      String url = sandbox.baseUrl().toString().replaceAll("/$", "");
      int requests = 0;
      for (String script : blocks) {
        assertThat(script).as("a README sh block").contains("curl ");
        answers.clear();
        String output = run(script, url, sandbox.apiKey());

        List<String> expected = new ArrayList<>();
        Matcher status = EXPECTED.matcher(script);
        while (status.find()) {
          expected.add(status.group(1));
        }
        List<String> statuses = answers.stream().map(answer -> answer.substring(answer.lastIndexOf(' ') + 1)).toList();
        assertThat(statuses).as("statuses answered to%n%s%nwhich printed%n%s", script, output).isEqualTo(expected);
        answers.forEach(answer -> reached.add(answer.substring(0, answer.lastIndexOf(' '))));
        requests += answers.size();
      }
      for (Route route : sandbox.routes()) {
        if (route.template().startsWith("/sandbox/")) {
          assertThat(reached).as("the README shows %s %s", route.method(), route.template())
              .anyMatch(answer -> answer.startsWith(route.method() + " ") && route.match(answer.substring(
                  answer.indexOf(' ') + 1)) != null);
        }
      }
      System.out.printf("Ran %d sh blocks of the README: %d requests, each answered as it shows%n",
          blocks.size(), requests);
    }
  }

  /** Runs a block with bash, stopping at the first failing command; answers what it printed. */
  private static String run(String script, String url, String key) throws IOException, InterruptedException {
    ProcessBuilder bash = new ProcessBuilder("bash", "-c", "set -euo pipefail\n" + script).redirectErrorStream(true);
    bash.environment().put("SANDBOX", url);
    bash.environment().put("KEY", key);
    Process process = bash.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("exit status of%n%s%nwhich printed%n%s", script, output).isZero();
    return output;
  }

  /** Skips without bash and curl, but fails on CI, where they must be installed. */
  private static void requireBashAndCurl() {
    boolean present = List.of("/usr/bin/curl", "/bin/bash").stream().allMatch(program -> Files.isExecutable(Path.of(program)));
    if (!present && "true".equals(System.getenv("CI"))) {
      fail("The README test needs /usr/bin/curl and /bin/bash; on CI (CI=true) it must run");
    }
    assumeTrue(present, "The README test needs /usr/bin/curl and /bin/bash; skipped");
  }
}
