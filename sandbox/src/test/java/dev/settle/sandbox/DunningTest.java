package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Automatic collection and dunning, the clock moved a day at a time and every attempt checked.
 * {@code lic_demo200001} renews 2027-08-23T09:30Z, 270 days after the demo clock; the default
 * schedule retries on days 1, 3, 5 and 7, and suspends 7 days after the last.
 */
class DunningTest extends SandboxTestCase {
  private static final String NORDLICHT = "/v1/accounts/200001";
  private static final String LICENSE = NORDLICHT + "/licenses/lic_demo200001";
  private static final Instant RENEWAL = Instant.parse("2027-08-23T09:30:00Z");
  private static final Duration DAY = Duration.ofDays(1);

  private WebhookReceiver receiver;

  @BeforeEach
  void listen() {
    receiver = new WebhookReceiver();
    assertThat(http.post("/v1/webhook_endpoints", "{\"url\":\"" + receiver.url() + "\"}").status()).isEqualTo(201);
  }

  @AfterEach
  void stopListening() {
    receiver.close();
  }

  private static String preferredCard(String number) {
    return http.post(NORDLICHT + "/payment_methods", "{\"token\":\"" + token(number) + "\",\"preferred\":true}")
        .string("id");
  }

  private static String renewalInvoice() {
    return http.get(LICENSE).string("last_renewal_invoice_id");
  }

  /** Nordlicht's webhook events sent so far, as the sandbox lists them the moment they happen. */
  private static List<Reply> events(String type) {
    return nordlichtEvents().stream().filter(event -> event.string("type").equals(type)).toList();
  }

  private static List<Reply> nordlichtEvents() {
    return sandbox.webhookDeliveries().stream().map(d -> new Reply(200, null, d.body()))
        .filter(event -> "200001".equals(event.string("data.customer_id"))).toList();
  }

  private static List<Long> days(Reply schedule) {
    return schedule.list("retry_days").stream().map(day -> ((java.math.BigDecimal) day).longValueExact()).toList();
  }

  /** One line per day from the renewal: attempts made, next attempt, license status. */
  private static List<String> dayByDay(String invoice, int days) {
    List<String> lines = new ArrayList<>();
    for (int day = 0; day <= days; day++) {
      if (day > 0) {
        sandbox.clock().advance(DAY);
      }
      Reply read = http.get(NORDLICHT + "/invoices/" + invoice);
      lines.add("day " + day + ": " + read.number("attempt_count") + " attempts, next "
          + read.get("next_payment_attempt") + ", " + read.string("status") + ", license "
          + http.get(LICENSE).string("status"));
    }
    return lines;
  }

  @Test
  void aSoftDeclineIsRetriedOnItsScheduleThenTheLicenseIsPastDueThenSuspendedAndPayingReactivatesIt() {
    String declining = preferredCard("4000000000000341");
    sandbox.clock().advance(Duration.between(NOW, RENEWAL));
    String invoice = renewalInvoice();

    assertThat(dayByDay(invoice, 14)).containsExactly(
        "day 0: 1 attempts, next 2027-08-24T09:30:00Z, open, license renewal_failed",
        "day 1: 2 attempts, next 2027-08-26T09:30:00Z, open, license renewal_failed",
        "day 2: 2 attempts, next 2027-08-26T09:30:00Z, open, license renewal_failed",
        "day 3: 3 attempts, next 2027-08-28T09:30:00Z, open, license renewal_failed",
        "day 4: 3 attempts, next 2027-08-28T09:30:00Z, open, license renewal_failed",
        "day 5: 4 attempts, next 2027-08-30T09:30:00Z, open, license renewal_failed",
        "day 6: 4 attempts, next 2027-08-30T09:30:00Z, open, license renewal_failed",
        "day 7: 5 attempts, next null, open, license past_due",
        "day 8: 5 attempts, next null, open, license past_due",
        "day 9: 5 attempts, next null, open, license past_due",
        "day 10: 5 attempts, next null, open, license past_due",
        "day 11: 5 attempts, next null, open, license past_due",
        "day 12: 5 attempts, next null, open, license past_due",
        "day 13: 5 attempts, next null, open, license past_due",
        "day 14: 5 attempts, next null, open, license suspended");

    Reply payments = http.get(NORDLICHT + "/invoices/" + invoice + "/payments");
    assertThat(payments.list("data")).hasSize(5);
    List<String> expectedDays = List.of("2027-08-23", "2027-08-24", "2027-08-26", "2027-08-28", "2027-08-30");
    for (int i = 0; i < 5; i++) {
      assertThat(payments.string("data." + i + ".status")).isEqualTo("failed");
      assertThat(payments.string("data." + i + ".payment_method_id")).isEqualTo(declining);
      assertThat(payments.string("data." + i + ".decline_code")).isEqualTo("generic_decline");
      assertThat(payments.string("data." + i + ".created_at")).startsWith(expectedDays.get(i));
    }
    List<Reply> failures = events("invoice.payment_failed");
    assertThat(failures).hasSize(5);
    for (int i = 0; i < 5; i++) {
      Reply failure = failures.get(i);
      assertThat(failure.string("data.invoice_id")).isEqualTo(invoice);
      assertThat(failure.number("data.dunning.attempt_count")).isEqualTo(i + 1);
      assertThat(failure.get("data.dunning.final")).isEqualTo(i == 4);
      assertThat(failure.get("data.dunning.next_payment_attempt"))
          .isEqualTo(i == 4 ? null : expectedDays.get(i + 1) + "T09:30:00Z");
    }
    assertThat(events("license.suspended")).singleElement().satisfies(suspended -> {
      assertThat(suspended.string("created_at")).isEqualTo("2027-09-06T09:30:00Z");
      assertThat(suspended.string("data.license_id")).isEqualTo("lic_demo200001");
      assertThat(suspended.string("data.invoice_id")).isEqualTo(invoice);
    });

    Reply paid = http.post(NORDLICHT + "/invoices/" + invoice + "/pay", "{\"payment_method_id\":\"pm_demo200001mastercard\"}");

    assertThat(paid.string("status")).isEqualTo("succeeded");
    assertThat(http.get(LICENSE).string("status")).isEqualTo("active");
    assertThat(events("license.reactivated")).singleElement().satisfies(reactivated -> {
      assertThat(reactivated.string("data.invoice_id")).isEqualTo(invoice);
      assertThat(reactivated.string("data.payment_id")).isEqualTo(paid.string("id"));
      assertThat(reactivated.string("data.renews_at")).isEqualTo("2028-08-23T09:30:00Z");
    });
    assertThat(nordlichtEvents().stream().map(event -> event.string("type")).filter(t -> t.startsWith("license.")))
        .containsExactly("license.renewal_failed", "license.suspended", "license.renewed", "license.reactivated");
    String timeline = http.get("/sandbox/dashboard").body();
    assertThat(timeline).contains("Retry 1 of 4: charge of EUR 499.00", "Retry 4 of 4", "next try on 2027-08-24",
        "Settle Team (annual) past due", "Settle Team (annual) suspended", "Settle Team (annual) reactivated");
  }

  @Test
  void aCardShortOfFundsTwiceIsPaidOnTheSecondRetryAndNotTriedAgain() {
    String card = preferredCard("4000000000005266");
    sandbox.clock().advance(Duration.between(NOW, RENEWAL));
    String invoice = renewalInvoice();

    assertThat(dayByDay(invoice, 8)).containsExactly(
        "day 0: 1 attempts, next 2027-08-24T09:30:00Z, open, license renewal_failed",
        "day 1: 2 attempts, next 2027-08-26T09:30:00Z, open, license renewal_failed",
        "day 2: 2 attempts, next 2027-08-26T09:30:00Z, open, license renewal_failed",
        "day 3: 3 attempts, next null, paid, license active",
        "day 4: 3 attempts, next null, paid, license active",
        "day 5: 3 attempts, next null, paid, license active",
        "day 6: 3 attempts, next null, paid, license active",
        "day 7: 3 attempts, next null, paid, license active",
        "day 8: 3 attempts, next null, paid, license active");
    Reply payments = http.get(NORDLICHT + "/invoices/" + invoice + "/payments");
    assertThat(payments.list("data")).extracting(p -> ((Map<?, ?>) p).get("status") + " " + ((Map<?, ?>) p).get("decline_code"))
        .containsExactly("failed insufficient_funds", "failed insufficient_funds", "succeeded null");
    assertThat(payments.string("data.2.payment_method_id")).isEqualTo(card);
    assertThat(http.get(NORDLICHT + "/invoices/" + invoice).string("paid_at")).isEqualTo("2027-08-26T09:30:00Z");
    assertThat(events("license.renewed")).singleElement()
        .satisfies(renewed -> assertThat(renewed.string("created_at")).isEqualTo("2027-08-26T09:30:00Z"));
    assertThat(events("license.reactivated")).as("it was never suspended").isEmpty();
  }

  @Test
  void aHardDeclineIsNotRetriedAndANewPreferredMethodIsTriedAtOnceButNotAStoredOneLeftAside() {
    // The demo Mastercard (08/2028) pays the 2027 and 2028 renewals and has expired by the 2029 one.
    sandbox.clock().advance(Duration.between(NOW, RENEWAL.atZone(java.time.ZoneOffset.UTC).plusYears(2).toInstant()));
    String invoice = renewalInvoice();

    assertThat(dayByDay(invoice, 7)).containsExactly(
        "day 0: 1 attempts, next null, open, license renewal_failed",
        "day 1: 1 attempts, next null, open, license renewal_failed",
        "day 2: 1 attempts, next null, open, license renewal_failed",
        "day 3: 1 attempts, next null, open, license renewal_failed",
        "day 4: 1 attempts, next null, open, license renewal_failed",
        "day 5: 1 attempts, next null, open, license renewal_failed",
        "day 6: 1 attempts, next null, open, license renewal_failed",
        "day 7: 1 attempts, next null, open, license past_due");
    Reply last = events("invoice.payment_failed").get(events("invoice.payment_failed").size() - 1);
    assertThat(last.string("data.failure_code")).isEqualTo("expired_card");
    assertThat(last.get("data.dunning.final")).isEqualTo(true);

    String aside = attach("200001", token("4242424242424242")).string("id");
    assertThat(http.get(NORDLICHT + "/invoices/" + invoice).number("attempt_count")).as("not preferred: not tried").isEqualTo(1);
    http.postWithoutKey(NORDLICHT + "/payment_methods/pm_demo200001mastercard/make_preferred", null);
    assertThat(http.get(NORDLICHT + "/invoices/" + invoice).number("attempt_count")).as("the method tried last").isEqualTo(1);

    http.postWithoutKey(NORDLICHT + "/payment_methods/" + aside + "/make_preferred", null);

    Reply paid = http.get(NORDLICHT + "/invoices/" + invoice);
    assertThat(paid.string("status")).isEqualTo("paid");
    assertThat(paid.number("attempt_count")).isEqualTo(2);
    assertThat(http.get(NORDLICHT + "/invoices/" + invoice + "/payments").string("data.1.payment_method_id"))
        .isEqualTo(aside);
    assertThat(http.get(LICENSE).string("status")).isEqualTo("active");
  }

  @Test
  void aRenewalTheBankInsistsOnAuthenticatingWaitsForTheCustomerAtTheHostedPage() {
    String setup = http.post(NORDLICHT + "/card_setups", "{\"token\":\"" + token("4000002760003184") + "\"}").string("id");
    http.send("POST", AuthenticationPages.PATH_PREFIX + setup + "/authenticate", null, Map.of());
    String card = http.post(NORDLICHT + "/payment_methods", "{\"token\":\""
        + http.post(NORDLICHT + "/card_setups/" + setup + "/complete", null).string("token") + "\",\"preferred\":true}")
        .string("id");
    sandbox.clock().advance(Duration.between(NOW, RENEWAL));
    String invoice = renewalInvoice();

    Reply action = events("invoice.payment_action_required").get(0);
    assertThat(action.string("data.invoice_id")).isEqualTo(invoice);
    assertThat(action.string("data.payment_method_id")).isEqualTo(card);
    String payment = action.string("data.payment_id");
    assertThat(action.string("data.hosted_url")).isEqualTo(sandbox.baseUrl() + "sandbox/3ds/" + payment);
    Reply failure = events("invoice.payment_failed").get(0);
    assertThat(failure.string("data.failure_code")).isEqualTo("authentication_required");
    assertThat(failure.get("data.dunning.final")).isEqualTo(true);
    sandbox.clock().advance(DAY.multipliedBy(3));
    assertThat(http.get(NORDLICHT + "/invoices/" + invoice + "/payments").list("data")).as("no retry").hasSize(1);

    Reply page = http.send("POST", AuthenticationPages.PATH_PREFIX + payment + "/authenticate", null, Map.of());

    assertThat(page.status()).isEqualTo(200);
    assertThat(http.get(NORDLICHT + "/invoices/" + invoice).string("status")).isEqualTo("paid");
    assertThat(http.get(LICENSE).string("status")).isEqualTo("active");
    assertThat(events("license.renewed")).hasSize(1);
  }

  @Test
  void anAutomaticInvoiceIsChargedOnItsDueDateAndRetriedAndAManualOneWaits() {
    Instant due = NOW.plus(Duration.ofDays(10));
    String automatic = sandbox.createInvoice("200001", draft -> draft.line("Extra seats", 9900).dueAt(due)
        .collection(InvoiceDraft.Collection.AUTOMATIC));
    String manual = sandbox.createInvoice("200001", draft -> draft.line("Workshop", 25000).dueAt(due));
    Reply before = http.get(NORDLICHT + "/invoices/" + automatic);
    assertThat(before.string("collection")).isEqualTo("automatic");
    assertThat(before.string("next_payment_attempt")).isEqualTo(due.toString());
    assertThat(before.string("customer_id")).isEqualTo("200001");

    sandbox.clock().advance(Duration.ofDays(9));
    assertThat(http.get(NORDLICHT + "/invoices/" + automatic).number("attempt_count")).isZero();
    sandbox.clock().advance(DAY);

    Reply collected = http.get(NORDLICHT + "/invoices/" + automatic);
    assertThat(collected.string("status")).isEqualTo("paid");
    assertThat(collected.string("paid_at")).isEqualTo(due.toString());
    assertThat(collected.number("attempt_count")).isEqualTo(1);
    Reply waiting = http.get(NORDLICHT + "/invoices/" + manual);
    assertThat(waiting.string("status")).isEqualTo("open");
    assertThat(waiting.string("collection")).isEqualTo("manual");
    assertThat(waiting.get("next_payment_attempt")).isNull();
    assertThat(http.get(NORDLICHT + "/invoices/" + manual + "/payments").list("data")).isEmpty();

    preferredCard("4000000000009995");
    String retried = sandbox.createInvoice("200001", draft -> draft.line("Support", 4900)
        .dueAt(sandbox.clock().instant().plus(DAY)).collection(InvoiceDraft.Collection.AUTOMATIC));
    sandbox.clock().advance(DAY.multipliedBy(8));
    Reply dunned = http.get(NORDLICHT + "/invoices/" + retried);
    assertThat(dunned.number("attempt_count")).isEqualTo(5);
    assertThat(dunned.get("next_payment_attempt")).isNull();
    assertThat(dunned.string("status")).isEqualTo("open");
  }

  @Test
  void theScheduleIsSetOverHttpForDunningsThatStartAfterwardUntilAReset() {
    Reply defaults = http.get("/sandbox/dunning");
    assertThat(days(defaults)).containsExactly(1L, 3L, 5L, 7L);
    assertThat(defaults.number("suspend_after_days")).isEqualTo(7);

    Reply set = http.postWithoutKey("/sandbox/dunning", "{\"retry_days\":[2],\"suspend_after_days\":1}");
    assertThat(days(set)).containsExactly(2L);
    assertThat(sandbox.dunningSchedule()).isEqualTo(DunningSchedule.of(List.of(2), 1));
    preferredCard("4000000000000341");
    sandbox.clock().advance(Duration.between(NOW, RENEWAL));

    assertThat(dayByDay(renewalInvoice(), 3)).containsExactly(
        "day 0: 1 attempts, next 2027-08-25T09:30:00Z, open, license renewal_failed",
        "day 1: 1 attempts, next 2027-08-25T09:30:00Z, open, license renewal_failed",
        "day 2: 2 attempts, next null, open, license past_due",
        "day 3: 2 attempts, next null, open, license suspended");

    sandbox.reset();
    assertThat(days(http.get("/sandbox/dunning"))).containsExactly(1L, 3L, 5L, 7L);
  }

  @Test
  void aBadScheduleIsRefusedNamingTheFieldAndChangesNothing() {
    for (String[] bad : new String[][] {
        {"{\"retry_days\":[3,1],\"suspend_after_days\":7}", "retry_days"},
        {"{\"retry_days\":[0],\"suspend_after_days\":7}", "retry_days"},
        {"{\"retry_days\":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21],\"suspend_after_days\":7}",
            "retry_days"},
        {"{\"retry_days\":[1],\"suspend_after_days\":-1}", "suspend_after_days"},
        {"{\"retry_days\":[1]}", "suspend_after_days"},
        {"{\"retry_days\":[1],\"suspend_after_days\":1,\"x\":1}", "x"}}) {
      Reply refused = http.postWithoutKey("/sandbox/dunning", bad[0]);
      assertThat(refused.status()).as(bad[0]).isEqualTo(400);
      assertThat(refused.string("error.param")).as(bad[0]).isEqualTo(bad[1]);
    }
    assertThat(sandbox.dunningSchedule()).isEqualTo(DunningSchedule.defaults());
    assertThatThrownBy(() -> DunningSchedule.of(List.of(5, 5), 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("strictly increasing");
  }

  @Test
  void aSandboxBuiltWithASchedulesKeepsItAcrossResets() {
    try (SettleSandbox other = SettleSandbox.builder().dunningSchedule(DunningSchedule.of(List.of(), 0)).build()) {
      other.dunningSchedule(DunningSchedule.defaults());
      other.reset();

      assertThat(other.dunningSchedule()).isEqualTo(DunningSchedule.of(List.of(), 0));
    }
  }
}
