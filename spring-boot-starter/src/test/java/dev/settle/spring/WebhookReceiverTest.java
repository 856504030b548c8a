package dev.settle.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.model.CustomerId;
import dev.settle.model.LicenseId;
import dev.settle.webhooks.LicenseRenewed;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

class WebhookReceiverTest {
  private static final String SECRET = Deliveries.newSecret();
  private static ConfigurableApplicationContext app;
  private static URI url;
  private static WebhookTestApp.Received received;
  private final Deliveries deliveries =
      new Deliveries(url, SECRET, Clock.fixed(WebhookTestApp.NOW, ZoneOffset.UTC));

  @BeforeAll
  static void start() {
    app = new SpringApplicationBuilder(WebhookTestApp.class).run(
        "--server.port=0", "--server.address=127.0.0.1",
        "--spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "--settle.base-url=http://127.0.0.1:1/", "--settle.api-key=sk_test_unused",
        "--settle.webhooks.path=/settle/webhooks", "--settle.webhooks.secrets=" + SECRET,
        "--settle.webhooks.max-body-size=4KB");
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    url = URI.create("http://127.0.0.1:" + port + "/settle/webhooks");
    received = app.getBean(WebhookTestApp.Received.class);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void forget() {
    received.events.clear();
    received.failing.set(false);
  }

  @Test
  void aSignedDeliveryIsPublishedAsItsTypedEvent() throws Exception {
    HttpResponse<String> response = deliveries.send("msg_typed", Deliveries.licenseRenewed("evt_typed"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("received\n");
    assertThat(received.events).singleElement().isInstanceOfSatisfying(LicenseRenewed.class, renewed -> {
      assertThat(renewed.id()).isEqualTo("evt_typed");
      assertThat(renewed.customerId()).isEqualTo(CustomerId.of("200001"));
      assertThat(renewed.licenseId()).isEqualTo(LicenseId.of("lic_1"));
    });
  }

  @Test
  void theSameDeliveryIdIsPublishedOnce() throws Exception {
    String body = Deliveries.licenseRenewed("evt_twice");
    HttpResponse<String> first = deliveries.send("msg_twice", body);
    HttpResponse<String> again = deliveries.send("msg_twice", WebhookTestApp.NOW.minusSeconds(30), body);

    assertThat(first.body()).isEqualTo("received\n");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).isEqualTo("duplicate\n");
    assertThat(received.events).hasSize(1);
  }

  @Test
  void theSignatureIsCheckedOnTheBytesAsTheyArrived() throws Exception {
    // Spacing and an escaped character that any JSON round trip would rewrite.
    String body = "{ \"id\" : \"evt_bytes\",\n  \"type\":\"license.renewed\", \"created_at\":\"2026-03-01T10:15:30Z\","
        + " \"data\":{\"customer_id\":\"200001\",\"license_id\":\"lic_1\",\"invoice_id\":\"in_8\","
        + "\"payment_id\":null,\"renews_at\":\"2027-03-01T00:00:00Z\",\"note\":\"caf\\u00e9 é\"} }";

    assertThat(deliveries.send("msg_bytes", body).statusCode()).isEqualTo(200);
    assertThat(received.events).singleElement().satisfies(event -> assertThat(event.id()).isEqualTo("evt_bytes"));
  }

  @Test
  void aTamperedBodyIsRefusedWithTheReasonAndNotPublished() throws Exception {
    String body = Deliveries.licenseRenewed("evt_tampered");
    Map<String, String> headers = deliveries.headers("msg_tampered", body);

    HttpResponse<String> response = deliveries.send(headers, body.replace("lic_1", "lic_2"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).startsWith("NO_VALID_SIGNATURE: ").doesNotContain(SECRET)
        .doesNotContain(headers.get("webhook-signature").substring(3));
    assertThat(received.events).isEmpty();
    // Refused deliveries are not remembered: the genuine one still goes through.
    assertThat(deliveries.send("msg_tampered", body).body()).isEqualTo("received\n");
  }

  @Test
  void missingHeadersAndStaleTimestampsAreRefused() throws Exception {
    String body = Deliveries.licenseRenewed("evt_refused");

    HttpResponse<String> unsigned = deliveries.send(Map.of(), body);
    HttpResponse<String> stale = deliveries.send("msg_stale", WebhookTestApp.NOW.minus(Duration.ofMinutes(6)), body);

    assertThat(unsigned.statusCode()).isEqualTo(400);
    assertThat(unsigned.body()).startsWith("MISSING_HEADER: ");
    assertThat(stale.statusCode()).isEqualTo(400);
    assertThat(stale.body()).startsWith("TIMESTAMP_TOO_OLD: ");
    assertThat(received.events).isEmpty();
  }

  @Test
  void aFailingListenerGets500AndTheRedeliveryIsPublished() throws Exception {
    String body = Deliveries.licenseRenewed("evt_retry");
    received.failing.set(true);
    HttpResponse<String> failed = deliveries.send("msg_retry", body);
    received.failing.set(false);
    HttpResponse<String> retried = deliveries.send("msg_retry", body);

    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(retried.body()).isEqualTo("received\n");
    assertThat(received.events).singleElement().satisfies(event -> assertThat(event.id()).isEqualTo("evt_retry"));
  }

  @Test
  void aBodyOverTheLimitIsRefused() throws Exception {
    String body = Deliveries.licenseRenewed("evt_big").replace("\"lic_1\"", "\"lic_" + "x".repeat(5000) + "\"");

    HttpResponse<String> response = deliveries.send("msg_big", body);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(received.events).isEmpty();
    assertThat(body.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(4096);
  }
}
