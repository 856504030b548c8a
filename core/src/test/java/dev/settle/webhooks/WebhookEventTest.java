package dev.settle.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.settle.exception.WebhookVerificationException.Reason;
import dev.settle.exception.WebhookVerificationException;
import dev.settle.model.CustomerId;
import dev.settle.model.InvoiceId;
import dev.settle.model.LicenseId;
import dev.settle.model.Money;
import dev.settle.model.PaymentMethodId;
import dev.settle.model.WebhookEventType;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading each type of event from a verified delivery, through the public verifier. */
class WebhookEventTest {
  static final String SECRET = "whsec_c2VjcmV0LWtleS1vbmUtZm9yLXNldHRsZS10ZXN0cyE=";
  static final Instant NOW = Instant.parse(Events.CREATED_AT);
  static final WebhookVerifier VERIFIER =
      WebhookVerifier.builder().secret(SECRET).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  static final WebhookSigner SIGNER = WebhookSigner.create(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

  static WebhookEvent deliver(String body) {
    Map<String, List<String>> headers = new HashMap<>();
    SIGNER.sign(body).forEach((name, value) -> headers.put(name, List.of(value)));
    return VERIFIER.verify(body, headers);
  }

  static WebhookVerificationException refused(String body) {
    return catchThrowableOfType(WebhookVerificationException.class, () -> deliver(body));
  }

  @Test
  void invoicePaid() {
    WebhookEvent event = deliver(Events.event("evt_1", "invoice.paid", Events.INVOICE_PAID_DATA));

    assertThat(event).isInstanceOfSatisfying(InvoicePaid.class, paid -> {
      assertThat(paid.id()).isEqualTo("evt_1");
      assertThat(paid.type()).isEqualTo(WebhookEventType.INVOICE_PAID);
      assertThat(paid.typeName()).isEqualTo("invoice.paid");
      assertThat(paid.createdAt()).isEqualTo(NOW);
      assertThat(paid.customerId()).isEqualTo(CustomerId.of("200001"));
      assertThat(paid.invoiceId()).isEqualTo(InvoiceId.of("in_7"));
      assertThat(paid.paymentId()).contains("py_9");
      assertThat(paid.amount()).isEqualTo(Money.ofMinor(11900, "EUR"));
      assertThat(paid.paymentMethodId()).contains(PaymentMethodId.of("pm_3"));
      assertThat(paid.paidAt()).isEqualTo(Instant.parse("2026-03-01T10:15:29Z"));
      assertThat(paid.data()).containsEntry("invoice_id", "in_7").containsEntry("amount", 11900.0);
    });
  }

  @Test
  void invoicePaidByBankTransferHasNoPaymentOrMethod() {
    String data = Events.INVOICE_PAID_DATA.replace("\"py_9\"", "null").replace("\"pm_3\"", "null");

    InvoicePaid paid = (InvoicePaid) deliver(Events.event("evt_1", "invoice.paid", data));

    assertThat(paid.paymentId()).isEmpty();
    assertThat(paid.paymentMethodId()).isEmpty();
    assertThat(paid.data()).containsEntry("payment_id", null);
  }

  @Test
  void invoicePaymentFailed() {
    WebhookEvent event = deliver(Events.event("evt_2", "invoice.payment_failed", Events.INVOICE_PAYMENT_FAILED_DATA));

    assertThat(event).isInstanceOfSatisfying(InvoicePaymentFailed.class, failed -> {
      assertThat(failed.type()).isEqualTo(WebhookEventType.INVOICE_PAYMENT_FAILED);
      assertThat(failed.customerId()).isEqualTo(CustomerId.of("200001"));
      assertThat(failed.invoiceId()).isEqualTo(InvoiceId.of("in_7"));
      assertThat(failed.paymentId()).isEqualTo("py_8");
      assertThat(failed.amount()).isEqualTo(Money.ofMinor(11900, "EUR"));
      assertThat(failed.paymentMethodId()).isEqualTo(PaymentMethodId.of("pm_3"));
      assertThat(failed.failureCode()).isEqualTo("card_declined");
      assertThat(failed.declineCode()).contains("insufficient_funds");
      assertThat(failed.failureMessage()).contains("Your card has insufficient funds.");
      assertThat(failed.dunning()).hasValueSatisfying(dunning -> {
        assertThat(dunning.attemptCount()).isEqualTo(2);
        assertThat(dunning.nextPaymentAttempt()).contains(Instant.parse("2026-03-04T10:15:29Z"));
        assertThat(dunning.isFinal()).isFalse();
      });
    });
  }

  @Test
  void theLastFailureOfADunningIsFinalAndAPaymentByHandHasNone() {
    String last = Events.INVOICE_PAYMENT_FAILED_DATA
        .replace("\"next_payment_attempt\":\"2026-03-04T10:15:29Z\",\"final\":false",
            "\"next_payment_attempt\":null,\"final\":true");
    String byHand = Events.INVOICE_PAYMENT_FAILED_DATA.replaceAll("\"dunning\":\\{[^}]*}", "\"dunning\":null");

    InvoicePaymentFailed lastTry = (InvoicePaymentFailed) deliver(Events.event("evt_2", "invoice.payment_failed", last));
    InvoicePaymentFailed paidByHand =
        (InvoicePaymentFailed) deliver(Events.event("evt_3", "invoice.payment_failed", byHand));

    assertThat(lastTry.dunning()).hasValueSatisfying(dunning -> {
      assertThat(dunning.nextPaymentAttempt()).isEmpty();
      assertThat(dunning.isFinal()).isTrue();
    });
    assertThat(paidByHand.dunning()).isEmpty();
    assertThat(refused(Events.event("evt_4", "invoice.payment_failed",
        Events.INVOICE_PAYMENT_FAILED_DATA.replace(",\"final\":false", ""))).getMessage())
        .contains("data.dunning.final");
  }

  @Test
  void invoicePaymentActionRequiredCarriesTheHostedPageKeptOutOfToString() {
    WebhookEvent event = deliver(Events.event("evt_5", "invoice.payment_action_required",
        Events.INVOICE_PAYMENT_ACTION_REQUIRED_DATA));

    assertThat(event).isInstanceOfSatisfying(InvoicePaymentActionRequired.class, action -> {
      assertThat(action.type()).isEqualTo(WebhookEventType.INVOICE_PAYMENT_ACTION_REQUIRED);
      assertThat(action.customerId()).isEqualTo(CustomerId.of("200001"));
      assertThat(action.invoiceId()).isEqualTo(InvoiceId.of("in_7"));
      assertThat(action.paymentId()).isEqualTo("py_8");
      assertThat(action.amount()).isEqualTo(Money.ofMinor(11900, "EUR"));
      assertThat(action.paymentMethodId()).isEqualTo(PaymentMethodId.of("pm_3"));
      assertThat(action.hostedUrl()).hasToString("https://billing.example.com/3ds/py_8");
      assertThat(action.toString()).doesNotContain("billing.example.com");
    });
    assertThat(refused(Events.event("evt_6", "invoice.payment_action_required",
        Events.INVOICE_PAYMENT_ACTION_REQUIRED_DATA.replace("https://billing.example.com/3ds/py_8", "3ds page")))
        .getMessage()).contains("data.hosted_url").doesNotContain("3ds page");
  }

  @Test
  void licenseSuspendedAndReactivated() {
    WebhookEvent suspended = deliver(Events.event("evt_7", "license.suspended", Events.LICENSE_SUSPENDED_DATA));
    WebhookEvent reactivated = deliver(Events.event("evt_8", "license.reactivated", Events.LICENSE_REACTIVATED_DATA));

    assertThat(suspended).isInstanceOfSatisfying(LicenseSuspended.class, event -> {
      assertThat(event.customerId()).isEqualTo(CustomerId.of("200001"));
      assertThat(event.licenseId()).isEqualTo(LicenseId.of("lic_1"));
      assertThat(event.invoiceId()).isEqualTo(InvoiceId.of("in_8"));
    });
    assertThat(reactivated).isInstanceOfSatisfying(LicenseReactivated.class, event -> {
      assertThat(event.licenseId()).isEqualTo(LicenseId.of("lic_1"));
      assertThat(event.invoiceId()).isEqualTo(InvoiceId.of("in_8"));
      assertThat(event.paymentId()).contains("py_12");
      assertThat(event.renewsAt()).isEqualTo(Instant.parse("2027-03-01T00:00:00Z"));
    });
    assertThat(refused(Events.event("evt_9", "license.reactivated",
        Events.LICENSE_REACTIVATED_DATA.replace(",\"renews_at\":\"2027-03-01T00:00:00Z\"", ""))).getMessage())
        .contains("data.renews_at");
  }

  @Test
  void invoicePaymentFailedWithoutDeclineCode() {
    String data = Events.INVOICE_PAYMENT_FAILED_DATA
        .replace("\"card_declined\"", "\"authentication_required\"")
        .replace("\"insufficient_funds\"", "null")
        .replace("\"Your card has insufficient funds.\"", "null");

    InvoicePaymentFailed failed = (InvoicePaymentFailed) deliver(Events.event("evt_2", "invoice.payment_failed", data));

    assertThat(failed.failureCode()).isEqualTo("authentication_required");
    assertThat(failed.declineCode()).isEmpty();
    assertThat(failed.failureMessage()).isEmpty();
  }

  @Test
  void paymentMethodExpiring() {
    WebhookEvent event =
        deliver(Events.event("evt_3", "payment_method.expiring", Events.PAYMENT_METHOD_EXPIRING_DATA));

    assertThat(event).isInstanceOfSatisfying(PaymentMethodExpiring.class, expiring -> {
      assertThat(expiring.type()).isEqualTo(WebhookEventType.PAYMENT_METHOD_EXPIRING);
      assertThat(expiring.customerId()).isEqualTo(CustomerId.of("200001"));
      assertThat(expiring.paymentMethodId()).isEqualTo(PaymentMethodId.of("pm_3"));
      assertThat(expiring.expiry()).isEqualTo(YearMonth.of(2026, 4));
      assertThat(expiring.preferred()).isTrue();
    });
  }

  @Test
  void paymentMethodUpdated() {
    WebhookEvent event =
        deliver(Events.event("evt_4", "payment_method.updated", Events.PAYMENT_METHOD_UPDATED_DATA));

    assertThat(event).isInstanceOfSatisfying(PaymentMethodUpdated.class, updated -> {
      assertThat(updated.type()).isEqualTo(WebhookEventType.PAYMENT_METHOD_UPDATED);
      assertThat(updated.customerId()).isEqualTo(CustomerId.of("200002"));
      assertThat(updated.paymentMethodId()).isEqualTo(PaymentMethodId.of("pm_5"));
      assertThat(updated.preferred()).isFalse();
      assertThat(updated.expiry()).contains(YearMonth.of(2030, 12));
    });
  }

  @Test
  void paymentMethodUpdatedWithoutExpiry() {
    String data = "{\"customer_id\":\"200002\",\"payment_method_id\":\"pm_6\",\"preferred\":true,"
        + "\"exp_month\":null,\"exp_year\":null}";

    PaymentMethodUpdated updated = (PaymentMethodUpdated) deliver(Events.event("evt_4", "payment_method.updated", data));

    assertThat(updated.preferred()).isTrue();
    assertThat(updated.expiry()).isEmpty();
  }

  @Test
  void licenseRenewed() {
    WebhookEvent event = deliver(Events.event("evt_5", "license.renewed", Events.LICENSE_RENEWED_DATA));

    assertThat(event).isInstanceOfSatisfying(LicenseRenewed.class, renewed -> {
      assertThat(renewed.type()).isEqualTo(WebhookEventType.LICENSE_RENEWED);
      assertThat(renewed.customerId()).isEqualTo(CustomerId.of("200001"));
      assertThat(renewed.licenseId()).isEqualTo(LicenseId.of("lic_1"));
      assertThat(renewed.invoiceId()).isEqualTo(InvoiceId.of("in_8"));
      assertThat(renewed.paymentId()).contains("py_10");
      assertThat(renewed.renewsAt()).isEqualTo(Instant.parse("2027-03-01T00:00:00Z"));
    });
  }

  @Test
  void licenseRenewalFailed() {
    WebhookEvent event =
        deliver(Events.event("evt_6", "license.renewal_failed", Events.LICENSE_RENEWAL_FAILED_DATA));

    assertThat(event).isInstanceOfSatisfying(LicenseRenewalFailed.class, failed -> {
      assertThat(failed.type()).isEqualTo(WebhookEventType.LICENSE_RENEWAL_FAILED);
      assertThat(failed.customerId()).isEqualTo(CustomerId.of("200001"));
      assertThat(failed.licenseId()).isEqualTo(LicenseId.of("lic_1"));
      assertThat(failed.invoiceId()).isEqualTo(InvoiceId.of("in_8"));
      assertThat(failed.failureCode()).isEqualTo("card_declined");
      assertThat(failed.paymentId()).contains("py_11");
      assertThat(failed.declineCode()).contains("do_not_honor");
    });
  }

  @Test
  void licenseRenewalFailedWithNothingToCharge() {
    String data = "{\"customer_id\":\"200001\",\"license_id\":\"lic_1\",\"invoice_id\":\"in_8\","
        + "\"failure_code\":\"no_preferred_payment_method\",\"payment_id\":null,\"decline_code\":null}";

    LicenseRenewalFailed failed = (LicenseRenewalFailed) deliver(Events.event("evt_6", "license.renewal_failed", data));

    assertThat(failed.failureCode()).isEqualTo("no_preferred_payment_method");
    assertThat(failed.paymentId()).isEmpty();
    assertThat(failed.declineCode()).isEmpty();
  }

  @Test
  void anUnknownTypeIsDeliveredWithItsNameAndData() {
    String data = "{\"invoice_id\":\"in_7\",\"reason\":null,\"lines\":[1,{\"a\":true},null],\"nested\":{\"x\":\"y\"}}";

    WebhookEvent event = deliver(Events.event("evt_7", "invoice.voided", data));

    assertThat(event).isInstanceOfSatisfying(UnknownEvent.class, unknown -> {
      assertThat(unknown.id()).isEqualTo("evt_7");
      assertThat(unknown.type()).isEqualTo(WebhookEventType.UNKNOWN);
      assertThat(unknown.typeName()).isEqualTo("invoice.voided");
      assertThat(unknown.createdAt()).isEqualTo(NOW);
      assertThat(unknown.data())
          .containsEntry("invoice_id", "in_7")
          .containsEntry("reason", null)
          .containsEntry("lines", Arrays.asList(1.0, Map.of("a", true), null))
          .containsEntry("nested", Map.of("x", "y"));
    });
    assertThatThrownBy(() -> event.data().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((Map<String, Object>) event.data().get("nested")).put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((List<Object>) event.data().get("lines")).add(1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void anUnknownTypeMayHaveAnyDataObjectEvenAnEmptyOne() {
    WebhookEvent event = deliver(Events.event("evt_8", "account.created", "{}"));

    assertThat(event.type()).isEqualTo(WebhookEventType.UNKNOWN);
    assertThat(event.typeName()).isEqualTo("account.created");
    assertThat(event.data()).isEmpty();
  }

  @Test
  void typeNamesMatchExactly() {
    assertThat(deliver(Events.event("evt_9", "Invoice.Paid", Events.INVOICE_PAID_DATA)))
        .isInstanceOf(UnknownEvent.class);
    assertThat(WebhookEventType.of("invoice.paid")).isEqualTo(WebhookEventType.INVOICE_PAID);
    assertThat(WebhookEventType.of("")).isEqualTo(WebhookEventType.UNKNOWN);
    assertThat(WebhookEventType.of(null)).isEqualTo(WebhookEventType.UNKNOWN);
  }

  @Test
  void fieldsANewerServerAddsAreIgnoredAndKeptInTheRawData() {
    String data = Events.INVOICE_PAID_DATA.replace("{", "{\"attempt\":2,\"extra\":{\"a\":[1]},");
    String body = "{\"livemode\":false," + Events.event("evt_1", "invoice.paid", data).substring(1);

    InvoicePaid paid = (InvoicePaid) deliver(body);

    assertThat(paid.invoiceId()).isEqualTo(InvoiceId.of("in_7"));
    assertThat(paid.data()).containsEntry("attempt", 2.0).containsKey("extra");
  }

  @Test
  void everyKnownTypeHasAClassAndAName() {
    Map<WebhookEventType, String> bodies = Map.of(
        WebhookEventType.INVOICE_PAID, Events.event("evt_1", "invoice.paid", Events.INVOICE_PAID_DATA),
        WebhookEventType.INVOICE_PAYMENT_FAILED,
        Events.event("evt_1", "invoice.payment_failed", Events.INVOICE_PAYMENT_FAILED_DATA),
        WebhookEventType.PAYMENT_METHOD_EXPIRING,
        Events.event("evt_1", "payment_method.expiring", Events.PAYMENT_METHOD_EXPIRING_DATA),
        WebhookEventType.PAYMENT_METHOD_UPDATED,
        Events.event("evt_1", "payment_method.updated", Events.PAYMENT_METHOD_UPDATED_DATA),
        WebhookEventType.LICENSE_RENEWED, Events.event("evt_1", "license.renewed", Events.LICENSE_RENEWED_DATA),
        WebhookEventType.LICENSE_RENEWAL_FAILED,
        Events.event("evt_1", "license.renewal_failed", Events.LICENSE_RENEWAL_FAILED_DATA),
        WebhookEventType.INVOICE_PAYMENT_ACTION_REQUIRED,
        Events.event("evt_1", "invoice.payment_action_required", Events.INVOICE_PAYMENT_ACTION_REQUIRED_DATA),
        WebhookEventType.LICENSE_SUSPENDED, Events.event("evt_1", "license.suspended", Events.LICENSE_SUSPENDED_DATA),
        WebhookEventType.LICENSE_REACTIVATED,
        Events.event("evt_1", "license.reactivated", Events.LICENSE_REACTIVATED_DATA));

    for (WebhookEventType type : WebhookEventType.values()) {
      if (type == WebhookEventType.UNKNOWN) {
        assertThat(type.value()).isEmpty();
        continue;
      }
      WebhookEvent event = deliver(bodies.get(type));
      assertThat(event.type()).isEqualTo(type);
      assertThat(event.typeName()).isEqualTo(type.value());
      assertThat(WebhookEventType.of(type.value())).isEqualTo(type);
    }
  }

  @Test
  void eventsBuiltByHandForTestsOfHandlers() {
    InvoicePaid paid = InvoicePaid.builder()
        .id("evt_1")
        .createdAt(NOW)
        .customerId(CustomerId.of("200001"))
        .invoiceId(InvoiceId.of("in_7"))
        .amount(Money.ofMinor(11900, "EUR"))
        .paidAt(NOW)
        .build();

    assertThat(paid.typeName()).isEqualTo("invoice.paid");
    assertThat(paid.data()).isEmpty();
    assertThat(paid.toString()).startsWith("InvoicePaid{").contains("invoiceId=in_7");
    assertThat(UnknownEvent.builder().id("evt_2").createdAt(NOW).typeName("x.y").putData("k", null).build().data())
        .containsEntry("k", null);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "not json", "[]", "null", "42", "{\"id\":\"evt_1\"", "{} {}",
      "{\"type\":\"invoice.paid\",\"created_at\":\"2026-03-01T10:15:30Z\",\"data\":{}}",
      "{\"id\":\"evt_1\",\"created_at\":\"2026-03-01T10:15:30Z\",\"data\":{}}",
      "{\"id\":\"evt_1\",\"type\":\"x.y\",\"data\":{}}",
      "{\"id\":\"evt_1\",\"type\":\"x.y\",\"created_at\":\"2026-03-01T10:15:30Z\"}",
      "{\"id\":\"evt_1\",\"type\":\"x.y\",\"created_at\":\"2026-03-01T10:15:30Z\",\"data\":[]}",
      "{\"id\":\"evt_1\",\"type\":\"x.y\",\"created_at\":\"2026-03-01T10:15:30Z\",\"data\":\"text\"}",
      "{\"id\":\"evt_1\",\"type\":\"x.y\",\"created_at\":\"yesterday\",\"data\":{}}"})
  void aBodyThatIsNotAnEventIsRefused(String body) {
    WebhookVerificationException e = refused(body);

    assertThat(e).isNotNull();
    assertThat(e.reason()).isEqualTo(Reason.INVALID_PAYLOAD);
  }

  @Test
  void aMissingRequiredFieldIsNamed() {
    String data = Events.INVOICE_PAID_DATA.replace("\"invoice_id\":\"in_7\",", "");

    assertThat(refused(Events.event("evt_1", "invoice.paid", data)))
        .hasMessage("Required field data.invoice_id is missing from the event");
    assertThat(refused(Events.event("evt_1", "license.renewed",
            Events.LICENSE_RENEWED_DATA.replace(",\"renews_at\":\"2027-03-01T00:00:00Z\"", ""))))
        .hasMessage("Required field data.renews_at is missing from the event");
    assertThat(refused(Events.event("evt_1", "payment_method.expiring",
            Events.PAYMENT_METHOD_EXPIRING_DATA.replace(",\"preferred\":true", ""))))
        .hasMessage("Required field data.preferred is missing from the event");
  }

  @Test
  void malformedFieldsOfAKnownTypeAreRefused() {
    assertThat(refused(Events.event("evt_1", "invoice.paid", Events.INVOICE_PAID_DATA.replace("in_7", "inv-7"))))
        .hasMessageStartingWith("Field data.invoice_id is malformed");
    assertThat(refused(Events.event("evt_1", "invoice.paid", Events.INVOICE_PAID_DATA.replace("200001", "12"))))
        .hasMessageStartingWith("Field data.customer_id is malformed");
    assertThat(refused(Events.event("evt_1", "invoice.paid", Events.INVOICE_PAID_DATA.replace("11900", "-5"))))
        .hasMessageStartingWith("Fields data.amount and data.currency are not an amount");
    assertThat(refused(Events.event("evt_1", "invoice.paid", Events.INVOICE_PAID_DATA.replace("EUR", "EURO"))))
        .hasMessageStartingWith("Fields data.amount and data.currency are not an amount");
    assertThat(refused(Events.event("evt_1", "invoice.paid", Events.INVOICE_PAID_DATA.replace("11900", "true"))))
        .hasMessageContaining("$.data.amount");
    assertThat(refused(Events.event("evt_1", "invoice.paid",
            Events.INVOICE_PAID_DATA.replace("2026-03-01T10:15:29Z", "2026-03-01"))))
        .hasMessage("Field data.paid_at is not an RFC 3339 timestamp");
    assertThat(refused(Events.event("evt_1", "payment_method.expiring",
            Events.PAYMENT_METHOD_EXPIRING_DATA.replace("\"exp_month\":4", "\"exp_month\":13"))))
        .hasMessage("Fields data.exp_month and data.exp_year are not a month");
    assertThat(refused(Events.event("evt_1", "payment_method.expiring",
            Events.PAYMENT_METHOD_EXPIRING_DATA.replace("\"exp_month\":4", "\"exp_month\":4.5"))).reason())
        .isEqualTo(Reason.INVALID_PAYLOAD);
    assertThat(refused(Events.event("evt_1", "payment_method.updated",
            Events.PAYMENT_METHOD_UPDATED_DATA.replace("\"exp_year\":2030", "\"exp_year\":null"))))
        .hasMessage("data.exp_month and data.exp_year come together; the event has only one");
    assertThat(refused(Events.event("evt_1", "invoice.paid", "{\"customer_id\":\"200001\"}")).reason())
        .isEqualTo(Reason.INVALID_PAYLOAD);
  }
}
