package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code sandbox-controls.yaml} and the server agree: every control the server routes is
 * documented with its method and path, every documented operation is served, and the document
 * parses without messages. (Each answer is checked against it by {@link SandboxHttp}.)
 */
class ControlsDocumentTest {
  @Test
  void everyControlIsDocumentedAndEveryDocumentedControlIsServed() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    var parsed = new OpenAPIV3Parser().readContents(ContractValidator.resource(ContractValidator.CONTROLS_RESOURCE),
        null, options);
    OpenAPI document = parsed.getOpenAPI();
    Set<String> documented = new TreeSet<>();
    document.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
        .forEach(method -> documented.add(method.name() + " " + path)));

    Set<String> served = new TreeSet<>();
    try (SettleSandbox sandbox = SettleSandbox.builder().build()) {
      for (Route route : sandbox.routes()) {
        if (route.template().startsWith("/sandbox/")) {
          served.add(route.method().toUpperCase(Locale.ROOT) + " " + route.template());
        }
      }
    }

    assertThat(parsed.getMessages()).isEmpty();
    assertThat(served).isNotEmpty().isEqualTo(documented);
    assertThat(document.getPaths().values()).allSatisfy(item -> assertThat(item.readOperations())
        .allSatisfy(operation -> {
          assertThat(operation.getSummary()).isNotBlank();
          assertThat(operation.getTags()).isNotEmpty();
        }));
  }
}
