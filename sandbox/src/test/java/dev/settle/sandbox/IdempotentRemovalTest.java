package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code DELETE …/payment_methods/{id}} with an optional {@code Idempotency-Key}: the answer that
 * carries the restore token can be recovered by a retry when it was lost on the way.
 */
class IdempotentRemovalTest extends SandboxTestCase {
  private static final String MARTIN_VISA = "/v1/accounts/100002/payment_methods/pm_demo100002visa";
  private static final String NORDLICHT_MASTERCARD = "/v1/accounts/200001/payment_methods/pm_demo200001mastercard";

  @Test
  void aRetryWithTheSameKeyAnswersTheFirstRemovalAndItsTokenRestores() {
    Reply first = http.delete(MARTIN_VISA, "remove-visa-1");
    Reply retry = http.delete(MARTIN_VISA, "remove-visa-1");

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.header("Idempotent-Replayed")).isNull();
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.string("restore_token")).isEqualTo(first.string("restore_token")).startsWith("tok_");
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retry.header("Original-Request")).isEqualTo(first.header("Request-Id"));
    assertThat(http.get("/v1/accounts/100002/payment_methods").list("data")).isEmpty();

    Reply restored = attach("100002", retry.string("restore_token"));
    assertThat(restored.status()).isEqualTo(201);
    assertThat(restored.string("id")).isEqualTo("pm_demo100002visa");
    assertThat(restored.get("preferred")).isEqualTo(true);
  }

  @Test
  void withoutAKeyASecondRemovalIsNotFound() {
    assertThat(http.delete(MARTIN_VISA).status()).isEqualTo(200);

    Reply again = http.delete(MARTIN_VISA);

    assertThat(again.status()).isEqualTo(404);
    assertThat(again.string("error.code")).isEqualTo("resource_missing");
    assertThat(again.string("error.param")).isEqualTo("payment_method_id");
    assertThat(again.header("Idempotent-Replayed")).isNull();
  }

  @Test
  void theSameKeyOnAnotherMethodIsRefusedAndRemovesNothing() {
    http.delete(MARTIN_VISA, "remove-reused");

    Reply reply = http.delete(NORDLICHT_MASTERCARD, "remove-reused");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.type")).isEqualTo("idempotency_error");
    assertThat(reply.string("error.code")).isEqualTo("idempotency_key_reused");
    assertThat(http.get(NORDLICHT_MASTERCARD).status()).isEqualTo(200);
  }

  @Test
  void aKeyLongerThan255IsRefused() {
    Reply reply = http.delete(MARTIN_VISA, "k".repeat(256));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.code")).isEqualTo("parameter_invalid");
    assertThat(reply.string("error.param")).isEqualTo("Idempotency-Key");
    assertThat(http.get(MARTIN_VISA).status()).isEqualTo(200);
  }

  @Test
  void aRetryWhileTheFirstRemovalRunsIsAConflict() throws Exception {
    try (HeldRequest first = HeldRequest.send(sandbox, () -> http.delete(MARTIN_VISA, "remove-in-flight"))) {
      Reply concurrent = http.delete(MARTIN_VISA, "remove-in-flight");

      assertThat(concurrent.status()).isEqualTo(409);
      assertThat(concurrent.string("error.type")).isEqualTo("idempotency_error");
      assertThat(concurrent.string("error.code")).isEqualTo("idempotency_key_in_use");
      Reply firstReply = first.release();
      assertThat(firstReply.status()).isEqualTo(200);
      Reply retry = http.delete(MARTIN_VISA, "remove-in-flight");
      assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
      assertThat(retry.string("restore_token")).isEqualTo(firstReply.string("restore_token"));
    }
  }

  @Test
  void aRemovalWhoseAnswerWasDroppedIsRecoveredByItsKey() {
    sandbox.faults().route("DELETE /v1/accounts/*/payment_methods/*").dropAfterCommit(1.0);
    Map<String, String> headers = http.authorized();
    headers.put("Idempotency-Key", "remove-dropped");

    assertThatThrownBy(() -> http.send("DELETE", MARTIN_VISA, null, headers)).isInstanceOf(UncheckedIOException.class);
    assertThat(http.get("/v1/accounts/100002/payment_methods").list("data")).isEmpty();

    sandbox.faults().clear();
    Reply retry = http.delete(MARTIN_VISA, "remove-dropped");
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(attach("100002", retry.string("restore_token")).string("id")).isEqualTo("pm_demo100002visa");
  }
}
