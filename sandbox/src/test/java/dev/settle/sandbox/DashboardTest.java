package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboard over plain HTTP: the page at {@code /} holds no state and needs no key; the
 * fragment it fetches needs the key and shows accounts, methods, invoices, licenses, timelines,
 * deliveries, the clock and the faults, and nothing secret.
 */
class DashboardTest extends SandboxTestCase {
  @Test
  void thePageIsAShellThatAsksForTheKeyAndLoadsNothingFromOutside() {
    Reply page = http.send("GET", "/", null, Map.of());

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
    assertThat(page.header("Cache-Control")).isEqualTo("no-store");
    assertThat(page.body())
        .startsWith("<!DOCTYPE html><html lang=\"en\">")
        .contains("<label for=\"api-key\">", "id=\"advance-year\"", "sessionStorage", "/sandbox/dashboard")
        .doesNotContain("Atelier Dupont", "100001", "<script src", "<link", "http://", "https://", "@import");
    assertThat(http.send("HEAD", "/", null, Map.of()).status()).isEqualTo(200);
    assertThat(http.send("POST", "/", "{}", Map.of()).header("Allow")).isEqualTo("GET, HEAD");
  }

  @Test
  void theFragmentShowsAccountsMethodsInvoicesAndLicenses() {
    Reply fragment = http.get("/sandbox/dashboard");

    assertThat(fragment.status()).isEqualTo(200);
    assertThat(fragment.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
    assertThat(fragment.body())
        .contains("100001 · Atelier Dupont</h3><p>Portal I · EUR", "200001 · Nordlicht Studio GmbH</h3><p>Portal II")
        .contains("<tr id=\"method-pm_demo200001mastercard\" data-preferred=\"true\"><td><span role=\"img\" "
            + "aria-label=\"preferred\">✔</span></td><td>Mastercard ···· 4444</td><td>08/2028</td></tr>")
        .contains("<td>INV-2026-0004</td><td>open</td><td>EUR 99.00</td><td>EUR 99.00</td><td>2026-10-27</td>"
            + "<td>manual</td><td>0</td><td>—</td>")
        .contains("<td>Settle Team (annual)</td><td>1</td><td>active</td><td>on</td><td>2027-08-23</td>")
        .contains("<time id=\"now\" datetime=\"2026-11-26T09:30:00Z\">2026-11-26 09:30 UTC</time>")
        .contains("None switched on.");
    assertThat(fragment.body().split("✔", -1)).as("one ✔ per preferred method").hasSize(3);
  }

  @Test
  void aYearLaterTheTimelinesShowTheRenewalsAndThePayments() {
    http.postWithoutKey("/sandbox/clock/advance", "{\"years\":1}");

    String body = http.get("/sandbox/dashboard").body();

    assertThat(body)
        .contains("<time datetime=\"2027-01-30T09:30:00Z\">2027-01-30</time> Settle Pro (annual) renewal invoiced: "
            + "INV-2027-0008, EUR 119.00")
        .contains("Renewal: charge of EUR 119.00 for INV-2027-0008 to Visa ···· 4242: succeeded")
        .contains("Settle Pro (annual) renewed until 2028-01-30, INV-2027-0008 paid")
        .contains("Settle Pro (annual) expired: automatic renewal is off")
        .contains("<td>automatic</td><td>1</td><td>—</td>");
  }

  @Test
  void webhookDeliveriesFaultsAndTheClockAreShown() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      http.post("/v1/webhook_endpoints", "{\"url\":\"" + receiver.url() + "?shared=abc\"}");
      http.post("/v1/accounts/200001/invoices/in_demo200001b/pay", "{}");
      sandbox.awaitDeliveries(1, Duration.ofSeconds(10));
      sandbox.faults().route("POST /v1/tokens").latency(Duration.ofMillis(250));

      String body = http.get("/sandbox/dashboard").body();

      assertThat(body).contains("<td>invoice.paid</td><td>" + receiver.url() + "</td><td>delivered</td><td>1</td>"
          + "<td>200</td>");
      assertThat(body).contains("POST /v1/tokens, latency ms 250").doesNotContain("shared=abc");
    }
  }

  @Test
  void noCardNumberCvcTokenApiKeyOrWebhookSecretIsEverServed() throws Exception {
    List<String> secrets = new java.util.ArrayList<>(List.of(sandbox.apiKey(), "4242424242424242",
        "5555555555554444", "378282246310005", "whsec_", "tok_"));
    Reply token = http.post("/v1/tokens", cardJson("4242424242424242", 11, 2031, "987"));
    attach("100001", token.string("id"));
    Reply amex = http.post("/v1/tokens", "{\"type\":\"card\",\"card\":{\"number\":\"378282246310005\","
        + "\"exp_month\":7,\"exp_year\":2031,\"cvc\":\"6543\"}}");
    attach("200001", amex.string("id"));
    secrets.add(http.delete("/v1/accounts/200001/payment_methods/pm_demo200001mastercard").string("restore_token"));
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      String secret = http.post("/v1/webhook_endpoints", "{\"url\":\"" + receiver.url() + "\"}").string("secret");
      secrets.add(secret.substring("whsec_".length()));
      http.post("/v1/accounts/100001/invoices/in_demo100001a/pay", "{}");
      sandbox.awaitDeliveries(1, Duration.ofSeconds(10));
      http.postWithoutKey("/sandbox/clock/advance", "{\"years\":2}");

      String page = http.send("GET", "/", null, Map.of()).body();
      String fragment = http.get("/sandbox/dashboard").body();

      assertThat(fragment).contains("Visa ···· 4242", "11/2031", "American Express ···· 0005", "07/2031");
      for (String served : List.of(page, fragment)) {
        assertThat(served).doesNotContain(secrets).doesNotContain("987", "6543")
            .doesNotContainPattern("[0-9]{13,19}");
      }
    }
  }
}
