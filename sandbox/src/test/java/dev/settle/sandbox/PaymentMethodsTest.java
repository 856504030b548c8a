package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentMethodsTest extends SandboxTestCase {

  // ---- Portal I: one stored method, always preferred

  @Test
  void portalIStoresItsFirstMethodAsPreferred() {
    Reply reply = http.post("/v1/accounts/100001/payment_methods",
        "{\"token\":\"" + token("5555555555554444") + "\",\"preferred\":false}");

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.string("id")).matches("pm_[A-Za-z0-9]+");
    assertThat(reply.string("type")).isEqualTo("card");
    assertThat(reply.get("preferred")).isEqualTo(true);
    assertThat(reply.string("card.brand")).isEqualTo("mastercard");
    assertThat(reply.string("card.last4")).isEqualTo("4444");
    assertThat(http.get("/v1/accounts/100001").string("preferred_payment_method.id")).isEqualTo(reply.string("id"));
  }

  @Test
  void portalIRefusesASecondMethodAndKeepsTheToken() {
    String token = token("5555555555554444");

    Reply refused = attach("100002", token);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.string("error.type")).isEqualTo("conflict_error");
    assertThat(refused.string("error.code")).isEqualTo("portal_single_method");
    assertThat(http.get("/v1/accounts/100002/payment_methods").list("data")).hasSize(1);

    // Switching on Portal I: remove, then add; the refused token is still good.
    assertThat(http.delete("/v1/accounts/100002/payment_methods/pm_demo100002visa").status()).isEqualTo(200);
    Reply added = attach("100002", token);
    assertThat(added.status()).isEqualTo(201);
    assertThat(added.get("preferred")).isEqualTo(true);
    assertThat(http.get("/v1/accounts/100002").string("preferred_payment_method.card.last4")).isEqualTo("4444");
  }

  @Test
  void portalIMakePreferredOnItsMethodChangesNothing() {
    Reply reply = http.postWithoutKey("/v1/accounts/100002/payment_methods/pm_demo100002visa/make_preferred", null);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.get("preferred")).isEqualTo(true);
    assertThat(http.get("/v1/accounts/100002").string("preferred_payment_method.id")).isEqualTo("pm_demo100002visa");
  }

  // ---- Portal II: many methods, at most one preferred

  @Test
  void portalIIFirstMethodBecomesPreferredAndLaterOnesDoNot() {
    Reply first = attach("300001", token("4242424242424242"));
    Reply second = attach("300001", token("378282246310005"));

    assertThat(first.get("preferred")).isEqualTo(true);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.get("preferred")).isEqualTo(false);
    assertThat(http.get("/v1/accounts/300001").string("preferred_payment_method.id")).isEqualTo(first.string("id"));
  }

  @Test
  void portalIIFirstMethodCanBeStoredWithoutPreferring() {
    Reply reply = http.post("/v1/accounts/300001/payment_methods",
        "{\"token\":\"" + token("4242424242424242") + "\",\"preferred\":false}");

    assertThat(reply.get("preferred")).isEqualTo(false);
    assertThat(http.get("/v1/accounts/300001").get("preferred_payment_method")).isNull();
  }

  @Test
  void portalIINewMethodCanTakeThePreferredMark() {
    Reply reply = http.post("/v1/accounts/200001/payment_methods",
        "{\"token\":\"" + token("4242424242424242") + "\",\"preferred\":true}");

    assertThat(reply.get("preferred")).isEqualTo(true);
    assertThat(http.get("/v1/accounts/200001/payment_methods/pm_demo200001mastercard").get("preferred"))
        .isEqualTo(false);
    assertThat(preferredIds("200001")).containsExactly(reply.string("id"));
  }

  @Test
  void makePreferredMovesTheMark() {
    String visa = attach("200001", token("4242424242424242")).string("id");

    Reply reply = http.postWithoutKey("/v1/accounts/200001/payment_methods/" + visa + "/make_preferred", null);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.string("id")).isEqualTo(visa);
    assertThat(reply.get("preferred")).isEqualTo(true);
    assertThat(preferredIds("200001")).containsExactly(visa);
    assertThat(http.get("/v1/accounts/200001").string("preferred_payment_method.id")).isEqualTo(visa);
  }

  @Test
  void removingThePreferredMethodLeavesNonePreferred() {
    String visa = attach("200001", token("4242424242424242")).string("id");

    Reply removed = http.delete("/v1/accounts/200001/payment_methods/pm_demo200001mastercard");

    assertThat(removed.status()).isEqualTo(200);
    assertThat(removed.string("id")).isEqualTo("pm_demo200001mastercard");
    assertThat(removed.get("deleted")).isEqualTo(true);
    assertThat(http.get("/v1/accounts/200001").get("preferred_payment_method")).isNull();
    assertThat(http.get("/v1/accounts/200001/payment_methods/" + visa).get("preferred")).isEqualTo(false);
  }

  @Test
  void removingAnotherMethodKeepsThePreferredOne() {
    String visa = attach("200001", token("4242424242424242")).string("id");

    http.delete("/v1/accounts/200001/payment_methods/" + visa);

    assertThat(http.get("/v1/accounts/200001").string("preferred_payment_method.id")).isEqualTo("pm_demo200001mastercard");
  }

  @Test
  void removedMethodIsGone() {
    http.delete("/v1/accounts/100002/payment_methods/pm_demo100002visa");

    Reply again = http.delete("/v1/accounts/100002/payment_methods/pm_demo100002visa");

    assertThat(again.status()).isEqualTo(404);
    assertThat(again.string("error.param")).isEqualTo("payment_method_id");
    assertThat(http.get("/v1/accounts/100002/payment_methods/pm_demo100002visa").status()).isEqualTo(404);
  }

  @Test
  void methodsAreScopedToTheirAccount() {
    Reply reply = http.get("/v1/accounts/200001/payment_methods/pm_demo100002visa");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.string("error.code")).isEqualTo("resource_missing");
    assertThat(reply.string("error.param")).isEqualTo("payment_method_id");
    assertThat(http.postWithoutKey("/v1/accounts/200001/payment_methods/pm_demo100002visa/make_preferred", null)
        .status()).isEqualTo(404);
  }

  @Test
  void storedMethodShowsItsCard() {
    Reply reply = http.get("/v1/accounts/100002/payment_methods/pm_demo100002visa");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.string("card.brand")).isEqualTo("visa");
    assertThat(reply.string("card.last4")).isEqualTo("4242");
    assertThat(reply.number("card.exp_month")).isEqualTo(12);
    assertThat(reply.number("card.exp_year")).isEqualTo(2029);
    assertThat(reply.string("card.holder_name")).isEqualTo("Claire Martin");
  }

  @Test
  void unknownAccountIsNotFound() {
    Reply reply = attach("999999", token("4242424242424242"));

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.string("error.param")).isEqualTo("customer_id");
  }

  // ---- tokens are single use

  @Test
  void tokenCannotBeAttachedTwice() {
    String token = token("4242424242424242");
    attach("300001", token);

    Reply reply = attach("200001", token);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.type")).isEqualTo("invalid_request_error");
    assertThat(reply.string("error.code")).isEqualTo("token_already_used");
    assertThat(reply.string("error.param")).isEqualTo("token");
  }

  @Test
  void unknownTokenIsMissing() {
    Reply reply = attach("300001", "tok_doesnotexist");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.code")).isEqualTo("resource_missing");
    assertThat(reply.string("error.param")).isEqualTo("token");
  }

  // ---- listing

  @Test
  void listPagesThroughAllMethodsNewestFirst() {
    List<String> attached = new ArrayList<>();
    for (String number : new String[] {"4242424242424242", "5555555555554444", "2223003122003222",
        "378282246310005", "3566002020360505"}) {
      attached.add(0, attach("300001", token(number)).string("id"));
    }

    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Reply page = http.get("/v1/accounts/300001/payment_methods?limit=2"
          + (cursor == null ? "" : "&starting_after=" + cursor));
      pages++;
      page.list("data").forEach(method -> seen.add((String) ((Map<?, ?>) method).get("id")));
      cursor = (String) page.get("next_cursor");
      assertThat(page.get("has_more")).isEqualTo(cursor != null);
    } while (cursor != null);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(attached);
  }

  @Test
  void emptyListHasNoMore() {
    Reply reply = http.get("/v1/accounts/100001/payment_methods");

    assertThat(reply.list("data")).isEmpty();
    assertThat(reply.get("has_more")).isEqualTo(false);
    assertThat(reply.get("next_cursor")).isNull();
  }

  private static List<String> preferredIds(String customerId) {
    List<String> preferred = new ArrayList<>();
    for (Object method : http.get("/v1/accounts/" + customerId + "/payment_methods?limit=100").list("data")) {
      Map<?, ?> fields = (Map<?, ?>) method;
      if (Boolean.TRUE.equals(fields.get("preferred"))) {
        preferred.add((String) fields.get("id"));
      }
    }
    return preferred;
  }
}
