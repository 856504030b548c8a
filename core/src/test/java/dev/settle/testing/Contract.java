package dev.settle.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * Checks recorded requests and responses against {@code settle-api.yaml}, the contract both the
 * client and the sandbox are held to.
 */
public final class Contract {
  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForSpecificationUrl(
              Contract.class.getResource("/dev/settle/settle-api.yaml").toString())
          .build();

  private Contract() {}

  /** Fails the test unless {@code recorded} is a request the contract allows. */
  public static void assertValidRequest(RecordedRequest recorded) {
    HttpUrl url = recorded.getUrl();
    SimpleRequest.Builder request =
        new SimpleRequest.Builder(Request.Method.valueOf(recorded.getMethod()), url.encodedPath());
    for (String name : url.queryParameterNames()) {
      request.withQueryParam(name, url.queryParameterValues(name));
    }
    recorded.getHeaders().forEach(header -> request.withHeader(header.getFirst(), header.getSecond()));
    if (recorded.getBody() != null && recorded.getBody().size() > 0) {
      request.withBody(recorded.getBody().utf8());
    }
    assertClean(VALIDATOR.validateRequest(request.build()), recorded.getRequestLine());
  }

  /** Fails the test unless the response is one the contract allows for the request. */
  public static void assertValidResponse(
      String method, String path, int status, String contentType, String body) {
    SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
    if (contentType != null) {
      response.withContentType(contentType);
    }
    if (body != null) {
      response.withBody(body.getBytes(StandardCharsets.UTF_8));
    }
    assertClean(
        VALIDATOR.validateResponse(path, Request.Method.valueOf(method), response.build()),
        method + " " + path + " -> " + status);
  }

  private static void assertClean(ValidationReport report, String what) {
    String errors =
        report.getMessages().stream()
            .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
            .map(ValidationReport.Message::toString)
            .collect(Collectors.joining("\n"));
    assertThat(errors).as("contract violations of %s", what).isEmpty();
  }
}
