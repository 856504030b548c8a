package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks sandbox responses against an OpenAPI document, independently of the client in core: the
 * API's contract for {@code /v1/…}, the sandbox's controls document for {@code /sandbox/…}.
 * Responses to paths or methods a document lacks (401, 404, 405) are checked as the default error
 * response of one of its operations: the one error shape applies to them too.
 */
final class ContractValidator {
  static final String CONTRACT_RESOURCE = "/dev/settle/settle-api.yaml";
  static final String CONTROLS_RESOURCE = "/dev/settle/sandbox/sandbox-controls.yaml";
  private static final Path CONTRACT_FILE = Path.of("../core/src/main/resources/dev/settle/settle-api.yaml");
  private static final Set<String> OUTSIDE_CONTRACT = Set.of(
      "validation.request.path.missing", "validation.request.operation.notAllowed");

  /** The API's contract. */
  static final ContractValidator API = new ContractValidator(contract(), "/v1/accounts/100001");
  /** The sandbox's controls; created on first use. */
  private static volatile ContractValidator controls;

  private final OpenApiInteractionValidator validator;
  private final String errorExample;

  private ContractValidator(String document, String errorExample) {
    this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
    this.errorExample = errorExample;
  }

  static ContractValidator controls() {
    if (controls == null) {
      controls = new ContractValidator(resource(CONTROLS_RESOURCE), "/sandbox/clock");
    }
    return controls;
  }

  static String contract() {
    try (InputStream in = ContractValidator.class.getResourceAsStream(CONTRACT_RESOURCE)) {
      if (in != null) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      return Files.readString(CONTRACT_FILE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String resource(String name) {
    try (InputStream in = ContractValidator.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void assertConforms(String method, String path, HttpResponse<String> response) {
    SimpleResponse.Builder wire = SimpleResponse.Builder.status(response.statusCode()).withBody(response.body());
    response.headers().map().forEach(wire::withHeader);
    response.headers().firstValue("Content-Type").ifPresent(wire::withContentType);
    SimpleResponse simple = wire.build();

    Request.Method verb = Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
    ValidationReport report = validator.validateResponse(path, verb, simple);
    boolean outside = report.getMessages().stream().anyMatch(m -> OUTSIDE_CONTRACT.contains(m.getKey()));
    if (outside) {
      assertThat(response.statusCode()).as("status of %s %s, outside the document", method, path).isIn(401, 404, 405);
      report = validator.validateResponse(errorExample, Request.Method.GET, simple);
    }
    assertThat(report.hasErrors())
        .as("%s %s → %d conforms to its document:%n%s%n%s", method, path, response.statusCode(),
            describe(report), response.body())
        .isFalse();
  }

  private static String describe(ValidationReport report) {
    return report.getMessages().stream()
        .map(m -> m.getLevel() + " " + m.getKey() + ": " + m.getMessage())
        .collect(Collectors.joining("\n"));
  }
}
