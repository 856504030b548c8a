package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Removing a method hands out a restore token that puts the same method back within an hour. */
class RestoreTokensTest extends SandboxTestCase {
  private static final String MARTIN = "100002";
  private static final String MARTIN_VISA = "pm_demo100002visa";
  private static final String NORDLICHT = "200001";
  private static final String NORDLICHT_MASTERCARD = "pm_demo200001mastercard";

  private static String remove(String customerId, String paymentMethodId) {
    Reply removed = http.delete("/v1/accounts/" + customerId + "/payment_methods/" + paymentMethodId);
    assertThat(removed.status()).isEqualTo(200);
    assertThat(removed.string("id")).isEqualTo(paymentMethodId);
    assertThat(removed.get("deleted")).isEqualTo(true);
    return removed.string("restore_token");
  }

  private static Reply attachPreferred(String customerId, String token, boolean preferred) {
    return http.post("/v1/accounts/" + customerId + "/payment_methods",
        "{\"token\":\"" + token + "\",\"preferred\":" + preferred + "}");
  }

  private static void assertTokenError(Reply reply, String code) {
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.type")).isEqualTo("invalid_request_error");
    assertThat(reply.string("error.code")).isEqualTo(code);
    assertThat(reply.string("error.param")).isEqualTo("token");
  }

  // ---- Portal I

  @Test
  void removalAnswersAFreshRestoreToken() {
    String first = remove(MARTIN, MARTIN_VISA);
    assertThat(attach(MARTIN, first).status()).isEqualTo(201);
    String second = remove(MARTIN, MARTIN_VISA);

    assertThat(first).matches("tok_[A-Za-z0-9]{1,64}");
    assertThat(second).matches("tok_[A-Za-z0-9]{1,64}").isNotEqualTo(first);
  }

  @Test
  void portalIRestoresTheSameMethodAsPreferred() {
    Reply before = http.get("/v1/accounts/" + MARTIN + "/payment_methods/" + MARTIN_VISA);
    String restoreToken = remove(MARTIN, MARTIN_VISA);
    assertThat(http.get("/v1/accounts/" + MARTIN).get("preferred_payment_method")).isNull();

    Reply restored = attach(MARTIN, restoreToken);

    assertThat(restored.status()).isEqualTo(201);
    assertThat(restored.string("id")).isEqualTo(MARTIN_VISA);
    assertThat(restored.get("preferred")).isEqualTo(true);
    assertThat(restored.json()).isEqualTo(before.json());
    assertThat(http.get("/v1/accounts/" + MARTIN).string("preferred_payment_method.id")).isEqualTo(MARTIN_VISA);
    assertThat(http.get("/v1/accounts/" + MARTIN + "/payment_methods").list("data")).hasSize(1);
  }

  @Test
  void restoreKeepsEveryCardDetail() {
    Reply token = http.post("/v1/tokens", "{\"type\":\"card\",\"card\":{\"number\":\"378282246310005\","
        + "\"exp_month\":7,\"exp_year\":2031,\"cvc\":\"1234\",\"holder_name\":\"Zoé Dupont\"}}");
    Reply stored = attach("100001", token.string("id"));
    sandbox.clock().advance(Duration.ofMinutes(5));

    Reply restored = attach("100001", remove("100001", stored.string("id")));

    assertThat(restored.status()).isEqualTo(201);
    assertThat(restored.json()).isEqualTo(stored.json());
    assertThat(restored.string("card.brand")).isEqualTo("amex");
    assertThat(restored.string("card.last4")).isEqualTo("0005");
    assertThat(restored.number("card.exp_month")).isEqualTo(7);
    assertThat(restored.number("card.exp_year")).isEqualTo(2031);
    assertThat(restored.string("card.holder_name")).isEqualTo("Zoé Dupont");
  }

  @Test
  void portalISwitchWithACardDeclinedAtAttachPutsTheOldMethodBack() {
    // As PaymentMethods.switchPreferred does it: tokenize, remove the old, attach the new, and on
    // failure attach the restore token.
    String newToken = token("4000000000000002");
    String restoreToken = remove(MARTIN, MARTIN_VISA);

    String key = UUID.randomUUID().toString();
    Reply declined = http.post("/v1/accounts/" + MARTIN + "/payment_methods",
        "{\"token\":\"" + newToken + "\"}", key);
    assertThat(declined.status()).isEqualTo(402);
    assertThat(declined.string("error.code")).isEqualTo("card_declined");
    assertThat(declined.string("error.decline_code")).isEqualTo("generic_decline");
    assertThat(http.get("/v1/accounts/" + MARTIN).get("preferred_payment_method")).isNull();

    Reply restored = http.post("/v1/accounts/" + MARTIN + "/payment_methods",
        "{\"token\":\"" + restoreToken + "\"}", key + ":restore");

    assertThat(restored.status()).isEqualTo(201);
    assertThat(restored.string("id")).isEqualTo(MARTIN_VISA);
    assertThat(restored.get("preferred")).isEqualTo(true);
    Reply account = http.get("/v1/accounts/" + MARTIN);
    assertThat(account.string("preferred_payment_method.id")).isEqualTo(MARTIN_VISA);
    assertThat(account.string("preferred_payment_method.card.last4")).isEqualTo("4242");
    assertThat(http.get("/v1/accounts/" + MARTIN + "/payment_methods").list("data")).hasSize(1);
  }

  @Test
  void portalIRefusesARestoreWhileAnotherMethodIsStoredAndKeepsTheToken() {
    String restoreToken = remove(MARTIN, MARTIN_VISA);
    String mastercard = attach(MARTIN, token("5555555555554444")).string("id");

    Reply refused = attach(MARTIN, restoreToken);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.string("error.type")).isEqualTo("conflict_error");
    assertThat(refused.string("error.code")).isEqualTo("portal_single_method");
    remove(MARTIN, mastercard);
    Reply restored = attach(MARTIN, restoreToken);
    assertThat(restored.status()).isEqualTo(201);
    assertThat(restored.string("id")).isEqualTo(MARTIN_VISA);
  }

  @Test
  void restoreDoesNotVerifyTheCardAgain() {
    // Stored while valid; by the time it is removed and restored its expiry month has passed.
    String stored = attach("100001", http.post("/v1/tokens", cardJson("4242424242424242", 11, 2026, "123"))
        .string("id")).string("id");
    sandbox.clock().advance(Duration.ofDays(10));

    Reply restored = attach("100001", remove("100001", stored));

    assertThat(restored.status()).isEqualTo(201);
    assertThat(restored.string("id")).isEqualTo(stored);
    assertThat(restored.number("card.exp_month")).isEqualTo(11);
  }

  // ---- single use, expiry, other accounts

  @Test
  void aRestoreTokenIsSingleUse() {
    String restoreToken = remove(MARTIN, MARTIN_VISA);
    assertThat(attach(MARTIN, restoreToken).status()).isEqualTo(201);
    remove(MARTIN, MARTIN_VISA);

    assertTokenError(attach(MARTIN, restoreToken), "token_already_used");
    assertThat(http.get("/v1/accounts/" + MARTIN + "/payment_methods").list("data")).isEmpty();
  }

  @Test
  void aRetryWithTheSameKeyReplaysTheRestore() {
    String restoreToken = remove(MARTIN, MARTIN_VISA);
    String key = UUID.randomUUID().toString();
    String body = "{\"token\":\"" + restoreToken + "\"}";

    Reply first = http.post("/v1/accounts/" + MARTIN + "/payment_methods", body, key);
    Reply again = http.post("/v1/accounts/" + MARTIN + "/payment_methods", body, key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.body()).isEqualTo(first.body());
  }

  @Test
  void aRestoreTokenIsGoodForOneHourOfSandboxTime() {
    String restoreToken = remove(MARTIN, MARTIN_VISA);
    sandbox.clock().advance(Duration.ofHours(1));

    Reply restored = attach(MARTIN, restoreToken);

    assertThat(restored.status()).isEqualTo(201);
    assertThat(restored.string("id")).isEqualTo(MARTIN_VISA);
  }

  @Test
  void aRestoreTokenExpiresAfterOneHour() {
    String restoreToken = remove(MARTIN, MARTIN_VISA);
    sandbox.clock().advance(Duration.ofHours(1).plusSeconds(1));

    assertTokenError(attach(MARTIN, restoreToken), "token_expired");
    assertThat(http.get("/v1/accounts/" + MARTIN + "/payment_methods").list("data")).isEmpty();
    assertThat(http.get("/v1/accounts/" + MARTIN).get("preferred_payment_method")).isNull();
  }

  @Test
  void aRestoreTokenIsUnknownToAnotherAccountAndStaysGoodForItsOwn() {
    String restoreToken = remove(MARTIN, MARTIN_VISA);

    assertTokenError(attach("100001", restoreToken), "resource_missing");
    assertThat(http.get("/v1/accounts/100001/payment_methods").list("data")).isEmpty();

    Reply restored = attach(MARTIN, restoreToken);
    assertThat(restored.status()).isEqualTo(201);
    assertThat(restored.string("id")).isEqualTo(MARTIN_VISA);
  }

  // ---- Portal II

  @Test
  void portalIIRestoresAsPreferredWhenNoneIsPreferred() {
    String visa = attach(NORDLICHT, token("4242424242424242")).string("id");
    String restoreToken = remove(NORDLICHT, NORDLICHT_MASTERCARD);
    assertThat(http.get("/v1/accounts/" + NORDLICHT).get("preferred_payment_method")).isNull();

    Reply restored = attach(NORDLICHT, restoreToken);

    assertThat(restored.status()).isEqualTo(201);
    assertThat(restored.string("id")).isEqualTo(NORDLICHT_MASTERCARD);
    assertThat(restored.get("preferred")).isEqualTo(true);
    assertThat(http.get("/v1/accounts/" + NORDLICHT).string("preferred_payment_method.id"))
        .isEqualTo(NORDLICHT_MASTERCARD);
    assertThat(http.get("/v1/accounts/" + NORDLICHT + "/payment_methods/" + visa).get("preferred")).isEqualTo(false);
  }

  @Test
  void portalIIRestoresUnmarkedWhenAnotherIsPreferred() {
    String visa = attach(NORDLICHT, token("4242424242424242")).string("id");
    String restoreToken = remove(NORDLICHT, visa);

    Reply restored = attach(NORDLICHT, restoreToken);

    assertThat(restored.status()).isEqualTo(201);
    assertThat(restored.string("id")).isEqualTo(visa);
    assertThat(restored.get("preferred")).isEqualTo(false);
    assertThat(http.get("/v1/accounts/" + NORDLICHT).string("preferred_payment_method.id"))
        .isEqualTo(NORDLICHT_MASTERCARD);
    assertThat(http.get("/v1/accounts/" + NORDLICHT + "/payment_methods").list("data")).hasSize(2);
  }

  @Test
  void portalIIRestoreWithPreferredTrueTakesTheMark() {
    String visa = attach(NORDLICHT, token("4242424242424242")).string("id");
    String restoreToken = remove(NORDLICHT, visa);

    Reply restored = attachPreferred(NORDLICHT, restoreToken, true);

    assertThat(restored.get("preferred")).isEqualTo(true);
    assertThat(http.get("/v1/accounts/" + NORDLICHT).string("preferred_payment_method.id")).isEqualTo(visa);
    assertThat(http.get("/v1/accounts/" + NORDLICHT + "/payment_methods/" + NORDLICHT_MASTERCARD).get("preferred"))
        .isEqualTo(false);
  }

  @Test
  void portalIIRestoreWithPreferredFalseStaysUnmarked() {
    String restoreToken = remove(NORDLICHT, NORDLICHT_MASTERCARD);

    Reply restored = attachPreferred(NORDLICHT, restoreToken, false);

    assertThat(restored.status()).isEqualTo(201);
    assertThat(restored.get("preferred")).isEqualTo(false);
    assertThat(http.get("/v1/accounts/" + NORDLICHT).get("preferred_payment_method")).isNull();
  }
}
