package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Automatic renewal as the sandbox clock moves. Demo dates (clock at 2026-11-26T09:30Z):
 * {@code lic_demo100002a} renews 2027-01-30 (Visa 4242, 12/2029), {@code lic_demo100001} ends
 * 2027-05-10 (auto-renewal off), {@code lic_demo200001} renews 2027-08-23 (Mastercard 4444, 08/2028).
 */
class RenewalsTest extends SandboxTestCase {
  private static final String NORDLICHT = "/v1/accounts/200001";
  private static final String NORDLICHT_LICENSE = NORDLICHT + "/licenses/lic_demo200001";
  private static final Duration YEAR = Duration.ofDays(365);
  /** From the demo clock to lic_demo200001's renewal date, 2027-08-23T09:30Z: before any retry. */
  private static final Duration UNTIL_NORDLICHT_RENEWAL = Duration.ofDays(270);

  @Test
  void demoDataHasARenewingLicenseOnEveryAccountAndOneToActivate() {
    List<String> statuses = new ArrayList<>();
    for (SettleSandbox.DemoAccount account : sandbox.demoAccounts()) {
      Reply licenses = http.get("/v1/accounts/" + account.customerId() + "/licenses");
      boolean hasActive = false;
      for (Object item : licenses.list("data")) {
        Map<?, ?> license = (Map<?, ?>) item;
        statuses.add((String) license.get("status"));
        if ("active".equals(license.get("status"))) {
          hasActive = true;
          Instant activated = Instant.parse((String) license.get("activated_at"));
          assertThat(license.get("renews_at"))
              .isEqualTo(activated.atZone(ZoneOffset.UTC).plusYears(1).toInstant().toString());
        }
      }
      assertThat(hasActive).as("an active license on %s", account.customerId()).isTrue();
    }
    assertThat(statuses).contains("purchased");
    assertThat(http.get(NORDLICHT_LICENSE).get("auto_renewal")).isEqualTo(true);
    assertThat(http.get("/v1/accounts/100002/licenses/lic_demo100002a").get("auto_renewal")).isEqualTo(true);
  }

  @Test
  void renewsEveryYearChargingTheMethodPreferredAtThatTime() {
    List<String> charged = new ArrayList<>();
    List<String> renewalInvoices = new ArrayList<>();

    sandbox.clock().advance(YEAR);
    renewalInvoices.add(http.get(NORDLICHT_LICENSE).string("last_renewal_invoice_id"));
    charged.add("pm_demo200001mastercard");

    String visa = attach("200001", token("4242424242424242")).string("id");
    http.postWithoutKey(NORDLICHT + "/payment_methods/" + visa + "/make_preferred", null);
    sandbox.clock().advance(YEAR);
    renewalInvoices.add(http.get(NORDLICHT_LICENSE).string("last_renewal_invoice_id"));
    charged.add(visa);

    String amex = attach("200001", token("378282246310005")).string("id");
    http.postWithoutKey(NORDLICHT + "/payment_methods/" + amex + "/make_preferred", null);
    sandbox.clock().advance(YEAR);
    renewalInvoices.add(http.get(NORDLICHT_LICENSE).string("last_renewal_invoice_id"));
    charged.add(amex);

    assertThat(renewalInvoices).doesNotHaveDuplicates().doesNotContainNull();
    assertThat(renewalInvoicesOf("200001", "lic_demo200001")).containsExactlyElementsOf(renewalInvoices);
    List<String> renewalDates = List.of("2027-08-23T09:30:00Z", "2028-08-23T09:30:00Z", "2029-08-23T09:30:00Z");
    for (int year = 0; year < 3; year++) {
      Reply invoice = http.get(NORDLICHT + "/invoices/" + renewalInvoices.get(year));
      assertThat(invoice.string("status")).isEqualTo("paid");
      assertThat(invoice.string("issued_at")).isEqualTo(renewalDates.get(year));
      assertThat(invoice.string("paid_at")).isEqualTo(renewalDates.get(year));
      assertThat(invoice.string("due_at"))
          .isEqualTo(Instant.parse(renewalDates.get(year)).plus(Duration.ofDays(14)).toString());
      assertThat(invoice.list("lines")).hasSize(1);
      assertThat(invoice.number("lines.0.amount")).isEqualTo(49900);
      assertThat(invoice.number("total")).isEqualTo(49900);
      assertThat(invoice.string("lines.0.license_id")).isEqualTo("lic_demo200001");

      Reply payments = http.get(NORDLICHT + "/invoices/" + renewalInvoices.get(year) + "/payments");
      assertThat(payments.list("data")).hasSize(1);
      assertThat(payments.string("data.0.status")).isEqualTo("succeeded");
      assertThat(payments.string("data.0.payment_method_id")).isEqualTo(charged.get(year));
      assertThat(payments.string("data.0.created_at")).isEqualTo(renewalDates.get(year));
    }
    Reply license = http.get(NORDLICHT_LICENSE);
    assertThat(license.string("status")).isEqualTo("active");
    assertThat(license.string("renews_at")).isEqualTo("2030-08-23T09:30:00Z");
    assertThat(license.string("activated_at")).isEqualTo("2026-08-23T09:30:00Z");
  }

  @Test
  void advancingThreeYearsAtOnceRenewsThreeTimesInTimeOrder() {
    sandbox.clock().advance(YEAR.multipliedBy(3));

    List<String> martin = renewalInvoicesOf("100002", "lic_demo100002a");
    assertThat(martin).hasSize(3);
    for (String invoiceId : martin) {
      Reply invoice = http.get("/v1/accounts/100002/invoices/" + invoiceId);
      assertThat(invoice.string("status")).isEqualTo("paid");
      assertThat(http.get("/v1/accounts/100002/invoices/" + invoiceId + "/payments").string("data.0.payment_method_id"))
          .isEqualTo("pm_demo100002visa");
    }
    assertThat(http.get("/v1/accounts/100002/licenses/lic_demo100002a").string("renews_at"))
        .isEqualTo("2030-01-30T09:30:00Z");

    // The Mastercard (08/2028) pays 2027 and 2028; by the 2029 renewal it has expired.
    List<String> nordlicht = renewalInvoicesOf("200001", "lic_demo200001");
    assertThat(nordlicht).hasSize(3);
    assertThat(nordlicht.stream().map(id -> http.get(NORDLICHT + "/invoices/" + id).string("status")))
        .containsExactly("paid", "paid", "open");
    Reply failed = http.get(NORDLICHT + "/invoices/" + nordlicht.get(2) + "/payments");
    assertThat(failed.list("data")).as("a hard decline is not retried").hasSize(1);
    assertThat(failed.string("data.0.status")).isEqualTo("failed");
    assertThat(failed.string("data.0.decline_code")).isEqualTo("expired_card");
    // Renewed 2029-08-23, past due on day 7, suspended on day 14; the clock is at 2029-11-26.
    assertThat(http.get(NORDLICHT_LICENSE).string("status")).isEqualTo("suspended");

    // Numbered in the order they were issued, across accounts.
    List<Reply> all = new ArrayList<>();
    martin.forEach(id -> all.add(http.get("/v1/accounts/100002/invoices/" + id)));
    nordlicht.forEach(id -> all.add(http.get(NORDLICHT + "/invoices/" + id)));
    all.sort(Comparator.comparing(reply -> reply.string("issued_at")));
    assertThat(all.stream().map(reply -> reply.string("number")).toList())
        .containsExactly("INV-2027-0008", "INV-2027-0009", "INV-2028-0010", "INV-2028-0011",
            "INV-2029-0012", "INV-2029-0013");
  }

  @Test
  void oneRenewalPerYearHoweverTheClockMoves() {
    sandbox.clock().advance(Duration.ofDays(269));           // 2027-08-22T09:30Z, a day early
    assertThat(renewalInvoicesOf("200001", "lic_demo200001")).isEmpty();

    sandbox.clock().advance(Duration.ofDays(1));             // exactly renews_at
    sandbox.clock().advance(Duration.ZERO);
    sandbox.clock().advance(Duration.ofSeconds(1));
    for (int day = 0; day < 10; day++) {
      sandbox.clock().advance(Duration.ofDays(1));
      http.get(NORDLICHT_LICENSE);
    }

    assertThat(renewalInvoicesOf("200001", "lic_demo200001")).hasSize(1);
    assertThat(http.get(NORDLICHT_LICENSE).string("renews_at")).isEqualTo("2028-08-23T09:30:00Z");
  }

  @Test
  void withoutAPreferredMethodTheInvoiceStaysOpenUntilPaidByHand() {
    String license = "/v1/accounts/100001/licenses/lic_demo100001";
    http.postWithoutKey(license + "/auto_renewal", "{\"enabled\":true}");

    sandbox.clock().advance(Duration.ofDays(166));            // past 2027-05-10

    Reply failed = http.get(license);
    assertThat(failed.string("status")).isEqualTo("renewal_failed");
    assertThat(failed.list("warnings")).containsExactly("no_preferred_payment_method");
    assertThat(failed.string("renews_at")).isEqualTo("2028-05-10T09:30:00Z");
    String invoiceId = failed.string("last_renewal_invoice_id");
    Reply invoice = http.get("/v1/accounts/100001/invoices/" + invoiceId);
    assertThat(invoice.string("status")).isEqualTo("open");
    assertThat(invoice.number("amount_due")).isEqualTo(11900);
    assertThat(invoice.string("due_at")).isEqualTo("2027-05-24T09:30:00Z");
    assertThat(http.get("/v1/accounts/100001/invoices/" + invoiceId + "/payments").list("data")).isEmpty();

    // The first card stored becomes preferred, and is tried at once for the unpaid renewal.
    String visa = attach("100001", token("4242424242424242")).string("id");

    Reply payments = http.get("/v1/accounts/100001/invoices/" + invoiceId + "/payments");
    assertThat(payments.list("data")).hasSize(1);
    assertThat(payments.string("data.0.status")).isEqualTo("succeeded");
    assertThat(payments.string("data.0.payment_method_id")).isEqualTo(visa);
    assertThat(http.get("/v1/accounts/100001/invoices/" + invoiceId).string("status")).isEqualTo("paid");
    Reply active = http.get(license);
    assertThat(active.string("status")).isEqualTo("active");
    assertThat(active.list("warnings")).isEmpty();
    assertThat(http.post("/v1/accounts/100001/invoices/" + invoiceId + "/pay", "{}").string("error.code"))
        .isEqualTo("invoice_not_open");
  }

  @ParameterizedTest
  @CsvSource({"4000000000000341, generic_decline", "4000000000009995, insufficient_funds"})
  void decliningPreferredCardFailsTheRenewal(String number, String declineCode) {
    String declining = http.post(NORDLICHT + "/payment_methods",
        "{\"token\":\"" + token(number) + "\",\"preferred\":true}").string("id");

    sandbox.clock().advance(UNTIL_NORDLICHT_RENEWAL);

    Reply license = http.get(NORDLICHT_LICENSE);
    assertThat(license.string("status")).isEqualTo("renewal_failed");
    String invoiceId = license.string("last_renewal_invoice_id");
    assertThat(http.get(NORDLICHT + "/invoices/" + invoiceId).string("status")).isEqualTo("open");
    Reply payments = http.get(NORDLICHT + "/invoices/" + invoiceId + "/payments");
    assertThat(payments.string("data.0.status")).isEqualTo("failed");
    assertThat(payments.string("data.0.payment_method_id")).isEqualTo(declining);
    assertThat(payments.string("data.0.decline_code")).isEqualTo(declineCode);

    Reply paid = http.post(NORDLICHT + "/invoices/" + invoiceId + "/pay",
        "{\"payment_method_id\":\"pm_demo200001mastercard\"}");
    assertThat(paid.string("status")).isEqualTo("succeeded");
    assertThat(http.get(NORDLICHT_LICENSE).string("status")).isEqualTo("active");
    assertThat(http.get(NORDLICHT + "/invoices/" + invoiceId + "/payments").list("data")).hasSize(2);
  }

  @Test
  void renewalThatNeedsAuthenticationWaitsForTheCustomer() {
    http.post(NORDLICHT + "/payment_methods", "{\"token\":\"" + token("4000002760003184") + "\",\"preferred\":true}");

    sandbox.clock().advance(UNTIL_NORDLICHT_RENEWAL);

    Reply license = http.get(NORDLICHT_LICENSE);
    assertThat(license.string("status")).isEqualTo("renewal_failed");
    String invoiceId = license.string("last_renewal_invoice_id");
    assertThat(http.get(NORDLICHT + "/invoices/" + invoiceId).string("status")).isEqualTo("open");
    Reply payments = http.get(NORDLICHT + "/invoices/" + invoiceId + "/payments");
    assertThat(payments.string("data.0.status")).isEqualTo("requires_action");
    String paymentId = payments.string("data.0.id");
    assertThat(payments.string("data.0.next_action.url")).isEqualTo(sandbox.baseUrl() + "sandbox/3ds/" + paymentId);

    http.send("POST", "/sandbox/3ds/" + paymentId + "/authenticate", null, Map.of());

    assertThat(http.get(NORDLICHT + "/invoices/" + invoiceId).string("status")).isEqualTo("paid");
    assertThat(http.get(NORDLICHT_LICENSE).string("status")).isEqualTo("active");
  }

  @Test
  void withoutAutoRenewalTheLicenseExpires() {
    http.postWithoutKey(NORDLICHT_LICENSE + "/auto_renewal", "{\"enabled\":false}");
    int invoicesBefore = http.get(NORDLICHT + "/invoices").list("data").size();

    sandbox.clock().advance(YEAR);

    assertThat(http.get(NORDLICHT_LICENSE).string("status")).isEqualTo("expired");
    assertThat(http.get("/v1/accounts/100001/licenses/lic_demo100001").string("status")).isEqualTo("expired");
    assertThat(http.get(NORDLICHT + "/invoices").list("data")).hasSize(invoicesBefore);
    assertThat(http.get(NORDLICHT_LICENSE).get("last_renewal_invoice_id")).isNull();
    assertThat(http.get(NORDLICHT_LICENSE).get("renews_at")).isNull();

    // Turning auto-renewal back on does not bring an expired license back.
    http.postWithoutKey(NORDLICHT_LICENSE + "/auto_renewal", "{\"enabled\":true}");
    sandbox.clock().advance(YEAR);
    assertThat(http.get(NORDLICHT_LICENSE).string("status")).isEqualTo("expired");
    assertThat(renewalInvoicesOf("200001", "lic_demo200001")).isEmpty();
  }

  @Test
  void purchasedLicenseDoesNotRenewUntilActivated() {
    sandbox.clock().advance(YEAR.multipliedBy(2));

    Reply license = http.get("/v1/accounts/100002/licenses/lic_demo100002");
    assertThat(license.string("status")).isEqualTo("purchased");
    assertThat(renewalInvoicesOf("100002", "lic_demo100002")).isEmpty();
  }

  @Test
  void clockEndpointMovesTheClockAndRenews() {
    Reply reply = http.postWithoutKey("/sandbox/clock/advance", "{\"seconds\":" + YEAR.toSeconds() + "}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.string("now")).isEqualTo("2027-11-26T09:30:00Z");
    assertThat(sandbox.clock().instant()).isEqualTo(Instant.parse("2027-11-26T09:30:00Z"));
    assertThat(renewalInvoicesOf("200001", "lic_demo200001")).hasSize(1);

    Reply zero = http.postWithoutKey("/sandbox/clock/advance", "{\"seconds\":0}");
    assertThat(zero.string("now")).isEqualTo("2027-11-26T09:30:00Z");
  }

  @Test
  void clockEndpointNeedsTheApiKey() {
    Reply none = http.send("POST", "/sandbox/clock/advance", "{\"seconds\":60}", Map.of("Content-Type", "application/json"));
    Reply wrong = http.send("POST", "/sandbox/clock/advance", "{\"seconds\":60}",
        Map.of("Content-Type", "application/json", "Authorization", "Bearer sk_test_wrong"));

    for (Reply reply : new Reply[] {none, wrong}) {
      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.string("error.type")).isEqualTo("authentication_error");
      assertThat(reply.string("error.code")).isEqualTo("invalid_api_key");
      assertThat(reply.string("error.request_id")).isEqualTo(reply.header("Request-Id"));
    }
    assertThat(sandbox.clock().instant()).isEqualTo(NOW);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{}                       | parameter_missing | seconds",
      "{\"seconds\":-1}         | parameter_invalid | seconds",
      "{\"seconds\":1.5}        | parameter_invalid | seconds",
      "{\"seconds\":\"60\"}     | parameter_invalid | seconds",
      "{\"seconds\":60,\"x\":1} | parameter_unknown | x",
      "[]                       | invalid_json      | "})
  void clockEndpointRefusesBadInput(String body, String code, String param) {
    Reply reply = http.postWithoutKey("/sandbox/clock/advance", body);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.code")).isEqualTo(code);
    assertThat(reply.get("error.param")).isEqualTo(param);
    assertThat(sandbox.clock().instant()).isEqualTo(NOW);
  }

  @Test
  void clockEndpointIsPostOnly() {
    Reply reply = http.get("/sandbox/clock/advance");

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.header("Allow")).isEqualTo("POST");
  }

  @Test
  void aRunningBaseClockRenewsBeforeTheNextRequestIsAnswered() {
    AtomicReference<Instant> time = new AtomicReference<>(NOW);
    Clock moving = new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return time.get();
      }
    };
    try (SettleSandbox running = SettleSandbox.builder().clock(moving).build().start()) {
      SandboxHttp other = new SandboxHttp(running);
      time.set(NOW.plus(YEAR));   // time passes by itself; nobody calls advance

      Reply license = other.get(NORDLICHT_LICENSE);

      assertThat(license.string("renews_at")).isEqualTo("2028-08-23T09:30:00Z");
      assertThat(other.get(NORDLICHT + "/invoices/" + license.string("last_renewal_invoice_id")).string("status"))
          .isEqualTo("paid");
    }
  }

  /** The renewal invoices of a license, oldest first. */
  private static List<String> renewalInvoicesOf(String customerId, String licenseId) {
    List<String> ids = new ArrayList<>();
    for (Object item : http.get("/v1/accounts/" + customerId + "/invoices?limit=100").list("data")) {
      Map<?, ?> invoice = (Map<?, ?>) item;
      String id = (String) invoice.get("id");
      Map<?, ?> line = (Map<?, ?>) ((List<?>) invoice.get("lines")).get(0);
      if (!id.startsWith("in_demo") && licenseId.equals(line.get("license_id"))) {
        ids.add(0, id);
      }
    }
    return ids;
  }
}
