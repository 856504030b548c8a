package dev.settle.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.sandbox.SettleSandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The example as a person would use it, over HTTP, against its embedded sandbox. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ShopApplicationIT {
  private static final String VISA = "4242424242424242";
  private static final String DECLINED = "4000000000000002";
  /** Asks for 3-D Secure when saved and when the customer pays. */
  private static final String ASKS = "4000002500003155";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired SettleSandbox sandbox;

  @Test
  void showsPaysSwitchesAndLogsTheRenewal(CapturedOutput output) throws Exception {
    String account = get("/accounts/200001").body();
    assertThat(account).contains("Account 200001, Nordlicht Studio GmbH, on Portal II.")
        .contains("Preferred: Mastercard ending in 4444").contains("in_demo200001b");

    HttpResponse<String> paid = post("/accounts/200001/invoices/in_demo200001b/pay", "");
    assertThat(paid.statusCode()).isEqualTo(200);
    assertThat(paid.body()).contains("EUR 99.00").contains(": succeeded; the invoice is paid.");

    HttpResponse<String> switched =
        post("/accounts/100001/preferred-card", "number=" + VISA + "&expMonth=12&expYear=2030&cvc=123&holder=Ada");
    assertThat(switched.body()).startsWith("Preferred now: Visa ending in 4242, expires 2030-12");
    HttpResponse<String> declined =
        post("/accounts/100001/preferred-card", "number=" + DECLINED + "&expMonth=12&expYear=2030&cvc=123");
    assertThat(declined.statusCode()).isEqualTo(409);
    assertThat(declined.body()).contains("Preferred now: Visa ending in 4242").doesNotContain(DECLINED);
    assertThat(get("/accounts/100001").body()).contains("Preferred: Visa ending in 4242");

    sandbox.clock().advance(Duration.ofDays(366));
    sandbox.awaitDeliveries(sandbox.webhookDeliveries().size(), Duration.ofSeconds(10));
    assertThat(output.getAll())
        .contains("License lic_demo200001 of customer 200001 renewed")
        .contains("License lic_demo100002a of customer 100002 renewed")
        .doesNotContain(VISA).doesNotContain(DECLINED).doesNotContain(sandbox.apiKey());
  }

  @Test
  void aCardAndAPaymentTheBankAsksAboutFinishOnTheShopsReturnPages() throws Exception {
    String customer = sandbox.createAccount(SettleSandbox.Portal.II, "Ada Lovelace Ltd", "EUR");
    String invoice = sandbox.createInvoice(customer, 12000, "Ten seats");

    HttpResponse<String> asked =
        post("/accounts/" + customer + "/preferred-card", "number=" + ASKS + "&expMonth=12&expYear=2030&cvc=123");
    assertThat(asked.statusCode()).isEqualTo(303);
    URI back = answerTheBank(asked);
    assertThat(back.getPath()).isEqualTo("/accounts/" + customer + "/preferred-card/done");
    assertThat(send(back).body()).startsWith("Preferred now: Visa ending in 3155");

    HttpResponse<String> paying = post("/accounts/" + customer + "/invoices/" + invoice + "/pay", "");
    assertThat(paying.statusCode()).isEqualTo(303);
    URI paid = answerTheBank(paying);
    assertThat(paid.getPath()).isEqualTo("/accounts/" + customer + "/invoices/" + invoice + "/paid");
    assertThat(send(paid).body()).contains("EUR 120.00").endsWith(": succeeded; the invoice is paid.\n");
    assertThat(send(paid).body()).as("a reload pays nothing more").endsWith(": succeeded; the invoice is paid.\n");
  }

  /** Authenticates on the bank's page the answer sent the browser to; returns where the bank sends it back. */
  private URI answerTheBank(HttpResponse<String> redirect) throws Exception {
    URI page = URI.create(redirect.headers().firstValue("Location").orElseThrow());
    assertThat(page.toString()).startsWith(sandbox.baseUrl().toString());
    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(page + "/authenticate"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(303);
    URI back = URI.create(answer.headers().firstValue("Location").orElseThrow());
    assertThat(back.getHost()).isEqualTo("127.0.0.1");
    assertThat(back.getPort()).isEqualTo(port);
    return back;
  }

  private HttpResponse<String> send(URI url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void okHttpComesFromOkHttpJvm() {
    assertThat(OkHttpClient.class.getProtectionDomain().getCodeSource().getLocation().getPath())
        .endsWith("/okhttp-jvm-5.3.2.jar");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String form) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
