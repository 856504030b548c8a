package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Saving a card whose bank asks for authentication: the token says so, a card setup waits for
 * the customer at the bank's page, and the token it answers stores the card as usable without
 * the customer. Every answer of the API is checked against the contract by {@link SandboxHttp}.
 */
class CardSetupsTest extends SandboxTestCase {
  private static final String SETUPS = "/v1/accounts/200001/card_setups";
  private static final String BACK = "https://shop.example/card-done?session=7";

  private static Reply create(String token) {
    return http.post(SETUPS, "{\"token\":\"" + token + "\",\"return_url\":\"" + BACK + "\"}");
  }

  private static Reply complete(String setupId) {
    return http.post(SETUPS + "/" + setupId + "/complete", null);
  }

  private static Reply bank(String setupId, String answer) {
    return http.send("POST", AuthenticationPages.PATH_PREFIX + setupId + "/" + answer, null, Map.of());
  }

  @Test
  void aTokenSaysWhenTheCardsBankAsksForAuthentication() {
    for (String number : new String[] {"4000002500003155", "4000002760003184"}) {
      Reply token = http.post("/v1/tokens", cardJson(number, 12, 2030, "123"));
      assertThat(token.get("requires_authentication")).as(number).isEqualTo(true);
    }
    Reply plain = http.post("/v1/tokens", cardJson("4242424242424242", 12, 2030, "123"));
    assertThat(plain.get("requires_authentication")).isEqualTo(false);
  }

  @Test
  void aSetupWaitsForTheCustomerThenAnswersTheTokenThatStoresTheCardForChargesWithoutThem() {
    Reply setup = create(token("4000002500003155"));

    assertThat(setup.status()).isEqualTo(201);
    String id = setup.string("id");
    assertThat(id).matches("cs_[A-Za-z0-9]+");
    assertThat(setup.string("status")).isEqualTo("requires_action");
    assertThat(setup.string("next_action.url")).isEqualTo(sandbox.baseUrl() + "sandbox/3ds/" + id);
    assertThat(setup.get("token")).isNull();
    Reply waiting = complete(id);
    assertThat(waiting.status()).isEqualTo(200);
    assertThat(waiting.string("status")).isEqualTo("requires_action");

    Reply page = http.send("GET", AuthenticationPages.PATH_PREFIX + id, null, Map.of());
    assertThat(page.body()).contains("Visa card ending in 3155").doesNotContain("4000002500003155");
    Reply answered = bank(id, "authenticate");
    assertThat(answered.status()).isEqualTo(303);
    assertThat(answered.header("Location")).isEqualTo(BACK + "&setup_id=" + id);

    Reply done = complete(id);
    assertThat(done.string("status")).isEqualTo("succeeded");
    assertThat(done.get("next_action")).isNull();
    String token = done.string("token");
    assertThat(complete(id).string("token")).as("the same token until it is attached").isEqualTo(token);
    Reply card = attach("200001", token);
    assertThat(card.status()).isEqualTo(201);
    assertThat(card.get("usable_off_session")).isEqualTo(true);
    assertThat(card.string("card.last4")).isEqualTo("3155");
    Reply again = complete(id);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.string("error.code")).isEqualTo("setup_already_completed");
  }

  @Test
  void aCardWhoseBankAsksNothingSucceedsAtOnceAndACardSavedWithoutItsAuthenticationIsNotUsableOffSession() {
    Reply plain = create(token("4242424242424242"));
    assertThat(plain.string("status")).isEqualTo("succeeded");
    assertThat(attach("200001", plain.string("token")).get("usable_off_session")).isEqualTo(true);

    Reply direct = attach("200001", token("4000002500003155"));
    assertThat(direct.status()).isEqualTo(201);
    assertThat(direct.get("usable_off_session")).isEqualTo(false);
  }

  @Test
  void aFailedAuthenticationIsADeclineAndStoresNothing() {
    String id = create(token("4000002760003184")).string("id");

    assertThat(bank(id, "fail").header("Location")).isEqualTo(BACK + "&setup_id=" + id);
    Reply failed = complete(id);

    assertThat(failed.status()).isEqualTo(402);
    assertThat(failed.string("error.type")).isEqualTo("card_error");
    assertThat(failed.string("error.code")).isEqualTo("card_declined");
    assertThat(failed.string("error.decline_code")).isEqualTo("authentication_failed");
    assertThat(bank(id, "authenticate").status()).as("answered once").isEqualTo(409);
    assertThat(http.get("/v1/accounts/200001/payment_methods").list("data")).hasSize(1);
  }

  @Test
  void aSetupSpendsItsCardTokenAndChecksTheCardAsStoringItWould() {
    String token = token("4000002500003155");
    create(token);

    assertThat(attach("200001", token).string("error.code")).isEqualTo("token_already_used");
    assertThat(create(token).string("error.code")).isEqualTo("token_already_used");
    Reply declined = create(token("4000000000000002"));
    assertThat(declined.status()).isEqualTo(402);
    assertThat(declined.string("error.decline_code")).isEqualTo("generic_decline");
    assertThat(create("tok_unknown").string("error.code")).isEqualTo("resource_missing");
  }

  @Test
  void anotherAccountsSetupIsNotFoundAndBadInputIsRefused() {
    String id = create(token("4000002500003155")).string("id");

    assertThat(http.post("/v1/accounts/100001/card_setups/" + id + "/complete", null).status()).isEqualTo(404);
    Reply noUrl = http.post(SETUPS, "{\"token\":\"" + token("4242424242424242") + "\",\"return_url\":\"ftp://x\"}");
    assertThat(noUrl.status()).isEqualTo(400);
    assertThat(noUrl.string("error.param")).isEqualTo("return_url");
    assertThat(http.post(SETUPS, "{\"token\":\"x\"}").string("error.param")).isEqualTo("token");
  }

  @Test
  void withoutAReturnUrlTheBanksPageTellsTheCustomerToCloseIt() {
    String id = http.post(SETUPS, "{\"token\":\"" + token("4000002500003155") + "\"}").string("id");

    Reply answered = bank(id, "authenticate");

    assertThat(answered.status()).isEqualTo(200);
    assertThat(answered.header("Location")).isNull();
    assertThat(answered.body()).contains("succeeded", "close this window");
  }

  @Test
  void aKeptAnswerThatWaitedIsReplayedAsTheSetupStandsNow() {
    String token = token("4000002500003155");
    String body = "{\"token\":\"" + token + "\",\"return_url\":\"" + BACK + "\"}";
    Reply first = http.post(SETUPS, body, "setup-1");
    String id = first.string("id");
    Reply waiting = http.post(SETUPS + "/" + id + "/complete", null, "complete-1");
    bank(id, "authenticate");

    Reply createdAgain = http.post(SETUPS, body, "setup-1");
    Reply completedAgain = http.post(SETUPS + "/" + id + "/complete", null, "complete-1");

    assertThat(waiting.string("status")).isEqualTo("requires_action");
    assertThat(createdAgain.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(createdAgain.status()).isEqualTo(201);
    assertThat(createdAgain.string("status")).isEqualTo("succeeded");
    assertThat(completedAgain.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(completedAgain.string("token")).isEqualTo(createdAgain.string("token"));
  }
}
