package dev.settle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fenced {@code java} block of the README compiles, and the quick start runs as written.
 *
 * <p>A block that is a whole class compiles as it is. Any other block is a fragment, and is
 * compiled inside a class whose preamble is the one the README announces: the imports of Settle's
 * packages and the JDK's, and the names its snippets use without declaring ({@code settle},
 * {@code account}, {@code invoiceId}, {@code body}, {@code headers}, {@code session}…), declared in {@link #PREAMBLE}.
 */
class ReadmeIT {
  private static final Pattern JAVA_BLOCK = Pattern.compile("(?m)^```java\n(.*?)^```", Pattern.DOTALL);
  private static final Pattern CLASS_NAME = Pattern.compile("(?m)^public (?:final )?class (\\w+)");

  /** What the README's fragments may use without declaring it, as the README says above them. */
  static final String PREAMBLE = """
      import com.sun.net.httpserver.HttpExchange;
      import dev.settle.*;
      import dev.settle.banktransfer.*;
      import dev.settle.card.*;
      import dev.settle.exception.*;
      import dev.settle.model.*;
      import dev.settle.paypal.*;
      import dev.settle.sandbox.*;
      import dev.settle.webhooks.*;
      import java.math.BigDecimal;
      import java.net.URI;
      import java.util.*;
      import org.junit.jupiter.api.Test;
      import org.junit.jupiter.api.extension.RegisterExtension;
      import org.springframework.context.event.EventListener;

      abstract class Snippet%d {
        SettleClient settle;
        AccountClient account;
        InvoiceId invoiceId;
        URI returnUrl;
        URI cancelUrl;
        byte[] body;
        Map<String, List<String>> headers;
        HttpExchange exchange;
        Map<String, String> session;
        WebhookVerifier verifier;
        org.slf4j.Logger log;
      """;

  @TempDir Path work;

  @Test
  void everyJavaBlockCompilesAndTheQuickStartRuns() throws Exception {
    List<String> blocks = javaBlocks();
    assertThat(blocks).hasSizeGreaterThan(5);
    Path sources = Files.createDirectories(work.resolve("src"));
    List<Path> files = new ArrayList<>();
    String quickStart = null;
    for (int i = 0; i < blocks.size(); i++) {
      String block = blocks.get(i);
      Matcher whole = CLASS_NAME.matcher(block);
      if (whole.find()) {
        files.add(Files.writeString(sources.resolve(whole.group(1) + ".java"), block));
        quickStart = quickStart == null ? whole.group(1) : quickStart;
      } else {
        files.add(Files.writeString(sources.resolve("Snippet" + i + ".java"), fragment(i, block)));
      }
    }

    Path classes = compile(files);

    assertThat(quickStart).as("the quick start is a whole program").isEqualTo("QuickStart");
    assertThat(run(classes, quickStart)).startsWith("Paid in_").contains(" with pm_").endsWith(": SUCCEEDED\n");
  }

  private static List<String> javaBlocks() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    List<String> blocks = new ArrayList<>();
    Matcher block = JAVA_BLOCK.matcher(readme);
    while (block.find()) {
      blocks.add(block.group(1));
    }
    return blocks;
  }

  /** A fragment: declarations at the class's level when it has annotations on members, else a method's body. */
  private static String fragment(int index, String block) {
    boolean members = block.lines().anyMatch(line -> line.startsWith("@"));
    String body = members ? block : "  void snippet() throws Exception {\n" + block + "\n  }\n";
    return PREAMBLE.formatted(index) + body + "}\n";
  }

  private Path compile(List<Path> files) throws IOException {
    Path classes = Files.createDirectories(work.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      boolean compiled = javac.getTask(null, fileManager, diagnostics,
          List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(), "-proc:none"),
          null, fileManager.getJavaFileObjectsFromPaths(files)).call();
      assertThat(compiled).as("%s", diagnostics.getDiagnostics().stream()
          .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(null))
          .collect(Collectors.joining("\n"))).isTrue();
    }
    return classes;
  }

  /** Runs the program's main in this JVM, on a class loader over its classes, and returns what it printed. */
  private static String run(Path classes, String className) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        ReadmeIT.class.getClassLoader())) {
      Method main = loader.loadClass(className).getMethod("main", String[].class);
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(original);
    }
    return printed.toString(StandardCharsets.UTF_8);
  }
}
