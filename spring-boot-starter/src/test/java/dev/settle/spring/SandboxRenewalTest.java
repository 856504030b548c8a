package dev.settle.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.jayway.jsonpath.JsonPath;
import dev.settle.SettleClient;
import dev.settle.model.CustomerId;
import dev.settle.model.InvoiceId;
import dev.settle.model.LicenseId;
import dev.settle.model.Payment;
import dev.settle.model.PaymentStatus;
import dev.settle.model.WebhookEndpoint;
import dev.settle.sandbox.SettleSandbox;
import dev.settle.sandbox.WebhookDelivery;
import dev.settle.webhooks.LicenseRenewed;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole path on real sockets: the application registers its webhook URL with the embedded
 * sandbox, pays an invoice, the sandbox's clock passes a renewal, and the signed delivery reaches
 * the application as a typed event; the pay call's timer is read back over the Actuator.
 */
@SpringBootTest(
    classes = SandboxRenewalTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      "settle.webhooks.path=/settle/webhooks",
      "management.endpoints.web.exposure.include=health,metrics",
      "management.endpoint.health.show-details=always",
      "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"
    })
class SandboxRenewalTest {
  static final SettleSandbox SANDBOX = SettleSandbox.builder().build().start();

  @DynamicPropertySource
  static void settle(DynamicPropertyRegistry properties) {
    properties.add("settle.base-url", () -> SANDBOX.baseUrl().toString());
    properties.add("settle.api-key", SANDBOX::apiKey);
  }

  @AfterAll
  static void closeSandbox() {
    SANDBOX.close();
  }

  @LocalServerPort int port;
  @Autowired SettleClient settle;
  @Autowired App app;

  @Test
  void aRenewalInTheSandboxArrivesAsATypedEventAndThePayCallIsMeasured() throws Exception {
    WebhookEndpoint endpoint = settle.webhookEndpoints()
        .create(URI.create("http://127.0.0.1:" + port + "/settle/webhooks"), List.of());
    app.secret.set(endpoint.secret().orElseThrow());

    Payment payment = settle.account(CustomerId.of("200001")).invoices().pay(InvoiceId.of("in_demo200001b"));
    assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    SANDBOX.clock().advance(Duration.ofDays(366));

    // Within the year the demo licenses of 100002 (65 days on) and 200001 (270 days on) renew.
    assertThat(app.twoRenewals.await(10, TimeUnit.SECONDS)).as("two license.renewed events").isTrue();
    assertThat(app.renewed).extracting(LicenseRenewed::customerId, LicenseRenewed::licenseId).containsExactly(
        tuple(CustomerId.of("100002"), LicenseId.of("lic_demo100002a")),
        tuple(CustomerId.of("200001"), LicenseId.of("lic_demo200001")));
    // The sandbox records an answer after the application has published the event: wait for it.
    List<WebhookDelivery> deliveries = SANDBOX.awaitDeliveries(SANDBOX.webhookDeliveries().size(), Duration.ofSeconds(10));
    assertThat(deliveries).filteredOn(d -> d.type().equals("license.renewed")).hasSize(2)
        .allSatisfy(d -> {
          assertThat(d.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
          assertThat(d.lastResponseStatus()).isEqualTo(200);
        });

    String base = "http://127.0.0.1:" + port + "/actuator/";
    HttpResponse<String> calls = Deliveries.get(URI.create(base + "metrics/settle.calls"));
    assertThat(calls.statusCode()).isEqualTo(200);
    List<String> operations = JsonPath.read(calls.body(), "$.availableTags[?(@.tag == 'operation')].values[*]");
    String pay = operations.stream().filter(o -> o.toLowerCase(java.util.Locale.ROOT).contains("pay"))
        .findFirst().orElseThrow();
    HttpResponse<String> payTimer =
        Deliveries.get(URI.create(base + "metrics/settle.calls?tag=operation:" + pay + "&tag=outcome:SUCCESS"));
    assertThat(payTimer.statusCode()).isEqualTo(200);
    List<Double> count = JsonPath.read(payTimer.body(), "$.measurements[?(@.statistic == 'COUNT')].value");
    assertThat(count).containsExactly(1.0);
    assertThat(payTimer.body()).doesNotContain(SANDBOX.apiKey()).doesNotContain(payment.id().toString());

    // On the application's clock a year has passed since the billing API last answered.
    String quiet = Deliveries.get(URI.create(base + "health")).body();
    assertThat((String) JsonPath.read(quiet, "$.components.settle.status")).isEqualTo("UNKNOWN");
    assertThat((Boolean) JsonPath.read(quiet, "$.components.settle.details.answeredRecently")).isFalse();
    settle.webhookEndpoints().list();
    String answered = Deliveries.get(URI.create(base + "health")).body();
    assertThat((String) JsonPath.read(answered, "$.components.settle.status")).isEqualTo("UP");
  }

  /** A service that trusts the secret its endpoint was registered with, and waits for a renewal. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    final AtomicReference<String> secret = new AtomicReference<>();
    final List<LicenseRenewed> renewed = new CopyOnWriteArrayList<>();
    final CountDownLatch twoRenewals = new CountDownLatch(2);

    @Bean
    SettleWebhookSecrets settleWebhookSecrets() {
      return () -> secret.get() == null ? List.of() : List.of(secret.get());
    }

    /** Deliveries are signed on the sandbox's clock, which the test moves a year ahead. */
    @Bean
    Clock clock() {
      return SANDBOX.clock();
    }

    @EventListener
    void on(LicenseRenewed event) {
      renewed.add(event);
      twoRenewals.countDown();
    }
  }
}
