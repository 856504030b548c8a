package dev.settle;

import static dev.settle.MockServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.exception.ServerException;
import dev.settle.model.CustomerId;
import dev.settle.model.InvoiceId;
import dev.settle.spi.ProviderContext;
import dev.settle.testing.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The HTTP log at its most verbose level: everything useful, nothing secret. */
class HttpLoggingTest {
  @StartStop final MockWebServer server = new MockWebServer();
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private SettleClient client(HttpLogger.Level level) {
    return MockServer.builder(server).retryPolicy(RetryPolicy.none()).httpLogger(lines::add, level).build();
  }

  @Test
  void bodyLevelShowsTheExchangeWithSecretsMasked() {
    server.enqueue(json(201, "{\"id\":\"tok_4eC39HqLyjWDarjtT1zdp7dc\",\"type\":\"card\",\"created_at\":\"2026-03-01T10:00:00Z\","
        + "\"card\":{\"brand\":\"visa\",\"last4\":\"4242\",\"exp_month\":12,\"exp_year\":2030}}"));
    SettleClient client = client(HttpLogger.Level.BODY);

    ProviderContext context = client.account(CustomerId.of("200001")).extension(scope -> scope.context(null, null));
    TestTokens.tokenize(context, Map.of("type", "card", "card", Map.of("number", "4242424242424242", "cvc", "737",
        "exp_month", 12, "exp_year", 2030)));

    String log = String.join("\n", lines);
    assertThat(log)
        .contains("--> POST /v1/tokens")
        .contains("Authorization: Bearer ****")
        .contains("Settle-Version: 2026-11-01")
        .contains("<-- 201 POST /v1/tokens")
        .contains("\"last4\":\"4242\"")
        .contains("\"exp_month\":12")
        .doesNotContain("4242424242424242")
        .contains("\"cvc\":\"****\"")
        .doesNotContain("\"737\"")
        .doesNotContain("tok_4eC39HqLyjWDarjtT1zdp7dc")
        .doesNotContain(MockServer.API_KEY);
  }

  @Test
  void theBanksPageAndTheShopsReturnUrlAreMaskedForTheSessionsTheyMayCarry() {
    String bankPage = "https://bank.example/3ds/py_1?client_secret=cs_live_abc";
    server.enqueue(json(200, Json.payment("py_1", "in_7", "requires_action")
        .replace("\"next_action\":null", "\"next_action\":{\"type\":\"redirect_to_url\",\"url\":\"" + bankPage + "\"}")));
    RequestOptions options = RequestOptions.builder().returnUrl(java.net.URI.create("https://shop.example/paid?session=s3ss10n"))
        .build();

    assertThatThrownBy(() -> client(HttpLogger.Level.BODY).account(CustomerId.of("200001")).invoices()
        .pay(InvoiceId.of("in_7"), options)).isInstanceOf(AuthenticationRequiredException.class);

    assertThat(String.join("\n", lines))
        .contains("{\"return_url\":\"****\"}")
        .contains("\"next_action\":{\"type\":\"redirect_to_url\",\"url\":\"****\"}")
        .contains("\"id\":\"py_1\"")
        .doesNotContain("s3ss10n").doesNotContain("client_secret").doesNotContain("bank.example");
  }

  @Test
  void invoiceNumbersAndIdsStayReadable() {
    server.enqueue(json(200, Json.invoice("in_7", "open")));

    client(HttpLogger.Level.BODY).account(CustomerId.of("200001")).invoices().get(InvoiceId.of("in_7"));

    assertThat(String.join("\n", lines)).contains("INV-2026-0007").contains("in_7").contains("DE89370400440532013000");
  }

  @Test
  void bodiesThatAreNotJsonAreSummarisedBySize() {
    server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
        .body("<html>4242424242424242</html>").build());

    assertThatThrownBy(() -> client(HttpLogger.Level.BODY).account(CustomerId.of("200001")).get())
        .isInstanceOf(ServerException.class);

    assertThat(String.join("\n", lines)).contains("(29-byte text/html").doesNotContain("4242424242424242");
  }

  @Test
  void basicLevelWritesOnlyRequestAndStatusLines() {
    server.enqueue(json(200, Json.account("200001", "II", "null")));

    client(HttpLogger.Level.BASIC).account(CustomerId.of("200001")).get();

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).isEqualTo("--> GET /v1/accounts/200001");
    assertThat(lines.get(1)).startsWith("<-- 200 GET /v1/accounts/200001 (");
  }
}
