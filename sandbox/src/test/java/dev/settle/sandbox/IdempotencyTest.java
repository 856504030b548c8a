package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyTest extends SandboxTestCase {
  private static final String PAY = "/v1/accounts/200001/invoices/in_demo200001b/pay";

  @ParameterizedTest
  @ValueSource(strings = {"/v1/tokens", "/v1/accounts/300001/payment_methods", PAY})
  void operationsThatCreateOrPayRequireAKey(String path) {
    Map<String, String> headers = http.authorized();
    headers.put("Content-Type", "application/json");

    Reply reply = http.send("POST", path, "{}", headers);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.type")).isEqualTo("invalid_request_error");
    assertThat(reply.string("error.code")).isEqualTo("parameter_missing");
    assertThat(reply.string("error.param")).isEqualTo("Idempotency-Key");
  }

  @Test
  void keyLongerThan255IsRefused() {
    Reply reply = http.post(PAY, "{}", "k".repeat(256));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.code")).isEqualTo("parameter_invalid");
    assertThat(reply.string("error.param")).isEqualTo("Idempotency-Key");
  }

  @Test
  void replayReturnsTheSameAnswerAndChargesOnce() {
    Reply first = http.post(PAY, "{}", "pay-once");
    Reply replay = http.post(PAY, "{}", "pay-once");

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.header("Idempotent-Replayed")).isNull();
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replay.header("Original-Request")).isEqualTo(first.header("Request-Id"));
    assertThat(replay.header("Request-Id")).isNotEqualTo(first.header("Request-Id"));

    // Without the key the invoice is already paid: the replay did not charge it again.
    assertThat(http.post(PAY, "{}").string("error.code")).isEqualTo("invoice_not_open");
  }

  @Test
  void replayIgnoresKeyOrderAndWhitespaceInTheBody() {
    String visa = attach("200001", token("4242424242424242")).string("id");
    Reply first = http.post(PAY, "{\"payment_method_id\":\"" + visa + "\"}", "pay-spaced");

    Reply replay = http.post(PAY, " { \"payment_method_id\" : \"" + visa + "\" } ", "pay-spaced");

    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replay.body()).isEqualTo(first.body());
  }

  @Test
  void declineIsKeptAndReplayedToo() {
    attach("300001", token("4000000000009995"));
    Reply first = http.post("/v1/accounts/300001/invoices/in_demo300001a/pay", "{}", "pay-declined");
    Reply replay = http.post("/v1/accounts/300001/invoices/in_demo300001a/pay", "{}", "pay-declined");

    assertThat(first.status()).isEqualTo(402);
    assertThat(replay.status()).isEqualTo(402);
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
  }

  @Test
  void notFoundIsKeptAndReplayed() {
    Reply first = http.post("/v1/accounts/200001/invoices/in_nothing/pay", "{}", "pay-missing");
    Reply replay = http.post("/v1/accounts/200001/invoices/in_nothing/pay", "{}", "pay-missing");

    assertThat(first.status()).isEqualTo(404);
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
  }

  @Test
  void sameKeyWithAnotherBodyIsRefused() {
    String visa = attach("200001", token("4242424242424242")).string("id");
    http.post(PAY, "{}", "pay-reused");

    Reply reply = http.post(PAY, "{\"payment_method_id\":\"" + visa + "\"}", "pay-reused");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.type")).isEqualTo("idempotency_error");
    assertThat(reply.string("error.code")).isEqualTo("idempotency_key_reused");
    assertThat(reply.header("Idempotent-Replayed")).isNull();
  }

  @Test
  void sameKeyOnAnotherPathIsRefused() {
    http.post(PAY, "{}", "pay-elsewhere");

    Reply reply = http.post("/v1/accounts/200001/invoices/in_demo200001c/pay", "{}", "pay-elsewhere");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.code")).isEqualTo("idempotency_key_reused");
    assertThat(http.get("/v1/accounts/200001/invoices/in_demo200001c").string("status")).isEqualTo("open");
  }

  @Test
  void validationFailureIsNotKept() {
    Reply refused = http.post("/v1/tokens", cardJson("4242424242424241", 12, 2030, "123"), "token-fixed");
    Reply corrected = http.post("/v1/tokens", cardJson("4242424242424242", 12, 2030, "123"), "token-fixed");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(corrected.status()).isEqualTo(201);
    assertThat(corrected.header("Idempotent-Replayed")).isNull();
  }

  @Test
  void malformedBodyIsNotKept() {
    assertThat(http.post(PAY, "{", "pay-malformed").status()).isEqualTo(400);

    Reply corrected = http.post(PAY, "{}", "pay-malformed");

    assertThat(corrected.status()).isEqualTo(200);
    assertThat(corrected.header("Idempotent-Replayed")).isNull();
  }

  @Test
  void keyInFlightIsAConflict() throws Exception {
    try (HeldRequest first = HeldRequest.send(sandbox, () -> http.post(PAY, "{}", "pay-in-flight"))) {
      Reply concurrent = http.post(PAY, "{}", "pay-in-flight");

      assertThat(concurrent.status()).isEqualTo(409);
      assertThat(concurrent.string("error.type")).isEqualTo("idempotency_error");
      assertThat(concurrent.string("error.code")).isEqualTo("idempotency_key_in_use");

      Reply firstReply = first.release();
      assertThat(firstReply.status()).isEqualTo(200);
      assertThat(firstReply.string("status")).isEqualTo("succeeded");

      Reply retry = http.post(PAY, "{}", "pay-in-flight");
      assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
      assertThat(retry.body()).isEqualTo(firstReply.body());
    }
  }

  @Test
  void keysAreForgottenAfterADay() {
    http.post(PAY, "{}", "pay-yesterday");
    sandbox.clock().advance(Idempotency.RETENTION);

    Reply reply = http.post("/v1/accounts/200001/invoices/in_demo200001c/pay", "{}", "pay-yesterday");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Idempotent-Replayed")).isNull();
  }

  @Test
  void keysAreKeptForADay() {
    Reply first = http.post(PAY, "{}", "pay-today");
    sandbox.clock().advance(Idempotency.RETENTION.minus(Duration.ofSeconds(1)));

    Reply replay = http.post(PAY, "{}", "pay-today");

    assertThat(replay.body()).isEqualTo(first.body());
  }

  @Test
  void resetForgetsKeys() {
    http.post(PAY, "{}", "pay-before-reset");
    sandbox.reset();

    Reply reply = http.post("/v1/accounts/200001/invoices/in_demo200001c/pay", "{}", "pay-before-reset");

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void operationsWithoutKeyInTheContractNeedNone() {
    Reply reply = http.postWithoutKey("/v1/accounts/200001/payment_methods/pm_demo200001mastercard/make_preferred", null);

    assertThat(reply.status()).isEqualTo(200);
  }
}
