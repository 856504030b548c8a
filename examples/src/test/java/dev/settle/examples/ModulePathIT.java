package dev.settle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settle's jars as modules: a small program of its own module, compiled and run on the module
 * path against the sandbox, finds the card and PayPal providers through the module system's
 * services and makes calls of every provider; the sandbox runs inside such a program too; and a
 * program that reaches for {@code dev.settle.internal} does not compile.
 */
class ModulePathIT extends SandboxFixture {
  /** The jars a Settle application needs at run time, by their file names. */
  private static final Pattern RUNTIME = Pattern.compile(
      "(settle-(core|card|paypal|bank-transfer|sandbox)|okhttp-jvm|okio-jvm|moshi|retrofit|kotlin-stdlib|annotations|jspecify"
          + "|core|pdfbox|pdfbox-io|fontbox|commons-logging)"
          + "-[0-9][^/]*\\.jar");

  @TempDir Path work;

  @Test
  void aProgramOnTheModulePathMakesCallsOfEveryProvider() throws Exception {
    String modulePath = modulePath();
    Path classes = compile("""
        module dev.settle.probe {
          requires dev.settle.card;
          requires dev.settle.paypal;
          requires dev.settle.banktransfer;
        }""", """
        package dev.settle.probe;

        import dev.settle.SettleClient;
        import dev.settle.AccountClient;
        import dev.settle.banktransfer.BankTransfer;
        import dev.settle.card.CardDetails;
        import dev.settle.model.CustomerId;
        import dev.settle.model.InvoiceStatus;
        import dev.settle.paypal.PayPal;
        import java.net.URI;

        public final class Probe {
          public static void main(String[] args) {
            try (SettleClient settle = SettleClient.builder().baseUrl(URI.create(args[0])).apiKey(args[1]).build()) {
              AccountClient account = settle.account(CustomerId.of("200001"));
              var card = account.paymentMethods().switchPreferred(CardDetails.builder()
                  .number("4242 4242 4242 4242").expiry(12, 2030).cvc("123").build());
              var invoice = account.invoices().list(q -> q.status(InvoiceStatus.OPEN)).stream().findFirst().orElseThrow();
              var instructions = BankTransfer.of(account).instructions(invoice.id());
              var paid = account.invoices().pay(invoice.id());
              var setup = PayPal.of(account).startSetup(URI.create("https://shop.example/ok"), URI.create("https://shop.example/no"));
              System.out.println("module " + SettleClient.class.getModule().getName() + " card " + card.id()
                  + " reference " + instructions.reference() + " paid " + paid.status() + " setup " + setup.status());
            }
          }
        }""", modulePath);

    Process probe = new ProcessBuilder(javaHome().resolve("bin/java").toString(),
        "--module-path", classes + File.pathSeparator + modulePath,
        "-m", "dev.settle.probe/dev.settle.probe.Probe", sandbox.baseUrl().toString(), sandbox.apiKey())
        .redirectErrorStream(true).start();
    String printed = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(probe.exitValue()).as(printed).isZero();
    assertThat(printed).contains("module dev.settle card pm_").contains("reference RF")
        .contains("paid SUCCEEDED").contains("setup PAYER_ACTION_REQUIRED");
  }

  @Test
  void theSandboxRunsInsideAProgramOnTheModulePath() throws Exception {
    String modulePath = modulePath();
    Path classes = compile("""
        module dev.settle.probe {
          requires dev.settle.card;
          requires dev.settle.sandbox;
        }""", """
        package dev.settle.probe;

        import dev.settle.SettleClient;
        import dev.settle.card.CardDetails;
        import dev.settle.model.CustomerId;
        import dev.settle.sandbox.SettleSandbox;

        public final class Probe {
          public static void main(String[] args) {
            try (SettleSandbox sandbox = SettleSandbox.builder().port(0).build().start();
                SettleClient settle = SettleClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build()) {
              var card = settle.account(CustomerId.of("100001")).paymentMethods().switchPreferred(CardDetails.builder()
                  .number("4242 4242 4242 4242").expiry(12, 2030).cvc("123").build());
              System.out.println("module " + SettleSandbox.class.getModule().getName() + " card " + card.id());
            }
          }
        }""", modulePath);

    Process probe = new ProcessBuilder(javaHome().resolve("bin/java").toString(),
        "--module-path", classes + File.pathSeparator + modulePath,
        "-m", "dev.settle.probe/dev.settle.probe.Probe")
        .redirectErrorStream(true).start();
    String printed = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(probe.exitValue()).as(printed).isZero();
    assertThat(printed).contains("module dev.settle.sandbox card pm_");
  }

  @Test
  void theHttpLayerIsNotExportedEvenToAModuleThatAsks() throws Exception {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean compiled = compile(diagnostics, """
        module dev.settle.intruder {
          requires dev.settle;
        }""", """
        package dev.settle.intruder;

        public final class Intruder {
          Object stack = dev.settle.internal.http.HttpStack.API_VERSION;
        }""", modulePath());

    assertThat(compiled).isFalse();
    assertThat(diagnostics.getDiagnostics().stream().map(d -> d.getMessage(null)).collect(Collectors.joining("\n")))
        .contains("package dev.settle.internal.http is not visible")
        .contains("does not export it");
  }

  private Path compile(String moduleInfo, String source, String modulePath) throws IOException {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    assertThat(compile(diagnostics, moduleInfo, source, modulePath)).as("%s", diagnostics.getDiagnostics()).isTrue();
    return work.resolve("classes");
  }

  private boolean compile(DiagnosticCollector<JavaFileObject> diagnostics, String moduleInfo, String source,
      String modulePath) throws IOException {
    Path sources = work.resolve("src");
    String packagePath = source.lines().findFirst().orElseThrow()
        .replace("package ", "").replace(";", "").replace('.', '/');
    Path file = sources.resolve(packagePath).resolve(source.contains("class Probe") ? "Probe.java" : "Intruder.java");
    Files.createDirectories(file.getParent());
    Files.writeString(sources.resolve("module-info.java"), moduleInfo);
    Files.writeString(file, source);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      // Only the module path: this test's class path (test jars included) is no part of the program.
      files.setLocation(StandardLocation.CLASS_PATH, List.of());
      List<String> options = List.of("--module-path", modulePath, "-d", work.resolve("classes").toString());
      return javac.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjects(sources.resolve("module-info.java"), file)).call();
    }
  }

  /** The run-time jars from this test's class path: Settle's own, built by this build, and their dependencies. */
  private static String modulePath() {
    List<String> jars = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (RUNTIME.matcher(Path.of(entry).getFileName().toString()).matches()
          && !entry.contains("zxing/javase") && !entry.contains("kotlin-stdlib-jdk")
          && !entry.endsWith("-tests.jar")) {   // core's test support, on this class path for its tests only
        jars.add(entry);
      }
    }
    assertThat(jars).as("Settle's jars, packaged by this build").anyMatch(j -> j.contains("settle-core"));
    return String.join(File.pathSeparator, jars);
  }

  private static Path javaHome() {
    return Path.of(System.getProperty("java.home"));
  }
}
