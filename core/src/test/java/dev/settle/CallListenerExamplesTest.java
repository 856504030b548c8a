package dev.settle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
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
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Micrometer and OpenTelemetry examples in {@link CallListener}'s Javadoc are read from its
 * source, as a reader sees them, and compiled against Micrometer and the OpenTelemetry API: the
 * documentation cannot drift from code that compiles.
 */
class CallListenerExamplesTest {
  private static final Path SOURCE = Path.of("src/main/java/dev/settle/CallListener.java");
  private static final Pattern EXAMPLE = Pattern.compile("<pre>\\{@code\\n(.*?)\\n \\* }</pre>", Pattern.DOTALL);

  /** What an application around the examples has: the imports, a registry and a tracer. */
  private static final String APPLICATION = """
      import dev.settle.AttemptEvent;
      import dev.settle.CallEvent;
      import dev.settle.CallListener;
      import io.micrometer.core.instrument.MeterRegistry;
      import io.micrometer.core.instrument.Timer;
      import io.opentelemetry.api.trace.Span;
      import io.opentelemetry.api.trace.SpanKind;
      import io.opentelemetry.api.trace.StatusCode;
      import io.opentelemetry.api.trace.Tracer;
      import java.time.Instant;

      class Application {
        CallListener metrics(MeterRegistry registry) {
      %s
          return metrics;
        }

        CallListener traces(Tracer tracer) {
      %s
          return traces;
        }
      }
      """;

  @Test
  void theMicrometerAndOpenTelemetryExamplesCompile(@TempDir Path classes) throws IOException {
    List<String> examples = examples(Files.readString(SOURCE));
    assertThat(examples).hasSize(2);
    assertThat(examples.get(0)).contains("Timer.builder(\"settle.calls\")").contains("record(call.latency())");
    assertThat(examples.get(1)).contains("tracer.spanBuilder(").contains("span.end(end)");

    String application = APPLICATION.formatted(examples.get(0), examples.get(1));
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
      JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///Application.java"), JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return application;
        }
      };
      boolean compiled = compiler.getTask(null, files, diagnostics,
          List.of("-proc:none", "-d", classes.toString(), "-cp", System.getProperty("java.class.path")),
          null, List.of(source)).call();
      assertThat(compiled).as("compiled:%n%s%n%s", application, diagnostics.getDiagnostics().stream()
          .map(d -> d.getLineNumber() + ": " + d.getMessage(null)).collect(Collectors.joining("\n"))).isTrue();
    }
    assertThat(classes.resolve("Application.class")).exists();
  }

  /** The code of each {@code <pre>{@code …}</pre>} block, without the comment's leading stars. */
  private static List<String> examples(String source) {
    List<String> examples = new ArrayList<>();
    Matcher matcher = EXAMPLE.matcher(source);
    while (matcher.find()) {
      examples.add(matcher.group(1).lines().map(line -> line.replaceFirst("^ \\* ?", "    "))
          .collect(Collectors.joining("\n")));
    }
    return examples;
  }
}
