package dev.settle.webhooks;

import static dev.settle.webhooks.WebhookVerifierTest.CLOCK;
import static dev.settle.webhooks.WebhookVerifierTest.NOW;
import static dev.settle.webhooks.WebhookVerifierTest.OTHER_SECRET;
import static dev.settle.webhooks.WebhookVerifierTest.SECRET;
import static dev.settle.webhooks.WebhookVerifierTest.multi;
import static dev.settle.webhooks.WebhookVerifierTest.signed;
import static dev.settle.webhooks.WebhookVerifierTest.verifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.settle.exception.ValidationException;
import dev.settle.exception.WebhookVerificationException.Reason;
import dev.settle.exception.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checking a delivery's signature alone, the header forms signer and verifier share, and what the
 * signer refuses to sign.
 */
class SignatureCheckTest {
  /** A body that is no Settle event: a signature-only check must not try to read it. */
  static final String NOT_AN_EVENT = "{\"order\": 42, \"note\": \"bound by the caller's framework\"}";
  static final byte[] BODY = NOT_AN_EVENT.getBytes(StandardCharsets.UTF_8);

  @Nested
  class SignatureOnly {
    @Test
    void aSignedBodyIsVerifiedWithoutBeingRead() {
      Map<String, String> headers = signed(SECRET, NOW, NOT_AN_EVENT);

      SignatureCheck check = verifier(SECRET).checkSignature(BODY, multi(headers));

      assertThat(check.isVerified()).isTrue();
      assertThat(check.reason()).isEmpty();
      assertThat(check.deliveryId()).contains("msg_1");
      assertThat(check.signedAt()).contains(NOW);
      assertThat(check.orThrow()).isSameAs(check);
      assertThat(check.message()).isEqualTo(
          "Delivery msg_1 was signed at 2026-03-01T10:15:30Z with a configured secret");
      assertThat(check).hasToString(
          "SignatureCheck{verified, deliveryId=msg_1, signedAt=2026-03-01T10:15:30Z}");
      // The typed verification of the same delivery goes on to read the body, and refuses it.
      assertThatThrownBy(() -> verifier(SECRET).verify(BODY, multi(headers)))
          .isInstanceOfSatisfying(WebhookVerificationException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_PAYLOAD));
    }

    static Stream<Arguments> refusals() {
      Map<String, String> good = signed(SECRET, NOW, NOT_AN_EVENT);
      return Stream.of(
          Arguments.of(Reason.MISSING_HEADER, without(good, "webhook-id"), NOT_AN_EVENT),
          Arguments.of(Reason.MISSING_HEADER, with(good, "webhook-signature", " "), NOT_AN_EVENT),
          Arguments.of(Reason.MALFORMED_TIMESTAMP, with(good, "webhook-timestamp", "-5"), NOT_AN_EVENT),
          Arguments.of(Reason.TIMESTAMP_TOO_OLD, signed(SECRET, NOW.minusSeconds(301), NOT_AN_EVENT),
              NOT_AN_EVENT),
          Arguments.of(Reason.TIMESTAMP_IN_FUTURE, signed(SECRET, NOW.plusSeconds(301), NOT_AN_EVENT),
              NOT_AN_EVENT),
          Arguments.of(Reason.NO_VALID_SIGNATURE, good, NOT_AN_EVENT + " "),
          Arguments.of(Reason.NO_VALID_SIGNATURE, signed(OTHER_SECRET, NOW, NOT_AN_EVENT), NOT_AN_EVENT),
          Arguments.of(Reason.NO_VALID_SIGNATURE, with(good, "webhook-signature", "v2,AAAA"),
              NOT_AN_EVENT));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void eachRefusalIsAReasonAndTheSameAsVerifyWouldThrow(
        Reason reason, Map<String, String> headers, String body) {
      WebhookVerifier verifier = verifier(SECRET);
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

      SignatureCheck check = verifier.checkSignature(bytes, multi(headers));

      assertThat(check.isVerified()).isFalse();
      assertThat(check.reason()).contains(reason);
      assertThat(check.deliveryId()).isEmpty();
      assertThat(check.signedAt()).isEmpty();
      WebhookVerificationException thrown =
          catchThrowableOfType(WebhookVerificationException.class, () -> verifier.verify(bytes, multi(headers)));
      assertThat(thrown.reason()).isEqualTo(reason);
      assertThat(check.message()).isEqualTo(thrown.getMessage());
      assertThat(check.toString()).isEqualTo(
          "SignatureCheck{refused=" + reason + ", message=" + thrown.getMessage() + "}");
      assertThatThrownBy(check::orThrow)
          .isInstanceOfSatisfying(WebhookVerificationException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e).hasMessage(thrown.getMessage());
          });
      String signature = headers.getOrDefault("webhook-signature", "v1,");
      if (signature.startsWith("v1,") && signature.length() > 8) {
        assertThat(check.message()).doesNotContain(signature.substring(3));
      }
    }

    @Test
    void noHeadersAtAllIsARefusalNotAnException() {
      SignatureCheck check = verifier(SECRET).checkSignature(BODY, Map.of());

      assertThat(check.reason()).contains(Reason.MISSING_HEADER);
      assertThat(check.message()).isEqualTo("Header webhook-id is missing");
      assertThat(verifier(SECRET).checkSignature(BODY, name -> null).reason())
          .contains(Reason.MISSING_HEADER);
    }
  }

  @Nested
  class HeaderForms {
    final String body = Events.invoicePaid();

    @Test
    void theSignersHeadersGoStraightIntoTheVerifier() {
      Map<String, String> signed = WebhookSigner.create(SECRET, CLOCK).sign(body);

      assertThat(verifier(SECRET).verify(body, signed::get).id()).isEqualTo("evt_1");
      assertThat(verifier(SECRET).verify(body.getBytes(StandardCharsets.UTF_8), signed::get).id())
          .isEqualTo("evt_1");
      assertThat(verifier(SECRET).checkSignature(body.getBytes(StandardCharsets.UTF_8), signed::get)
          .deliveryId()).contains(signed.get("webhook-id"));
    }

    @Test
    void theLookupIsAskedForTheThreeNamesInLowerCase() {
      Map<String, String> signed = signed(SECRET, NOW, body);
      List<String> asked = new ArrayList<>();
      Function<String, String> lookup = name -> {
        asked.add(name);
        return signed.get(name);
      };

      verifier(SECRET).verify(body, lookup);

      assertThat(asked).containsExactly("webhook-id", "webhook-timestamp", "webhook-signature");
    }

    @Test
    void aLookupThatIgnoresCaseReadsHeadersAsAServerNamesThem() {
      Map<String, String> capitalised = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      signed(SECRET, NOW, body).forEach((name, value) -> capitalised.put(
          Character.toUpperCase(name.charAt(0)) + name.substring(1), value));

      assertThat(capitalised).containsKeys("Webhook-id", "Webhook-timestamp", "Webhook-signature");
      assertThat(verifier(SECRET).verify(body, capitalised::get).id()).isEqualTo("evt_1");
    }

    @Test
    void theMapAndTheLookupReadTheSameDelivery() {
      Map<String, String> signed = signed(SECRET, NOW, body);

      assertThat(verifier(SECRET).verify(body, signed::get))
          .isEqualTo(verifier(SECRET).verify(body, multi(signed)));
    }
  }

  @Nested
  class Signing {
    final WebhookSigner signer = WebhookSigner.create(SECRET);

    @ParameterizedTest
    @ValueSource(longs = {-1, -1614265330, Long.MIN_VALUE / 1000})
    void aTimestampBeforeTheEpochIsRefused(long seconds) {
      Instant before = Instant.ofEpochSecond(seconds);

      assertThatThrownBy(() -> signer.sign("msg_1", before, "{}"))
          .isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.param()).isEqualTo("timestamp");
            assertThat(e.reason()).isEqualTo(ValidationException.Reason.RANGE);
            assertThat(e.getMessage()).contains("cannot be before 1970-01-01T00:00:00Z");
          });
    }

    @Test
    void aClockBeforeTheEpochCannotSign() {
      WebhookSigner early =
          WebhookSigner.create(SECRET, Clock.fixed(Instant.parse("1969-12-31T23:59:59Z"), ZoneOffset.UTC));

      assertThatThrownBy(() -> early.sign("{}")).isInstanceOf(ValidationException.class);
    }

    @Test
    void theEpochItselfAndFifteenDigitsAreTheLimits() {
      Instant epoch = Instant.EPOCH;
      Map<String, String> atEpoch = signer.sign("msg_1", epoch, "{}");
      WebhookVerifier atTheEpoch = verifier(SECRET).newBuilder()
          .clock(Clock.fixed(epoch, ZoneOffset.UTC)).build();

      assertThat(atEpoch).containsEntry("webhook-timestamp", "0");
      assertThat(atTheEpoch.checkSignature("{}".getBytes(StandardCharsets.UTF_8), atEpoch::get)
          .isVerified()).isTrue();
      assertThat(signer.sign("msg_1", Instant.ofEpochSecond(999_999_999_999_999L), "{}"))
          .containsEntry("webhook-timestamp", "999999999999999");
      assertThatThrownBy(() -> signer.sign("msg_1", Instant.ofEpochSecond(1_000_000_000_000_000L), "{}"))
          .isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.getMessage()).contains("at most 15 digits"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", " msg_1", "msg_1 ", "msg\n1", "msg\u00001"})
    void anIdTheVerifierWouldReadDifferentlyIsRefused(String id) {
      assertThatThrownBy(() -> signer.sign(id, NOW, "{}"))
          .isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.param()).isEqualTo("id");
            assertThat(e.reason()).isIn(ValidationException.Reason.REQUIRED, ValidationException.Reason.FORMAT);
          });
    }
  }

  static Map<String, String> without(Map<String, String> headers, String name) {
    Map<String, String> copy = new HashMap<>(headers);
    copy.remove(name);
    return copy;
  }

  static Map<String, String> with(Map<String, String> headers, String name, String value) {
    Map<String, String> copy = new HashMap<>(headers);
    copy.put(name, value);
    return copy;
  }
}
