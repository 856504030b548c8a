package dev.settle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.model.CustomerId;
import dev.settle.model.LicenseId;
import dev.settle.model.WebhookEndpoint;
import dev.settle.model.WebhookEventType;
import dev.settle.webhooks.LicenseRenewed;
import dev.settle.webhooks.WebhookEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A renewal in the sandbox reaches a receiver as a signed event that it verifies. */
class WebhooksIT extends SandboxFixture {

  @Test
  void aRenewalDeliversASignedLicenseRenewedEventThatTheReceiverVerifies() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (WebhookReceiver receiver =
        WebhookReceiver.start(sandbox.clock(), new PrintStream(printed, true, StandardCharsets.UTF_8))) {
      WebhookEndpoint endpoint = settle.webhookEndpoints().create(receiver.url(), List.of(WebhookEventType.LICENSE_RENEWED));
      assertThat(endpoint.secret()).hasValueSatisfying(secret -> assertThat(secret).startsWith("whsec_"));
      assertThat(endpoint.toString()).doesNotContain(endpoint.secret().orElseThrow());
      receiver.trust(endpoint.secret().orElseThrow());
      assertThat(settle.webhookEndpoints().list()).extracting(WebhookEndpoint::id).contains(endpoint.id());

      var license = settle.account(CustomerId.of("200001")).licenses().get(LicenseId.of("lic_demo200001"));
      sandbox.clock().advance(Duration.between(sandbox.clock().instant(), license.renewsAt().orElseThrow()).plusHours(1));

      // Every license that came due renews on the way: the one of account 100002 comes first.
      WebhookEvent event = receiver.events().poll(10, TimeUnit.SECONDS);
      while (event instanceof LicenseRenewed
          && !((LicenseRenewed) event).licenseId().equals(LicenseId.of("lic_demo200001"))) {
        event = receiver.events().poll(10, TimeUnit.SECONDS);
      }
      assertThat(event).isInstanceOfSatisfying(LicenseRenewed.class, renewed -> {
        assertThat(renewed.licenseId()).isEqualTo(LicenseId.of("lic_demo200001"));
        assertThat(renewed.customerId()).isEqualTo(CustomerId.of("200001"));
      });
      assertThat(printed.toString(StandardCharsets.UTF_8)).contains("webhook license.renewed").contains("verified")
          .doesNotContain("refused");
    }
  }

  @Test
  void aReceiverWithTheWrongSecretRefusesTheDelivery() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (WebhookReceiver receiver =
        WebhookReceiver.start(sandbox.clock(), new PrintStream(printed, true, StandardCharsets.UTF_8))) {
      settle.webhookEndpoints().create(receiver.url(), List.of(WebhookEventType.INVOICE_PAID));
      receiver.trust("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[24]));

      var account = settle.account(CustomerId.of("200001"));
      account.invoices().pay(account.invoices().list(q -> q.status(dev.settle.model.InvoiceStatus.OPEN))
          .stream().findFirst().orElseThrow().id());
      sandbox.awaitDeliveries(1, Duration.ofSeconds(10));

      assertThat(receiver.events()).isEmpty();
      assertThat(printed.toString(StandardCharsets.UTF_8)).contains("webhook refused");
    }
  }
}
