package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountsTest extends SandboxTestCase {

  @Test
  void portalIAccountWithoutMethodHasNoPreferred() {
    Reply reply = http.get("/v1/accounts/100001");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).isEqualTo("application/json");
    assertThat(reply.string("customer_id")).isEqualTo("100001");
    assertThat(reply.string("portal")).isEqualTo("I");
    assertThat(reply.string("name")).isEqualTo("Atelier Dupont");
    assertThat(reply.string("currency")).isEqualTo("EUR");
    assertThat(reply.get("preferred_payment_method")).isNull();
    assertThat(reply.string("created_at")).isEqualTo("2025-10-22T09:30:00Z");
  }

  @Test
  void accountEmbedsItsPreferredMethod() {
    Reply reply = http.get("/v1/accounts/200001");

    assertThat(reply.string("portal")).isEqualTo("II");
    assertThat(reply.string("preferred_payment_method.id")).isEqualTo("pm_demo200001mastercard");
    assertThat(reply.get("preferred_payment_method.preferred")).isEqualTo(true);
    assertThat(reply.string("preferred_payment_method.type")).isEqualTo("card");
    assertThat(reply.string("preferred_payment_method.card.brand")).isEqualTo("mastercard");
    assertThat(reply.string("preferred_payment_method.card.last4")).isEqualTo("4444");
  }

  @Test
  void seededAccountsMatchTheDemoList() {
    for (SettleSandbox.DemoAccount demo : sandbox.demoAccounts()) {
      Reply reply = http.get("/v1/accounts/" + demo.customerId());
      assertThat(reply.string("portal")).isEqualTo(demo.portal().name());
      assertThat(reply.string("name")).isEqualTo(demo.name());
      assertThat(reply.string("currency")).isEqualTo(demo.currency());
    }
    assertThat(sandbox.demoAccounts()).extracting(SettleSandbox.DemoAccount::customerId)
        .containsExactly("100001", "100002", "200001", "300001");
  }

  @Test
  void unknownCustomerIsNotFound() {
    Reply reply = http.get("/v1/accounts/999999");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.string("error.type")).isEqualTo("invalid_request_error");
    assertThat(reply.string("error.code")).isEqualTo("resource_missing");
    assertThat(reply.string("error.param")).isEqualTo("customer_id");
    assertThat(reply.string("error.request_id")).isEqualTo(reply.header("Request-Id"));
  }

  @Test
  void customerIdMustBeSixToTwelveDigits() {
    for (String malformed : new String[] {"12345", "1234567890123", "12345a"}) {
      Reply reply = http.get("/v1/accounts/" + malformed);

      assertThat(reply.status()).as(malformed).isEqualTo(400);
      assertThat(reply.string("error.code")).isEqualTo("parameter_invalid");
      assertThat(reply.string("error.param")).isEqualTo("customer_id");
    }
  }
}
