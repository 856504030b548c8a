package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.sandbox.SettleSandbox.Portal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The controls under {@code /sandbox/}: each does what its Java helper does, through the same
 * rules, and refuses bad input in the API's error shape. Every answer is checked against
 * {@code sandbox-controls.yaml} by {@link SandboxHttp}.
 */
class ControlsTest extends SandboxTestCase {
  private static final String RETURN_URL = "https://shop.example/paypal/return";

  // ---- accounts

  @Test
  void anAccountCreatedOverHttpIsServedByTheApi() {
    Reply created = http.postWithoutKey("/sandbox/accounts",
        "{\"portal\":\"II\",\"name\":\"Kaffee Kontor\",\"currency\":\"JPY\",\"email\":\"kasse@kontor.example\"}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.string("customer_id")).isEqualTo("900001");
    Reply account = http.get("/v1/accounts/900001");
    assertThat(account.string("portal")).isEqualTo("II");
    assertThat(account.string("name")).isEqualTo("Kaffee Kontor");
    assertThat(account.string("currency")).isEqualTo("JPY");
    assertThat(account.string("email")).isEqualTo("kasse@kontor.example");
    assertThat(account.string("created_at")).isEqualTo("2026-11-26T09:30:00Z");
    assertThat(http.get("/sandbox/accounts").list("data")).hasSize(5);
  }

  @Test
  void aChosenCustomerIdIsTakenOnceWhicheverWayItWasAsked() {
    assertThat(sandbox.createAccount("400001", Portal.I, "Chosen", "EUR")).isEqualTo("400001");

    Reply again = http.postWithoutKey("/sandbox/accounts",
        "{\"portal\":\"I\",\"name\":\"Again\",\"currency\":\"EUR\",\"customer_id\":\"400001\"}");

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.string("error.code")).isEqualTo("account_exists");
    assertThat(again.string("error.param")).isEqualTo("customer_id");
    assertThatThrownBy(() -> sandbox.createAccount("400001", Portal.II, "Java", "EUR"))
        .isInstanceOf(IllegalStateException.class).hasMessage(again.string("error.message"));
    assertThat(http.get("/v1/accounts/400001").string("name")).isEqualTo("Chosen");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"portal\":\"III\",\"name\":\"X\",\"currency\":\"EUR\"}                      | parameter_invalid | portal",
      "{\"portal\":\"I\",\"name\":\" \",\"currency\":\"EUR\"}                        | parameter_invalid | name",
      "{\"portal\":\"I\",\"currency\":\"EUR\"}                                       | parameter_missing | name",
      "{\"portal\":\"I\",\"name\":\"X\",\"currency\":\"eur\"}                        | parameter_invalid | currency",
      "{\"portal\":\"I\",\"name\":\"X\",\"currency\":\"XYZ\"}                        | parameter_invalid | currency",
      "{\"portal\":\"I\",\"name\":\"X\",\"currency\":\"EUR\",\"customer_id\":\"12\"} | parameter_invalid | customer_id",
      "{\"portal\":\"I\",\"name\":\"X\",\"currency\":\"EUR\",\"vip\":true}           | parameter_unknown | vip"})
  void badAccountsAreRefusedInTheErrorShapeAndCreateNothing(String body, String code, String param) {
    Reply reply = http.postWithoutKey("/sandbox/accounts", body);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.type")).isEqualTo("invalid_request_error");
    assertThat(reply.string("error.code")).isEqualTo(code);
    assertThat(reply.string("error.param")).isEqualTo(param);
    assertThat(reply.string("error.request_id")).isEqualTo(reply.header("Request-Id"));
    assertThat(http.get("/sandbox/accounts").list("data")).hasSize(4);
  }

  @Test
  void theJavaHelperRefusesWithTheControlsMessage() {
    Reply refused = http.postWithoutKey("/sandbox/accounts", "{\"portal\":\"I\",\"name\":\"X\",\"currency\":\"XYZ\"}");

    assertThatThrownBy(() -> sandbox.createAccount(Portal.I, "X", "XYZ"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(refused.string("error.message"));
  }

  @Test
  void controlsNeedTheApiKey() {
    for (String path : List.of("/sandbox/accounts", "/sandbox/clock", "/sandbox/webhook_deliveries", "/sandbox/dashboard")) {
      Reply reply = http.send("GET", path, null, Map.of());
      assertThat(reply.status()).as(path).isEqualTo(401);
      assertThat(reply.string("error.code")).isEqualTo("invalid_api_key");
    }
    assertThat(http.send("POST", "/sandbox/reset", "{}", Map.of("Content-Type", "application/json")).status())
        .isEqualTo(401);
  }

  // ---- invoices

  @Test
  void anInvoiceWithLinesDueDateAndCollection() {
    Reply created = http.postWithoutKey("/sandbox/accounts/200001/invoices", "{\"lines\":["
        + "{\"description\":\"Five additional seats\",\"amount\":9900},"
        + "{\"description\":\"Onboarding workshop\",\"amount\":25000}],"
        + "\"due_at\":\"2026-12-31\",\"collection\":\"automatic\"}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.number("total")).isEqualTo(34900);
    assertThat(created.string("currency")).isEqualTo("EUR");
    assertThat(created.string("due_at")).isEqualTo("2026-12-31T00:00:00Z");
    assertThat(created.string("collection")).isEqualTo("automatic");
    assertThat(created.number("attempts")).isZero();
    Reply served = http.get("/v1/accounts/200001/invoices/" + created.string("id"));
    assertThat(served.string("status")).isEqualTo("open");
    assertThat(served.list("lines")).hasSize(2);
    assertThat(http.post("/v1/accounts/200001/invoices/" + created.string("id") + "/pay", "{}").string("status"))
        .isEqualTo("succeeded");
  }

  @Test
  void theJavaHelperIssuesTheSameInvoice() {
    String id = sandbox.createInvoice("300001", invoice -> invoice
        .line("Settle Team, two more seats", 11960)
        .currency("EUR")
        .dueAt(NOW.plus(Duration.ofDays(7)))
        .collection(InvoiceDraft.Collection.AUTOMATIC));

    Reply invoice = http.get("/v1/accounts/300001/invoices/" + id);
    assertThat(invoice.string("currency")).isEqualTo("EUR");
    assertThat(invoice.number("total")).isEqualTo(11960);
    assertThat(invoice.string("due_at")).isEqualTo("2026-12-03T09:30:00Z");
    assertThatThrownBy(() -> sandbox.createInvoice("300001", draft -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lines");
    assertThatThrownBy(() -> sandbox.createInvoice("999999", 100, "X"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("999999");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"lines\":[]}                                                          | 400 | parameter_invalid | lines",
      "{}                                                                      | 400 | parameter_missing | lines",
      "{\"lines\":[{\"description\":\"X\",\"amount\":0}]}                      | 400 | parameter_invalid | lines.0.amount",
      "{\"lines\":[{\"description\":\"X\"}]}                                   | 400 | parameter_missing | lines.0.amount",
      "{\"lines\":[{\"description\":\"X\",\"amount\":5,\"tax\":1}]}            | 400 | parameter_unknown | lines.0.tax",
      "{\"lines\":[{\"description\":\"X\",\"amount\":5}],\"due_at\":\"2026-01-01\"}  | 400 | parameter_invalid | due_at",
      "{\"lines\":[{\"description\":\"X\",\"amount\":5}],\"due_at\":\"soon\"}        | 400 | parameter_invalid | due_at",
      "{\"lines\":[{\"description\":\"X\",\"amount\":5}],\"collection\":\"later\"}   | 400 | parameter_invalid | collection",
      "{\"lines\":[{\"description\":\"X\",\"amount\":5}],\"currency\":\"ZZZ\"}       | 400 | parameter_invalid | currency"})
  void badInvoicesAreRefused(String body, int status, String code, String param) {
    Reply reply = http.postWithoutKey("/sandbox/accounts/200001/invoices", body);

    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.string("error.code")).isEqualTo(code);
    assertThat(reply.string("error.param")).isEqualTo(param);
    assertThat(http.get("/v1/accounts/200001/invoices").list("data")).hasSize(4);
  }

  @Test
  void anInvoiceOnAnUnknownAccountIsNotFound() {
    Reply reply = http.postWithoutKey("/sandbox/accounts/999999/invoices",
        "{\"lines\":[{\"description\":\"X\",\"amount\":5}]}");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.string("error.param")).isEqualTo("customer_id");
  }

  // ---- licenses

  @Test
  void aLicenseRenewingOnAGivenDateRenewsThenAndIsChargedToThePreferredMethod() {
    Reply created = http.postWithoutKey("/sandbox/accounts/200001/licenses",
        "{\"product\":\"Settle Team (annual)\",\"seats\":5,\"price\":49900,\"renews_at\":\"2027-01-15\"}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.string("status")).isEqualTo("active");
    assertThat(created.number("seats")).isEqualTo(5);
    assertThat(created.get("auto_renewal")).isEqualTo(true);
    assertThat(created.string("renews_at")).isEqualTo("2027-01-15T00:00:00Z");

    http.postWithoutKey("/sandbox/clock/advance", "{\"days\":60}");

    Reply renewed = http.get("/v1/accounts/200001/licenses/" + created.string("id"));
    assertThat(renewed.string("status")).isEqualTo("active");
    assertThat(renewed.string("renews_at")).isEqualTo("2028-01-15T00:00:00Z");
    String invoiceId = renewed.string("last_renewal_invoice_id");
    assertThat(http.get("/v1/accounts/200001/invoices/" + invoiceId).string("status")).isEqualTo("paid");
  }

  @Test
  void aLicenseWithoutARenewalDateWaitsForActivation() {
    String id = sandbox.createLicense("100001", "Settle Starter (annual)", 2, 4900, null);

    assertThat(http.get("/v1/accounts/100001/licenses/" + id).string("status")).isEqualTo("purchased");
    Reply activated = http.postWithoutKey("/v1/accounts/100001/licenses/" + id + "/activate", null);
    assertThat(activated.string("renews_at")).isEqualTo("2027-11-26T09:30:00Z");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"product\":\"X\",\"price\":100,\"renews_at\":\"2026-11-01\"} | renews_at",
      "{\"product\":\"X\",\"price\":100,\"renews_at\":\"2028-01-01\"} | renews_at",
      "{\"product\":\"X\",\"price\":0}                                | price",
      "{\"product\":\"X\",\"price\":100,\"seats\":0}                  | seats",
      "{\"price\":100}                                                | product"})
  void badLicensesAreRefused(String body, String param) {
    Reply reply = http.postWithoutKey("/sandbox/accounts/100001/licenses", body);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.param")).isEqualTo(param);
    assertThat(http.get("/v1/accounts/100001/licenses").list("data")).hasSize(1);
  }

  // ---- reset and clock

  @Test
  void resetWithAnInstantSetsTheClockThereAndLaysTheDemoDataAroundIt() {
    sandbox.createAccount(Portal.I, "Gone after the reset", "EUR");
    http.postWithoutKey("/sandbox/clock/advance", "{\"years\":1}");

    Reply reset = http.postWithoutKey("/sandbox/reset", "{\"now\":\"2030-03-01T08:00:00Z\"}");

    assertThat(reset.status()).isEqualTo(200);
    assertThat(reset.string("now")).isEqualTo("2030-03-01T08:00:00Z");
    assertThat(http.get("/sandbox/clock").string("now")).isEqualTo("2030-03-01T08:00:00Z");
    assertThat(http.get("/v1/accounts/900001").status()).isEqualTo(404);
    assertThat(http.get("/v1/accounts/100002/licenses/lic_demo100002a").string("renews_at"))
        .isEqualTo("2030-05-05T08:00:00Z");

    assertThat(http.postWithoutKey("/sandbox/reset", "{}").string("now")).isEqualTo("2026-11-26T09:30:00Z");
    assertThat(sandbox.clock().instant()).isEqualTo(NOW);
  }

  @ParameterizedTest
  @CsvSource({
      "{\"days\":1},    2026-11-27T09:30:00Z",
      "{\"months\":1},  2026-12-26T09:30:00Z",
      "{\"years\":1},   2027-11-26T09:30:00Z",
      "{\"seconds\":61}, 2026-11-26T09:31:01Z"})
  void theClockMovesByCalendarUnits(String body, String expected) {
    Reply moved = http.postWithoutKey("/sandbox/clock/advance", body);

    assertThat(moved.string("now")).isEqualTo(expected);
    assertThat(http.get("/sandbox/clock").string("now")).isEqualTo(expected);
  }

  @Test
  void theClockMovesByOneUnitAtATime() {
    Reply reply = http.postWithoutKey("/sandbox/clock/advance", "{\"days\":1,\"years\":1}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.param")).isEqualTo("years");
    assertThat(sandbox.clock().instant()).isEqualTo(NOW);
  }

  // ---- the PayPal payer

  @Test
  void aPayPalSetupApprovedOverHttpCompletesIntoAToken() {
    String setup = http.post("/v1/accounts/200001/paypal_setups",
        "{\"return_url\":\"" + RETURN_URL + "\",\"cancel_url\":\"https://shop.example/paypal/cancel\"}").string("id");

    Reply approved = http.postWithoutKey("/sandbox/paypal_setups/" + setup + "/approve", "{\"email\":\"payer@example.com\"}");

    assertThat(approved.status()).isEqualTo(200);
    assertThat(approved.string("status")).isEqualTo("approved");
    assertThat(approved.string("redirect_url")).startsWith(RETURN_URL + "?approval_session_id=" + setup);
    Reply token = http.post("/v1/accounts/200001/paypal_setups/" + setup + "/complete", null);
    assertThat(token.string("paypal.email")).isEqualTo("payer@example.com");
    http.post("/v1/accounts/200001/payment_methods", "{\"token\":\"" + token.string("id") + "\"}");

    Reply cancel = http.postWithoutKey("/sandbox/paypal_setups/" + setup + "/cancel", null);
    assertThat(cancel.status()).isEqualTo(409);
    assertThat(cancel.string("error.code")).isEqualTo("setup_completed");
    assertThat(http.postWithoutKey("/sandbox/paypal_setups/pps_nothing/approve", "{}").status()).isEqualTo(404);
  }

  @Test
  void aPayPalSetupCancelledOverHttpCannotBeCompleted() {
    String setup = http.post("/v1/accounts/200001/paypal_setups",
        "{\"return_url\":\"" + RETURN_URL + "\",\"cancel_url\":\"https://shop.example/paypal/cancel\"}").string("id");

    Reply cancelled = http.postWithoutKey("/sandbox/paypal_setups/" + setup + "/cancel", null);

    assertThat(cancelled.string("status")).isEqualTo("cancelled");
    assertThat(cancelled.string("redirect_url")).isEqualTo("https://shop.example/paypal/cancel?approval_session_id=" + setup);
    assertThat(http.get("/v1/accounts/200001/paypal_setups/" + setup).string("status")).isEqualTo("cancelled");
    Reply badEmail = http.postWithoutKey("/sandbox/paypal_setups/" + setup + "/approve", "{\"email\":\"nobody\"}");
    assertThat(badEmail.string("error.param")).isEqualTo("email");
  }

  // ---- webhook deliveries and faults

  @Test
  void webhookDeliveriesAreReadOverHttp() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      http.post("/v1/webhook_endpoints", "{\"url\":\"" + receiver.url() + "\",\"events\":[\"invoice.paid\"]}");
      http.post("/v1/accounts/200001/invoices/in_demo200001b/pay", "{}");
      sandbox.awaitDeliveries(1, Duration.ofSeconds(10));

      Reply deliveries = http.get("/sandbox/webhook_deliveries");

      assertThat(deliveries.list("data")).hasSize(1);
      assertThat(deliveries.string("data.0.type")).isEqualTo("invoice.paid");
      assertThat(deliveries.string("data.0.status")).isEqualTo("delivered");
      assertThat(deliveries.number("data.0.attempts")).isEqualTo(1);
      assertThat(deliveries.number("data.0.last_response_status")).isEqualTo(200);
      assertThat(deliveries.string("data.0.event_id")).isEqualTo(receiver.received().get(0).header("webhook-id"));
      assertThat(deliveries.body()).doesNotContain("whsec_");
    }
  }

  @Test
  void theFaultSwitchesInForceAreReadBack() {
    http.postWithoutKey("/sandbox/faults", "{\"seed\":9,\"rules\":[{\"latency_ms\":5},"
        + "{\"route\":\"POST /v1/tokens\",\"error_rate\":0.5,\"error_status\":503}]}");

    Reply faults = http.get("/sandbox/faults");

    assertThat(faults.number("seed")).isEqualTo(9);
    assertThat(faults.list("rules")).hasSize(2);
    assertThat(faults.number("rules.0.latency_ms")).isEqualTo(5);
    assertThat(faults.string("rules.1.route")).isEqualTo("POST /v1/tokens");
    assertThat(faults.number("rules.1.error_status")).isEqualTo(503);
    assertThat(faults.number("injected.latency")).isZero();
  }

  // ---- start-up options

  @Test
  void theSameSeedGivesTheSameIdsAcrossStartsAndResets() {
    List<String> first = seededIds(7);
    List<String> second = seededIds(7);
    List<String> other = seededIds(8);

    assertThat(second).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  /** Ids of a token, a stored method, an invoice and a payment in a fresh seeded sandbox, then after a reset. */
  private static List<String> seededIds(long seed) {
    try (SettleSandbox seeded = SettleSandbox.builder().seed(seed).clock(sandbox.clock()).build().start()) {
      SandboxHttp other = new SandboxHttp(seeded);
      List<String> ids = new java.util.ArrayList<>();
      for (int run = 0; run < 2; run++) {
        String token = other.post("/v1/tokens", cardJson("4242424242424242", 12, 2030, "123")).string("id");
        ids.add(token);
        ids.add(other.post("/v1/accounts/300001/payment_methods", "{\"token\":\"" + token + "\"}").string("id"));
        String invoice = seeded.createInvoice("300001", 5000, "Seeded");
        ids.add(invoice);
        ids.add(other.post("/v1/accounts/300001/invoices/" + invoice + "/pay", "{}").string("id"));
        seeded.reset();
      }
      assertThat(ids.subList(4, 8)).isEqualTo(ids.subList(0, 4));
      return ids;
    }
  }

  @Test
  void withoutDemoDataTheSandboxStartsAndResetsEmpty() {
    try (SettleSandbox empty = SettleSandbox.builder().demoData(false).build().start()) {
      SandboxHttp other = new SandboxHttp(empty);
      assertThat(other.get("/sandbox/accounts").list("data")).isEmpty();
      assertThat(other.get("/v1/accounts/100001").status()).isEqualTo(404);
      String customerId = empty.createAccount(Portal.II, "First", "EUR");

      empty.reset();

      assertThat(other.get("/v1/accounts/" + customerId).status()).isEqualTo(404);
      assertThat(other.get("/sandbox/accounts").list("data")).isEmpty();
    }
  }

  @Test
  void aSandboxBindsLoopbackUnlessToldOtherwise() {
    try (SettleSandbox wildcard = SettleSandbox.builder().host("0.0.0.0").build().start()) {
      assertThat(wildcard.loopbackOnly()).isFalse();
      assertThat(wildcard.baseUrl().getHost()).isEqualTo("127.0.0.1");
      assertThat(new SandboxHttp(wildcard).get("/sandbox/clock").status()).isEqualTo(200);
    }
    assertThat(sandbox.loopbackOnly()).isTrue();
    assertThatThrownBy(() -> SettleSandbox.builder().host("no such host.invalid"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resetIsTheSameFromJava() {
    sandbox.reset(Instant.parse("2031-01-01T00:00:00Z"));

    assertThat(http.get("/sandbox/clock").string("now")).isEqualTo("2031-01-01T00:00:00Z");
  }
}
