package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged {@code -standalone.jar} run the way its README says, {@code java -jar}, in its own
 * JVM: it must hold every class it loads, which only the package shows (the tests above run on
 * Maven's class path, where the client's classes are always present).
 */
class StandaloneJarIT {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+/)");
  private static final String KEY = "Bearer sk_test_settle_sandbox";

  @Test
  void theJarStartsServesTheApiItsControlsAndPdfsAndStops() throws Exception {
    Process process = new ProcessBuilder(javaExecutable(), "-jar", standaloneJar().toString(), "--port", "0")
        .redirectErrorStream(true)
        .start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      List<String> printed = new ArrayList<>();
      String baseUrl = null;
      for (String line = out.readLine(); line != null && !line.startsWith("Stop with"); line = out.readLine()) {
        printed.add(line);
        Matcher listening = LISTENING.matcher(line);
        if (listening.find()) {
          baseUrl = listening.group(1);
        }
      }
      assertThat(baseUrl).as("what it printed: %s", printed).isNotNull();
      assertThat(printed).anyMatch(line -> line.contains("100001") && line.contains("Atelier Dupont"));

      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> invoices = http.send(get(baseUrl + "v1/accounts/100001/invoices"), HttpResponse.BodyHandlers.ofString());
      assertThat(invoices.statusCode()).isEqualTo(200);
      Matcher invoiceId = Pattern.compile("\"id\"\\s*:\\s*\"(in_[^\"]+)\"").matcher(invoices.body());
      assertThat(invoiceId.find()).as(invoices.body()).isTrue();

      HttpResponse<byte[]> pdf = http.send(get(baseUrl + "v1/accounts/100001/invoices/" + invoiceId.group(1) + "/pdf"),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

      HttpResponse<String> advanced = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "sandbox/clock/advance"))
          .header("Authorization", KEY).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"days\": 1}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(advanced.statusCode()).as(advanced.body()).isEqualTo(200);
      assertThat(advanced.body()).contains("\"now\"");
    } finally {
      process.destroy();
    }
    assertThat(process.waitFor()).as("exit status after SIGTERM").isIn(0, 143);
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).header("Authorization", KEY).GET().build();
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Path standaloneJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(file -> file.getFileName().toString().endsWith("-standalone.jar")).findFirst()
          .orElseThrow(() -> new AssertionError("no -standalone.jar in target/: run mvn verify, which packages it first"));
    }
  }
}
