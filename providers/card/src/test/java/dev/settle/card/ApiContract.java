package dev.settle.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.util.stream.Collectors;
import mockwebserver3.RecordedRequest;

/**
 * Holds this module's requests, and the responses its tests serve, to {@code settle-api.yaml}, so
 * that passing tests mean the card provider speaks the real API, not just what the tests expect.
 */
final class ApiContract {
  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForSpecificationUrl(
              ApiContract.class.getResource("/dev/settle/settle-api.yaml").toString())
          .build();

  private ApiContract() {}

  static void assertValidRequest(RecordedRequest recorded) {
    SimpleRequest.Builder request =
        new SimpleRequest.Builder(
            Request.Method.valueOf(recorded.getMethod()), recorded.getUrl().encodedPath());
    for (String name : recorded.getUrl().queryParameterNames()) {
      request.withQueryParam(name, recorded.getUrl().queryParameterValues(name));
    }
    recorded.getHeaders()
        .forEach(header -> request.withHeader(header.getFirst(), header.getSecond()));
    if (recorded.getBody() != null && recorded.getBody().size() > 0) {
      request.withBody(recorded.getBody().utf8());
    }
    assertNoErrors(VALIDATOR.validateRequest(request.build()), recorded.getRequestLine());
  }

  static void assertValidResponse(String method, String path, int status, String json) {
    SimpleResponse response =
        SimpleResponse.Builder.status(status)
            .withContentType("application/json")
            .withBody(json)
            .build();
    assertNoErrors(
        VALIDATOR.validateResponse(path, Request.Method.valueOf(method), response),
        method + " " + path + " -> " + status);
  }

  private static void assertNoErrors(ValidationReport report, String exchange) {
    String errors =
        report.getMessages().stream()
            .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
            .map(ValidationReport.Message::toString)
            .collect(Collectors.joining("\n"));
    assertThat(errors).as("contract violations of %s", exchange).isEmpty();
  }
}
