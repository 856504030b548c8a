package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every test card of the README, stored on Portal II account 300001 and charged its JPY invoice. */
class TestCardsTest extends SandboxTestCase {
  private static final String INVOICE = "/v1/accounts/300001/invoices/in_demo300001a";

  @ParameterizedTest
  @ValueSource(strings = {"4242424242424242", "5555555555554444", "2223003122003222", "378282246310005",
      "3566002020360505"})
  void successCardsAttachAndPay(String number) {
    assertThat(attach("300001", token(number)).status()).isEqualTo(201);

    Reply payment = http.post(INVOICE + "/pay", "{}");

    assertThat(payment.status()).isEqualTo(200);
    assertThat(payment.string("status")).isEqualTo("succeeded");
    assertThat(payment.number("amount")).isEqualTo(59800);
    assertThat(payment.string("currency")).isEqualTo("JPY");
    assertThat(http.get(INVOICE).string("status")).isEqualTo("paid");
  }

  @ParameterizedTest
  @CsvSource({
      "4000000000000002, card_declined, generic_decline",
      "4000000000009987, card_declined, lost_card",
      "4000000000009979, card_declined, stolen_card",
      "4000000000000069, expired_card, expired_card",
      "4000000000000127, incorrect_cvc, incorrect_cvc",
      "4000000000000119, processing_error, processing_error"})
  void cardsDeclinedWhenStored(String number, String code, String declineCode) {
    Reply reply = attach("300001", token(number));

    assertThat(reply.status()).isEqualTo(402);
    assertThat(reply.string("error.type")).isEqualTo("card_error");
    assertThat(reply.string("error.code")).isEqualTo(code);
    assertThat(reply.string("error.decline_code")).isEqualTo(declineCode);
    assertThat(reply.string("error.message")).isNotBlank().doesNotContain(number);
    assertThat(http.get("/v1/accounts/300001/payment_methods").list("data")).isEmpty();
    assertThat(http.get("/v1/accounts/300001").get("preferred_payment_method")).isNull();
  }

  @Test
  void lostAndStolenCardsReadAsPlainDeclinesToTheCustomer() {
    String lost = attach("300001", token("4000000000009987")).string("error.message");
    String stolen = attach("300001", token("4000000000009979")).string("error.message");
    String generic = attach("300001", token("4000000000000002")).string("error.message");

    assertThat(lost).isEqualTo(generic);
    assertThat(stolen).isEqualTo(generic);
  }

  @ParameterizedTest
  @CsvSource({"4000000000000341, generic_decline", "4000000000009995, insufficient_funds"})
  void cardsThatAttachButDeclineEveryCharge(String number, String declineCode) {
    String methodId = attach("300001", token(number)).string("id");

    Reply reply = http.post(INVOICE + "/pay", "{}");

    assertThat(reply.status()).isEqualTo(402);
    assertThat(reply.string("error.type")).isEqualTo("card_error");
    assertThat(reply.string("error.code")).isEqualTo("card_declined");
    assertThat(reply.string("error.decline_code")).isEqualTo(declineCode);
    assertThat(reply.string("error.payment.id")).matches("py_[A-Za-z0-9]+");
    assertThat(reply.string("error.payment.status")).isEqualTo("failed");
    assertThat(reply.string("error.payment.decline_code")).isEqualTo(declineCode);
    assertThat(reply.string("error.payment.failure_message")).isEqualTo(reply.string("error.message"));
    assertThat(reply.string("error.payment.payment_method_id")).isEqualTo(methodId);
    assertThat(reply.string("error.payment.invoice_id")).isEqualTo("in_demo300001a");
    assertThat(reply.number("error.payment.amount")).isEqualTo(59800);

    Reply invoice = http.get(INVOICE);
    assertThat(invoice.string("status")).isEqualTo("open");
    assertThat(invoice.number("amount_due")).isEqualTo(59800);
    assertThat(invoice.number("amount_paid")).isZero();

    assertThat(http.post(INVOICE + "/pay", "{}").status()).as("every charge declines").isEqualTo(402);
  }

  @Test
  void theCardShortOfFundsTwiceDeclinesItsFirstTwoChargesThenPays() {
    attach("300001", token("4000000000005266"));

    Reply first = http.post(INVOICE + "/pay", "{}");
    Reply second = http.post(INVOICE + "/pay", "{}");
    Reply third = http.post(INVOICE + "/pay", "{}");

    assertThat(first.string("error.decline_code")).isEqualTo("insufficient_funds");
    assertThat(second.string("error.decline_code")).isEqualTo("insufficient_funds");
    assertThat(third.string("status")).isEqualTo("succeeded");
    assertThat(http.get(INVOICE).string("status")).isEqualTo("paid");
  }

  @ParameterizedTest
  @ValueSource(strings = {"4000002500003155", "4000002760003184"})
  void authenticationCardsAskWhenTheCustomerPaysAndWhenTheyAreSaved(String number) {
    String token = token(number);
    assertThat(http.post("/v1/accounts/300001/card_setups", "{\"token\":\"" + token + "\"}").string("status"))
        .isEqualTo("requires_action");
    attach("300001", token(number));

    assertThat(http.post(INVOICE + "/pay", "{}").string("status")).isEqualTo("requires_action");
  }

  @Test
  void authenticationCardAsksForActionEveryTime() {
    attach("300001", token("4000002760003184"));

    Reply first = http.post(INVOICE + "/pay", "{}");
    Reply second = http.post(INVOICE + "/pay", "{}");

    for (Reply reply : new Reply[] {first, second}) {
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.string("status")).isEqualTo("requires_action");
      assertThat(reply.string("next_action.type")).isEqualTo("redirect_to_url");
      assertThat(reply.string("next_action.url"))
          .isEqualTo(sandbox.baseUrl() + "sandbox/3ds/" + reply.string("id"));
    }
    assertThat(first.string("id")).isNotEqualTo(second.string("id"));
    assertThat(http.get(INVOICE).string("status")).isEqualTo("open");
  }

  @Test
  void authenticatingOnTheSandboxPagePaysTheInvoice() {
    attach("300001", token("4000002760003184"));
    String paymentId = http.post(INVOICE + "/pay", "{}").string("id");

    Reply page = http.send("GET", "/sandbox/3ds/" + paymentId, null, Map.of());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.body()).contains(paymentId).contains("/sandbox/3ds/" + paymentId + "/authenticate");

    Reply done = http.send("POST", "/sandbox/3ds/" + paymentId + "/authenticate", null, Map.of());
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body()).contains("succeeded");

    Reply invoice = http.get(INVOICE);
    assertThat(invoice.string("status")).isEqualTo("paid");
    assertThat(invoice.number("amount_paid")).isEqualTo(59800);

    Reply again = http.send("POST", "/sandbox/3ds/" + paymentId + "/authenticate", null, Map.of());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.string("error.code")).isEqualTo("payment_not_awaiting_action");
  }

  @Test
  void failingAuthenticationLeavesTheInvoiceOpen() {
    attach("300001", token("4000002760003184"));
    String paymentId = http.post(INVOICE + "/pay", "{}").string("id");

    Reply done = http.send("POST", "/sandbox/3ds/" + paymentId + "/fail", null, Map.of());

    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body()).contains("failed");
    assertThat(http.get(INVOICE).string("status")).isEqualTo("open");
  }

  @Test
  void unknownPaymentPageIsNotFoundInTheErrorShape() {
    Reply reply = http.send("GET", "/sandbox/3ds/py_nothing", null, Map.of());

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.header("Content-Type")).isEqualTo("application/json");
    assertThat(reply.string("error.code")).isEqualTo("resource_missing");
  }
}
