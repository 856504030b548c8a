package dev.settle.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.RequestOptions;
import dev.settle.SettleClient;
import dev.settle.exception.MalformedResponseException;
import dev.settle.exception.NotFoundException;
import dev.settle.model.CustomerId;
import dev.settle.model.InvoiceId;
import dev.settle.model.Money;
import dev.settle.spi.PaymentMethodProvider;
import dev.settle.testing.Contract;
import java.net.URI;
import java.time.Duration;
import java.util.ServiceLoader;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bank-transfer instructions read through a real client, against a real socket. */
class BankTransferTest {
  private static final String API_KEY = "sk_test_banktransfer";
  private static final String CUSTOMER = "200001";
  private static final String INVOICE = "in_1Q2w3E";
  private static final String PATH =
      "/v1/accounts/" + CUSTOMER + "/invoices/" + INVOICE + "/bank_transfer_instructions";

  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  void readsTheInstructionsOfAnInvoice() throws InterruptedException {
    respond(200, instructions("DE89370400440532013000", "COBADEFFXXX", "RF18539007547034", 11900, "EUR"));

    BankTransferInstructions instructions = bankTransfer().instructions(InvoiceId.of(INVOICE));

    assertThat(instructions.invoiceId()).isEqualTo(InvoiceId.of(INVOICE));
    assertThat(instructions.payeeName()).isEqualTo("Settle Software GmbH");
    assertThat(instructions.iban()).isEqualTo(Iban.of("DE89370400440532013000"));
    assertThat(instructions.bic()).isEqualTo(Bic.of("COBADEFFXXX"));
    assertThat(instructions.amount()).isEqualTo(Money.ofMinor(11900, "EUR"));
    assertThat(instructions.reference()).isEqualTo(CreditorReference.of("RF18539007547034"));
    assertThat(instructions.epcQrCode().payload()).contains("\nEUR119.00\n");

    RecordedRequest request = server.takeRequest();
    assertThat(request.getRequestLine()).isEqualTo("GET " + PATH + " HTTP/1.1");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
    assertThat(request.getHeaders().get("Settle-Version")).isEqualTo(SettleClient.API_VERSION);
    assertThat(request.getHeaders().get("Idempotency-Key")).isNull();
    assertThat(request.getBody() == null || request.getBody().size() == 0).isTrue();
    Contract.assertValidRequest(request);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void readsInstructionsInAnotherCurrencyWithoutAQrCode() {
    respond(200, instructions("CH9300762011623852957", "UBSWCHZH80A", "RF712348231", 5000, "CHF"));

    BankTransferInstructions instructions =
        bankTransfer().instructions(InvoiceId.of(INVOICE), RequestOptions.builder()
            .timeout(Duration.ofSeconds(5)).build());

    assertThat(instructions.amount()).isEqualTo(Money.ofMinor(5000, "CHF"));
    assertThat(instructions.iban().printable()).isEqualTo("CH93 0076 2011 6238 5295 7");
    assertThat(instructions.hasEpcQrCode()).isFalse();
  }

  @Test
  void toleratesFieldsItDoesNotKnowAndNormalisesPrintedForms() {
    // Not in today's contract, which allows no extra properties: a later server may add some.
    server.enqueue(json(200, "{\"invoice_id\":\"" + INVOICE + "\",\"bank_name\":\"Commerzbank\","
        + "\"payee\":{\"name\":\"Settle Software GmbH\",\"iban\":\"DE89 3704 0044 0532 0130 00\","
        + "\"bic\":\"COBADEFFXXX\",\"address\":\"Berlin\"},"
        + "\"amount\":11900,\"currency\":\"EUR\",\"reference\":\"RF18 5390 0754 7034\"}"));

    BankTransferInstructions instructions = bankTransfer().instructions(InvoiceId.of(INVOICE));

    assertThat(instructions.iban().value()).isEqualTo("DE89370400440532013000");
    assertThat(instructions.reference().value()).isEqualTo("RF18539007547034");
  }

  @Test
  void aMalformedIbanFromTheServerIsAMalformedResponse() {
    // One digit changed: the customer would send money to an account nobody checked.
    server.enqueue(json(200,
        instructions("DE89370400440532013001", "COBADEFFXXX", "RF18539007547034", 11900, "EUR")));

    assertThatThrownBy(() -> bankTransfer().instructions(InvoiceId.of(INVOICE)))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(200);
          assertThat(e.getMessage()).contains("$.payee.iban", "check digits 89 do not match");
        });
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "DE8937040044053201300|COBADEFFXXX|RF18539007547034|11900|EUR|has 22 characters; this one has 21",
        "US64SVBKUS6S3300958879|COBADEFFXXX|RF18539007547034|11900|EUR|Unknown country US",
        "DE89370400440532013000|COBAQQFFXXX|RF18539007547034|11900|EUR|$.payee.bic",
        "DE89370400440532013000|COBADEFFXXX|RF19539007547034|11900|EUR|$.reference",
        "DE89370400440532013000|COBADEFFXXX|INV-2026-0001|11900|EUR|character 4 is '-'",
        "DE89370400440532013000|COBADEFFXXX|INV20260001|11900|EUR|starts with RF",
        "DE89370400440532013000|COBADEFFXXX|RF18539007547034|-1|EUR|cannot be negative",
        "DE89370400440532013000|COBADEFFXXX|RF18539007547034|11900|XXY|ISO 4217",
      })
  void refusesInstructionsThatFailTheirChecks(
      String iban, String bic, String reference, long amount, String currency, String reason) {
    server.enqueue(json(200, instructions(iban, bic, reference, amount, currency)));

    assertThatThrownBy(() -> bankTransfer().instructions(InvoiceId.of(INVOICE)))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining(reason);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"payee\":{\"name\":\"S\",\"iban\":\"DE89370400440532013000\",\"bic\":\"COBADEFFXXX\"},"
            + "\"amount\":1,\"currency\":\"EUR\",\"reference\":\"RF18539007547034\"}"
            + "|Required value 'invoice_id' missing",
        "{\"invoice_id\":\"in_1Q2w3E\",\"payee\":{\"name\":\"S\",\"bic\":\"COBADEFFXXX\"},"
            + "\"amount\":1,\"currency\":\"EUR\",\"reference\":\"RF18539007547034\"}"
            + "|Required value 'iban' missing at $.payee",
        "{\"invoice_id\":\"in_1Q2w3E\",\"payee\":{\"name\":\"S\",\"iban\":\"DE89370400440532013000\","
            + "\"bic\":\"COBADEFFXXX\"},\"amount\":\"119.00\",\"currency\":\"EUR\","
            + "\"reference\":\"RF18539007547034\"}|Expected an amount in minor units at $.amount",
        "{\"invoice_id\":\"in_1Q2w3E\",\"payee\":null,\"amount\":1,\"currency\":\"EUR\","
            + "\"reference\":\"RF18539007547034\"}|$.payee",
        "[]|Expected the bank-transfer instructions object at $",
        "<html>Bad gateway</html>|",
      })
  void refusesBodiesOutOfContract(String body, String reason) {
    server.enqueue(json(200, body));

    assertThatThrownBy(() -> bankTransfer().instructions(InvoiceId.of(INVOICE)))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining(reason == null ? "" : reason);
  }

  @Test
  void anUnknownInvoiceIsNotFound() throws InterruptedException {
    String body = "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\","
        + "\"message\":\"No such invoice.\",\"param\":\"invoice_id\",\"request_id\":\"req_404\"}}";
    Contract.assertValidResponse("GET", PATH, 404, "application/json", body);
    server.enqueue(json(404, body));

    assertThatThrownBy(() -> bankTransfer().instructions(InvoiceId.of(INVOICE)))
        .isInstanceOf(NotFoundException.class);
    assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET " + PATH + " HTTP/1.1");
  }

  @Test
  void isNoPaymentMethodProvider() {
    assertThat(ServiceLoader.load(PaymentMethodProvider.class).stream()
            .map(provider -> provider.type().getPackageName()))
        .doesNotContain(BankTransfer.class.getPackageName());
    assertThat(PaymentMethodProvider.class.isAssignableFrom(BankTransfer.class)).isFalse();
    assertThat(bankTransfer().toString()).isEqualTo("BankTransfer{customerId=" + CUSTOMER + "}");
  }

  private BankTransfer bankTransfer() {
    SettleClient client = SettleClient.builder()
        .baseUrl(URI.create(server.url("/").toString()))
        .apiKey(API_KEY)
        .build();
    return BankTransfer.of(client.account(CustomerId.of(CUSTOMER)));
  }

  private static String instructions(
      String iban, String bic, String reference, long amount, String currency) {
    return "{\"invoice_id\":\"" + INVOICE + "\","
        + "\"payee\":{\"name\":\"Settle Software GmbH\",\"iban\":\"" + iban + "\","
        + "\"bic\":\"" + bic + "\"},"
        + "\"amount\":" + amount + ",\"currency\":\"" + currency + "\","
        + "\"reference\":\"" + reference + "\"}";
  }

  /** Serves {@code body}, after checking that the contract allows it. */
  private void respond(int status, String body) {
    Contract.assertValidResponse("GET", PATH, status, "application/json", body);
    server.enqueue(json(status, body));
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .addHeader("Content-Type", "application/json")
        .addHeader("Request-Id", "req_test")
        .body(body)
        .build();
  }
}
