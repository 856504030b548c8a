package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Card numbers and CVCs go to the sandbox in one request only, and never come back in any answer. */
class CardDataNeverLeaksTest extends SandboxTestCase {
  private static final String AMEX = "378282246310005";
  private static final String AMEX_CVC = "7319";
  private static final String DECLINING = "4000000000009995";

  @Test
  void noAnswerRepeatsACardNumberOrCvc() {
    List<Reply> replies = new ArrayList<>();
    // Accepted and refused tokenizations, with the number and CVC in every field that can go wrong.
    replies.add(http.post("/v1/tokens", cardJson(AMEX, 12, 2030, AMEX_CVC)));
    replies.add(http.post("/v1/tokens", cardJson(AMEX, 12, 2030, AMEX_CVC), "leak-replay"));
    replies.add(http.post("/v1/tokens", cardJson(AMEX, 12, 2030, AMEX_CVC), "leak-replay"));
    replies.add(http.post("/v1/tokens", cardJson("378282246310006", 12, 2030, AMEX_CVC)));
    replies.add(http.post("/v1/tokens", cardJson(AMEX, 12, 2020, AMEX_CVC)));
    replies.add(http.post("/v1/tokens", cardJson(AMEX, 12, 2030, "731")));
    replies.add(http.post("/v1/tokens", cardJson("6011000990139424", 12, 2030, AMEX_CVC)));
    replies.add(http.post("/v1/tokens", "{\"type\":\"card\",\"card\":{\"number\":\"" + AMEX
        + "\",\"exp_month\":12,\"exp_year\":2030,\"cvc\":" + AMEX_CVC + "}}"));
    replies.add(http.post("/v1/tokens", "{\"type\":\"card\",\"card\":{\"number\":" + AMEX
        + ",\"exp_month\":12,\"exp_year\":2030,\"cvc\":\"" + AMEX_CVC + "\"}}"));
    replies.add(http.post("/v1/tokens", "{\"type\":\"card\",\"card\":{\"number\":\"" + AMEX
        + "\",\"exp_month\":12,\"exp_year\":2030,\"cvc\":\"" + AMEX_CVC + "\",\"" + AMEX + "\":\"" + AMEX_CVC + "\"}}"));
    replies.add(http.post("/v1/tokens", "{\"type\":\"card\",\"card\":{\"number\":\"" + AMEX + "\",\"cvc\":\"" + AMEX_CVC));
    replies.add(http.post("/v1/tokens", "{\"type\":\"card\",\"card\":{\"number\":\"" + AMEX + "\"" + AMEX_CVC + "}}"));
    replies.add(http.post("/v1/tokens", "{\"" + AMEX + "\":1,\"" + AMEX + "\":2}"));
    // Card data where it does not belong: in paths, query strings and other bodies.
    replies.add(http.get("/v1/accounts/" + AMEX));
    replies.add(http.get("/v1/" + AMEX + "/cards"));
    replies.add(http.get("/v1/accounts/200001/invoices?" + AMEX + "=" + AMEX_CVC));
    replies.add(http.get("/v1/accounts/200001/invoices?starting_after=" + AMEX));
    replies.add(http.get("/v1/accounts/200001/payment_methods/pm_" + AMEX));
    replies.add(http.post("/v1/accounts/200001/payment_methods", "{\"token\":\"" + AMEX + "\"}"));
    replies.add(http.post("/v1/accounts/200001/payment_methods", "{\"token\":\"tok_" + AMEX + "\"}"));
    replies.add(http.post("/v1/accounts/200001/invoices/in_demo200001b/pay",
        "{\"payment_method_id\":\"pm_" + AMEX + "\"}"));
    // Stored and charged cards, declined on the way.
    replies.add(attach("300001", token(DECLINING)));
    replies.add(http.post("/v1/accounts/300001/invoices/in_demo300001a/pay", "{}"));
    replies.add(attach("200001", token("4000000000009987")));
    replies.add(http.get("/v1/accounts/300001"));
    replies.add(http.get("/v1/accounts/300001/payment_methods"));

    for (Reply reply : replies) {
      String everything = reply.headers().map() + "\n" + reply.body();
      assertThat(everything).doesNotContain(AMEX).doesNotContain(DECLINING).doesNotContain("4000000000009987")
          .doesNotContain(AMEX_CVC).doesNotContain("378282246310006").doesNotContain("6011000990139424");
      if (reply.status() >= 400) {
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        assertThat(reply.json()).isInstanceOf(Map.class);
      }
    }
    assertThat(replies).extracting(Reply::status).contains(201, 200, 400, 402, 404);
  }
}
