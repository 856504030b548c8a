package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tokenization checks the card the way a processor does; the sandbox clock stands at 2026-11-26. */
class TokensTest extends SandboxTestCase {

  @ParameterizedTest
  @CsvSource({
      "4242424242424242, 123, visa, 4242",
      "5555555555554444, 123, mastercard, 4444",
      "2223003122003222, 123, mastercard, 3222",
      "378282246310005, 1234, amex, 0005",
      "3566002020360505, 123, jcb, 0505",
      "4000000000000341, 123, visa, 0341",
      "4000002760003184, 123, visa, 3184"})
  void acceptedCardsBecomeTokens(String number, String cvc, String brand, String last4) {
    Reply reply = http.post("/v1/tokens", cardJson(number, 11, 2026, cvc));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.string("id")).matches("tok_[A-Za-z0-9]+");
    assertThat(reply.string("type")).isEqualTo("card");
    assertThat(reply.string("created_at")).isEqualTo("2026-11-26T09:30:00Z");
    assertThat(reply.string("card.brand")).isEqualTo(brand);
    assertThat(reply.string("card.last4")).isEqualTo(last4);
    assertThat(reply.number("card.exp_month")).isEqualTo(11);
    assertThat(reply.number("card.exp_year")).isEqualTo(2026);
    assertThat(reply.body()).doesNotContain(number);
  }

  @Test
  void holderNameIsKept() {
    Reply reply = http.post("/v1/tokens", "{\"type\":\"card\",\"card\":{\"number\":\"4242424242424242\","
        + "\"exp_month\":1,\"exp_year\":2031,\"cvc\":\"123\",\"holder_name\":\"Zoé Dupont\"}}");

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.string("card.holder_name")).isEqualTo("Zoé Dupont");
  }

  @ParameterizedTest
  @CsvSource({
      "4242424242424241, invalid_number",
      "4242424242424, invalid_number",
      "5555555555554445, invalid_number",
      "6011111111111117, card_brand_unsupported",
      "36227206271667, card_brand_unsupported",
      "6200000000000005, card_brand_unsupported",
      "555555550000006, invalid_number",
      "3782822463000005, invalid_number",
      "2721000000000004, card_brand_unsupported"})
  void badOrUnsupportedNumbersAreRefused(String number, String code) {
    Reply reply = http.post("/v1/tokens", cardJson(number, 12, 2030, "123"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.type")).isEqualTo("invalid_request_error");
    assertThat(reply.string("error.code")).isEqualTo(code);
    assertThat(reply.string("error.param")).isEqualTo("card.number");
  }

  @ParameterizedTest
  @CsvSource({
      "abcd424242424242, card.number",
      "42424242424, card.number",
      "42424242424242424242, card.number"})
  void numbersThatAreNotDigitStringsAreInvalidParameters(String number, String param) {
    Reply reply = http.post("/v1/tokens", cardJson(number, 12, 2030, "123"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.code")).isEqualTo("parameter_invalid");
    assertThat(reply.string("error.param")).isEqualTo(param);
  }

  @ParameterizedTest
  @CsvSource({"10, 2026, card.exp_month", "12, 2025, card.exp_year", "1, 2000, card.exp_year"})
  void pastExpiryIsRefused(int month, int year, String param) {
    Reply reply = http.post("/v1/tokens", cardJson("4242424242424242", month, year, "123"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.code")).isEqualTo("invalid_expiry");
    assertThat(reply.string("error.param")).isEqualTo(param);
  }

  @ParameterizedTest
  @CsvSource({"378282246310005, 123", "4242424242424242, 1234", "3566002020360505, 1234"})
  void cvcLengthMustFitTheBrand(String number, String cvc) {
    Reply reply = http.post("/v1/tokens", cardJson(number, 12, 2030, cvc));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.code")).isEqualTo("invalid_cvc");
    assertThat(reply.string("error.param")).isEqualTo("card.cvc");
  }

  @Test
  void cvcMustBeDigits() {
    Reply reply = http.post("/v1/tokens", cardJson("4242424242424242", 12, 2030, "12a"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.code")).isEqualTo("parameter_invalid");
    assertThat(reply.string("error.param")).isEqualTo("card.cvc");
  }
}
