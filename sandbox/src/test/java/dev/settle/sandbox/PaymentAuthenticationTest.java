package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A payment by the customer that their bank asks them to authenticate: it waits at the bank's
 * page, is confirmed once they are back, and pays the invoice once however often it is confirmed,
 * reloaded or retried under its key.
 */
class PaymentAuthenticationTest extends SandboxTestCase {
  private static final String INVOICE = "/v1/accounts/200001/invoices/in_demo200001b";
  private static final String BACK = "https://shop.example/paid";

  private static String storeAskingCard() {
    return attach("200001", token("4000002760003184")).string("id");
  }

  private static Reply pay(String method, String key) {
    return http.post(INVOICE + "/pay", "{\"payment_method_id\":\"" + method + "\",\"return_url\":\"" + BACK + "\"}", key);
  }

  private static Reply confirm(String paymentId) {
    return http.postWithoutKey(INVOICE + "/payments/" + paymentId + "/confirm", null);
  }

  private static Reply bank(String paymentId, String answer) {
    return http.send("POST", AuthenticationPages.PATH_PREFIX + paymentId + "/" + answer, null, Map.of());
  }

  @Test
  void paidOnceHoweverOftenItIsConfirmedReloadedOrRetried() {
    String card = storeAskingCard();
    Reply waiting = pay(card, "pay-b-1");
    String paymentId = waiting.string("id");

    assertThat(waiting.status()).isEqualTo(200);
    assertThat(waiting.string("status")).isEqualTo("requires_action");
    assertThat(waiting.string("next_action.url")).isEqualTo(sandbox.baseUrl() + "sandbox/3ds/" + paymentId);
    assertThat(confirm(paymentId).string("status")).as("before the customer answered").isEqualTo("requires_action");
    assertThat(http.get(INVOICE).string("status")).isEqualTo("open");

    Reply back = bank(paymentId, "authenticate");
    assertThat(back.status()).isEqualTo(303);
    assertThat(back.header("Location")).isEqualTo(BACK + "?payment_id=" + paymentId);

    for (int reload = 0; reload < 3; reload++) {
      Reply confirmed = confirm(paymentId);
      assertThat(confirmed.string("status")).isEqualTo("succeeded");
      assertThat(confirmed.string("id")).isEqualTo(paymentId);
    }
    Reply retried = pay(card, "pay-b-1");
    assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retried.string("status")).as("replayed as the payment stands").isEqualTo("succeeded");
    assertThat(retried.string("id")).isEqualTo(paymentId);
    assertThat(pay(card, "pay-b-2").string("error.code")).isEqualTo("invoice_not_open");

    Reply invoice = http.get(INVOICE);
    assertThat(invoice.string("status")).isEqualTo("paid");
    assertThat(invoice.number("amount_paid")).isEqualTo(9900);
    assertThat(invoice.number("attempt_count")).as("paid by hand, not by the billing system").isZero();
    Reply payments = http.get(INVOICE + "/payments");
    assertThat(payments.list("data")).hasSize(1);
    assertThat(payments.string("data.0.status")).isEqualTo("succeeded");
  }

  @Test
  void aFailedAuthenticationIsADeclineAndTheInvoiceStaysOpen() {
    String paymentId = pay(storeAskingCard(), "pay-b-3").string("id");

    bank(paymentId, "fail");

    Reply refused = confirm(paymentId);
    assertThat(refused.status()).isEqualTo(402);
    assertThat(refused.string("error.code")).isEqualTo("card_declined");
    assertThat(refused.string("error.decline_code")).isEqualTo("authentication_failed");
    assertThat(refused.string("error.payment.id")).isEqualTo(paymentId);
    assertThat(refused.string("error.payment.status")).isEqualTo("failed");
    Reply replayed = http.post(INVOICE + "/pay",
        "{\"payment_method_id\":\"" + refused.string("error.payment.payment_method_id") + "\",\"return_url\":\""
            + BACK + "\"}", "pay-b-3");
    assertThat(replayed.status()).isEqualTo(402);
    assertThat(replayed.string("error.decline_code")).isEqualTo("authentication_failed");
    assertThat(http.get(INVOICE).string("status")).isEqualTo("open");
  }

  @Test
  void aCardSavedWithAuthenticationStillAsksWhenTheCustomerPays() {
    String setup = http.post("/v1/accounts/200001/card_setups", "{\"token\":\"" + token("4000002500003155") + "\"}")
        .string("id");
    bank(setup, "authenticate");
    String card = attach("200001",
        http.post("/v1/accounts/200001/card_setups/" + setup + "/complete", null).string("token")).string("id");

    assertThat(pay(card, "pay-b-4").string("status")).isEqualTo("requires_action");
  }

  @Test
  void aPaymentIsConfirmedOnlyThroughItsOwnInvoice() {
    String paymentId = pay(storeAskingCard(), "pay-b-5").string("id");

    Reply elsewhere = http.postWithoutKey("/v1/accounts/200001/invoices/in_demo200001c/payments/" + paymentId + "/confirm",
        null);

    assertThat(elsewhere.status()).isEqualTo(404);
    assertThat(elsewhere.string("error.param")).isEqualTo("payment_id");
  }

  @Test
  void anInvoicePaidOtherwiseBeforeTheCustomerAuthenticatedIsNotChargedAgain() {
    String paymentId = pay(storeAskingCard(), "pay-b-6").string("id");
    http.post(INVOICE + "/pay", "{\"payment_method_id\":\"pm_demo200001mastercard\"}");

    bank(paymentId, "authenticate");

    Reply answer = confirm(paymentId);
    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.string("error.code")).isEqualTo("invoice_not_open");
    assertThat(http.get(INVOICE).number("amount_paid")).isEqualTo(9900);
  }
}
