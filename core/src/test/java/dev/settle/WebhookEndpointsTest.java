package dev.settle;

import static dev.settle.MockServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.exception.ValidationException;
import dev.settle.model.WebhookEndpoint;
import dev.settle.model.WebhookEndpointId;
import dev.settle.model.WebhookEventType;
import dev.settle.testing.Contract;
import java.net.URI;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class WebhookEndpointsTest {
  @StartStop final MockWebServer server = new MockWebServer();
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  @Test
  void registersAnEndpointAndKeepsItsSecretOutOfToString() throws Exception {
    server.enqueue(json(201, "{\"id\":\"we_1\",\"url\":\"https://shop.example.com/hooks\",\"events\":[\"license.renewed\"],"
        + "\"secret\":\"" + SECRET + "\",\"created_at\":\"2026-03-01T10:00:00Z\"}"));

    WebhookEndpoint endpoint = MockServer.client(server).webhookEndpoints()
        .create(URI.create("https://shop.example.com/hooks"), List.of(WebhookEventType.LICENSE_RENEWED));

    assertThat(endpoint.secret()).hasValue(SECRET);
    assertThat(endpoint.events()).containsExactly(WebhookEventType.LICENSE_RENEWED);
    assertThat(endpoint.toString()).doesNotContain(SECRET);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/webhook_endpoints");
    assertThat(request.getBody().utf8())
        .isEqualTo("{\"url\":\"https://shop.example.com/hooks\",\"events\":[\"license.renewed\"]}");
    assertThat(request.getHeaders().get("Idempotency-Key")).isNotBlank();
    Contract.assertValidRequest(request);
  }

  @Test
  void listsAndRemovesEndpoints() throws Exception {
    server.enqueue(json(200, "{\"data\":[{\"id\":\"we_1\",\"url\":\"https://shop.example.com/hooks\",\"events\":[],"
        + "\"created_at\":\"2026-03-01T10:00:00Z\"}],\"has_more\":false,\"next_cursor\":null}"));
    server.enqueue(json(200, "{\"id\":\"we_1\",\"deleted\":true}"));
    WebhookEndpoints endpoints = MockServer.client(server).webhookEndpoints();

    assertThat(endpoints.list()).singleElement().satisfies(e -> assertThat(e.secret()).isEmpty());
    endpoints.remove(WebhookEndpointId.of("we_1"));

    Contract.assertValidRequest(server.takeRequest());
    RecordedRequest delete = server.takeRequest();
    assertThat(delete.getMethod()).isEqualTo("DELETE");
    assertThat(delete.getUrl().encodedPath()).isEqualTo("/v1/webhook_endpoints/we_1");
    Contract.assertValidRequest(delete);
  }

  @Test
  void anIdThatWouldMoveThePathCannotBeMadeSoNoRequestLeaves() throws Exception {
    WebhookEndpoints endpoints = MockServer.client(server).webhookEndpoints();

    for (String id : List.of("..", ".", "", "we_1/..", "we_1%2F..")) {
      assertThatThrownBy(() -> endpoints.remove(WebhookEndpointId.of(id)))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.param()).isEqualTo("webhook_endpoint_id"));
    }
    assertThatThrownBy(() -> endpoints.remove(null))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.param()).isEqualTo("id"));
    assertThat(server.getRequestCount()).isZero();
  }

}
