package dev.settle.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.settle.exception.SettleException;
import dev.settle.exception.ValidationException;
import dev.settle.exception.WebhookVerificationException.Reason;
import dev.settle.exception.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookVerifierTest {
  // The Standard Webhooks specification's published test vector (checked here by computing it).
  static final String VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  static final String VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  static final long VECTOR_TIMESTAMP = 1614265330;
  static final String VECTOR_PAYLOAD = "{\"test\": 2432232314}";
  static final String VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  static final String SECRET = "whsec_c2VjcmV0LWtleS1vbmUtZm9yLXNldHRsZS10ZXN0cyE=";
  static final String OTHER_SECRET = "whsec_c2Vjb25kLWtleS1mb3Itcm90YXRpb24tdGVzdHMhISE=";
  static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  static WebhookVerifier verifier(String... secrets) {
    WebhookVerifier.Builder builder = WebhookVerifier.builder().clock(CLOCK);
    for (String secret : secrets) {
      builder.secret(secret);
    }
    return builder.build();
  }

  static Map<String, String> signed(String secret, Instant at, String body) {
    return WebhookSigner.create(secret).sign("msg_1", at, body);
  }

  static Map<String, List<String>> multi(Map<String, String> headers) {
    Map<String, List<String>> multi = new HashMap<>();
    headers.forEach((name, value) -> multi.put(name, List.of(value)));
    return multi;
  }

  static WebhookVerificationException failure(WebhookVerifier verifier, String body, Map<String, String> headers) {
    return catchThrowableOfType(
        WebhookVerificationException.class, () -> verifier.verify(body, multi(headers)));
  }

  @Nested
  class StandardWebhooksVector {
    final Clock atVector = Clock.fixed(Instant.ofEpochSecond(VECTOR_TIMESTAMP), ZoneOffset.UTC);

    @Test
    void theSignerReproducesThePublishedSignature() {
      Map<String, String> headers =
          WebhookSigner.create(VECTOR_SECRET).sign(VECTOR_ID, Instant.ofEpochSecond(VECTOR_TIMESTAMP), VECTOR_PAYLOAD);

      assertThat(headers).containsExactly(
          Map.entry("webhook-id", VECTOR_ID),
          Map.entry("webhook-timestamp", "1614265330"),
          Map.entry("webhook-signature", VECTOR_SIGNATURE));
    }

    @Test
    void theVerifierAcceptsThePublishedSignature() {
      WebhookVerifier verifier = WebhookVerifier.builder().secret(VECTOR_SECRET).clock(atVector).build();

      // The vector's payload is not a Settle event: the signature and timestamp pass, and the
      // verifier goes on to read the body, which it then refuses as such.
      assertThatThrownBy(() -> verifier.verify(VECTOR_PAYLOAD, VECTOR_ID, "1614265330", VECTOR_SIGNATURE))
          .isInstanceOfSatisfying(WebhookVerificationException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_PAYLOAD));
    }

    @Test
    void oneChangedCharacterOfTheSignatureFails() {
      WebhookVerifier verifier = WebhookVerifier.builder().secret(VECTOR_SECRET).clock(atVector).build();
      String changed = VECTOR_SIGNATURE.replace("g0hM", "g0hN");

      assertThatThrownBy(() -> verifier.verify(VECTOR_PAYLOAD, VECTOR_ID, "1614265330", changed))
          .isInstanceOfSatisfying(WebhookVerificationException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.NO_VALID_SIGNATURE));
    }
  }

  @Nested
  class Accepting {
    @Test
    void aSignedEventIsReturned() {
      String body = Events.invoicePaid();

      WebhookEvent event = verifier(SECRET).verify(body, multi(signed(SECRET, NOW, body)));

      assertThat(event).isInstanceOf(InvoicePaid.class);
      assertThat(event.id()).isEqualTo("evt_1");
    }

    @Test
    void bytesStringAndTheThreeHeaderValuesAreAlike() {
      String body = Events.invoicePaid();
      Map<String, String> headers = signed(SECRET, NOW, body);
      WebhookVerifier verifier = verifier(SECRET);

      WebhookEvent fromBytes = verifier.verify(body.getBytes(StandardCharsets.UTF_8), multi(headers));
      WebhookEvent fromValues = verifier.verify(
          body, headers.get("webhook-id"), headers.get("webhook-timestamp"), headers.get("webhook-signature"));
      WebhookEvent fromValueBytes = verifier.verify(body.getBytes(StandardCharsets.UTF_8),
          headers.get("webhook-id"), headers.get("webhook-timestamp"), headers.get("webhook-signature"));

      assertThat(fromBytes).isEqualTo(fromValues).isEqualTo(fromValueBytes)
          .isEqualTo(verifier.verify(body, multi(headers)));
    }

    @Test
    void aNonAsciiBodyIsSignedAsItsUtf8Bytes() {
      String body = Events.event("evt_2", "something.new", "{\"note\":\"Zahlung für Lizenz — ok ✓\"}");

      WebhookEvent event = verifier(SECRET).verify(
          body.getBytes(StandardCharsets.UTF_8), multi(signed(SECRET, NOW, body)));

      assertThat(event.data()).containsEntry("note", "Zahlung für Lizenz — ok ✓");
    }

    @Test
    void headerNamesMatchIgnoringCase() {
      String body = Events.invoicePaid();
      Map<String, String> headers = signed(SECRET, NOW, body);
      Map<String, List<String>> mixed = new HashMap<>();
      mixed.put(null, List.of("HTTP/1.1 200 OK"));   // as HttpURLConnection reports the status line
      mixed.put("Webhook-Id", List.of(headers.get("webhook-id")));
      mixed.put("WEBHOOK-TIMESTAMP", List.of(headers.get("webhook-timestamp")));
      mixed.put("Webhook-Signature", List.of(headers.get("webhook-signature")));

      assertThat(verifier(SECRET).verify(body, mixed).id()).isEqualTo("evt_1");
    }

    @Test
    void signaturesSplitOverSeveralHeaderValuesAreOneList() {
      String body = Events.invoicePaid();
      Map<String, String> headers = signed(SECRET, NOW, body);
      Map<String, List<String>> split = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      split.putAll(multi(headers));
      split.put("webhook-signature", List.of("v1,AAAA", headers.get("webhook-signature")));

      assertThat(verifier(SECRET).verify(body, split).id()).isEqualTo("evt_1");
    }
  }

  @Nested
  class Signatures {
    final String body = Events.invoicePaid();

    @Test
    void aTamperedBodyFails() {
      Map<String, String> headers = signed(SECRET, NOW, body);
      String tampered = body.replace("11900", "1");

      assertThat(failure(verifier(SECRET), tampered, headers).reason()).isEqualTo(Reason.NO_VALID_SIGNATURE);
    }

    @Test
    void aBodyWithOneMoreSpaceFails() {
      Map<String, String> headers = signed(SECRET, NOW, body);

      assertThat(failure(verifier(SECRET), body + " ", headers).reason()).isEqualTo(Reason.NO_VALID_SIGNATURE);
    }

    @Test
    void aWrongSecretFails() {
      WebhookVerificationException e = failure(verifier(SECRET), body, signed(OTHER_SECRET, NOW, body));

      assertThat(e.reason()).isEqualTo(Reason.NO_VALID_SIGNATURE);
      assertThat(e).hasMessage("None of the 1 v1 signature(s) matches the body under any of the 1 secret(s)");
    }

    @Test
    void theIdAndTimestampAreSignedToo() {
      Map<String, String> headers = signed(SECRET, NOW, body);
      Map<String, String> otherId = new HashMap<>(headers);
      otherId.put("webhook-id", "msg_2");
      Map<String, String> otherTime = new HashMap<>(headers);
      otherTime.put("webhook-timestamp", Long.toString(NOW.getEpochSecond() - 1));

      assertThat(failure(verifier(SECRET), body, otherId).reason()).isEqualTo(Reason.NO_VALID_SIGNATURE);
      assertThat(failure(verifier(SECRET), body, otherTime).reason()).isEqualTo(Reason.NO_VALID_SIGNATURE);
    }

    @Test
    void anyOfSeveralSignaturesMayMatch() {
      String right = signed(SECRET, NOW, body).get("webhook-signature");
      String wrong = signed(OTHER_SECRET, NOW, body).get("webhook-signature");
      WebhookVerifier verifier = verifier(SECRET);

      for (String header : List.of(wrong + " " + right, right + " " + wrong, "  " + wrong + "   " + right + " ")) {
        assertThat(verifier.verify(body, "msg_1", Long.toString(NOW.getEpochSecond()), header).id())
            .as(header).isEqualTo("evt_1");
      }
    }

    @Test
    void versionsOtherThanV1AreIgnored() {
      String right = signed(SECRET, NOW, body).get("webhook-signature");
      String rightBytes = right.substring("v1,".length());
      String timestamp = Long.toString(NOW.getEpochSecond());
      WebhookVerifier verifier = verifier(SECRET);

      for (String header : List.of("v2," + rightBytes, "v1a," + rightBytes, "V1," + rightBytes, rightBytes,
          "v1a," + rightBytes + " v2," + rightBytes)) {
        WebhookVerificationException e = catchThrowableOfType(
            WebhookVerificationException.class, () -> verifier.verify(body, "msg_1", timestamp, header));
        assertThat(e.reason()).as(header).isEqualTo(Reason.NO_VALID_SIGNATURE);
        assertThat(e).as(header).hasMessage("Header webhook-signature holds no v1 signature");
      }
      assertThat(verifier.verify(body, "msg_1", timestamp, "v2," + rightBytes + " " + right).id())
          .isEqualTo("evt_1");
    }

    @Test
    void entriesThatAreNotBase64AreSkipped() {
      String right = signed(SECRET, NOW, body).get("webhook-signature");
      String timestamp = Long.toString(NOW.getEpochSecond());
      WebhookVerifier verifier = verifier(SECRET);

      assertThat(verifier.verify(body, "msg_1", timestamp, "v1,%%%not-base64 " + right).id()).isEqualTo("evt_1");
      assertThatThrownBy(() -> verifier.verify(body, "msg_1", timestamp, "v1,%%%not-base64"))
          .isInstanceOfSatisfying(WebhookVerificationException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.NO_VALID_SIGNATURE));
    }

    @Test
    void aTruncatedSignatureFails() {
      String right = signed(SECRET, NOW, body).get("webhook-signature");
      String truncated = right.substring(0, right.length() - 4);

      assertThatThrownBy(() -> verifier(SECRET).verify(body, "msg_1", Long.toString(NOW.getEpochSecond()), truncated))
          .isInstanceOfSatisfying(WebhookVerificationException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.NO_VALID_SIGNATURE));
    }
  }

  @Nested
  class Rotation {
    final String body = Events.invoicePaid();

    @Test
    void whileRotatingBothSecretsAreAccepted() {
      WebhookVerifier verifier = verifier(OTHER_SECRET, SECRET);

      assertThat(verifier.verify(body, multi(signed(SECRET, NOW, body))).id()).isEqualTo("evt_1");
      assertThat(verifier.verify(body, multi(signed(OTHER_SECRET, NOW, body))).id()).isEqualTo("evt_1");
    }

    @Test
    void aSenderSigningWithBothIsAcceptedByEitherVerifier() {
      String both = signed(OTHER_SECRET, NOW, body).get("webhook-signature") + " "
          + signed(SECRET, NOW, body).get("webhook-signature");
      String timestamp = Long.toString(NOW.getEpochSecond());

      assertThat(verifier(SECRET).verify(body, "msg_1", timestamp, both).id()).isEqualTo("evt_1");
      assertThat(verifier(OTHER_SECRET).verify(body, "msg_1", timestamp, both).id()).isEqualTo("evt_1");
    }

    @Test
    void aRemovedSecretIsRejected() {
      WebhookVerifier rotating = verifier(OTHER_SECRET, SECRET);
      WebhookVerifier rotated = rotating.newBuilder().secrets(List.of(SECRET)).build();

      assertThat(failure(rotated, body, signed(OTHER_SECRET, NOW, body)).reason())
          .isEqualTo(Reason.NO_VALID_SIGNATURE);
      assertThat(rotated.verify(body, multi(signed(SECRET, NOW, body))).id()).isEqualTo("evt_1");
      // The verifier it was derived from is unchanged.
      assertThat(rotating.verify(body, multi(signed(OTHER_SECRET, NOW, body))).id()).isEqualTo("evt_1");
    }

    @Test
    void newBuilderKeepsTheClockAndTolerance() {
      WebhookVerifier verifier = verifier(SECRET).newBuilder().tolerance(Duration.ofSeconds(10)).build();
      WebhookVerifier derived = verifier.newBuilder().secret(OTHER_SECRET).build();

      assertThat(derived.tolerance()).isEqualTo(Duration.ofSeconds(10));
      assertThat(derived.verify(body, multi(signed(SECRET, NOW.minusSeconds(10), body))).id()).isEqualTo("evt_1");
      assertThat(failure(derived, body, signed(SECRET, NOW.minusSeconds(11), body)).reason())
          .isEqualTo(Reason.TIMESTAMP_TOO_OLD);
    }
  }

  @Nested
  class Timestamps {
    final String body = Events.invoicePaid();

    @Test
    void theDefaultToleranceIsFiveMinutesEitherWayLimitsIncluded() {
      WebhookVerifier verifier = verifier(SECRET);

      assertThat(verifier.tolerance()).isEqualTo(Duration.ofMinutes(5));
      assertThat(verifier.verify(body, multi(signed(SECRET, NOW.minusSeconds(300), body))).id()).isEqualTo("evt_1");
      assertThat(verifier.verify(body, multi(signed(SECRET, NOW.plusSeconds(300), body))).id()).isEqualTo("evt_1");
      assertThat(failure(verifier, body, signed(SECRET, NOW.minusSeconds(301), body)).reason())
          .isEqualTo(Reason.TIMESTAMP_TOO_OLD);
      assertThat(failure(verifier, body, signed(SECRET, NOW.plusSeconds(301), body)).reason())
          .isEqualTo(Reason.TIMESTAMP_IN_FUTURE);
    }

    @Test
    void aConfiguredToleranceMovesBothLimits() {
      WebhookVerifier verifier = verifier(SECRET).newBuilder().tolerance(Duration.ofSeconds(30)).build();

      assertThat(verifier.verify(body, multi(signed(SECRET, NOW.minusSeconds(30), body))).id()).isEqualTo("evt_1");
      assertThat(verifier.verify(body, multi(signed(SECRET, NOW.plusSeconds(30), body))).id()).isEqualTo("evt_1");
      assertThat(failure(verifier, body, signed(SECRET, NOW.minusSeconds(31), body)).reason())
          .isEqualTo(Reason.TIMESTAMP_TOO_OLD);
      assertThat(failure(verifier, body, signed(SECRET, NOW.plusSeconds(31), body)).reason())
          .isEqualTo(Reason.TIMESTAMP_IN_FUTURE);
    }

    @Test
    void theLimitIsExactAgainstAClockBetweenSeconds() {
      WebhookVerifier verifier =
          verifier(SECRET).newBuilder().clock(Clock.fixed(NOW.plusMillis(1), ZoneOffset.UTC)).build();

      // 300.001 s old: past the limit. 299.999 s ahead: within it.
      assertThat(failure(verifier, body, signed(SECRET, NOW.minusSeconds(300), body)).reason())
          .isEqualTo(Reason.TIMESTAMP_TOO_OLD);
      assertThat(verifier.verify(body, multi(signed(SECRET, NOW.plusSeconds(300), body))).id()).isEqualTo("evt_1");
    }

    @Test
    void aStaleDeliveryIsRefusedEvenWithAValidSignature() {
      WebhookVerificationException e = failure(verifier(SECRET), body, signed(SECRET, NOW.minusSeconds(3600), body));

      assertThat(e.reason()).isEqualTo(Reason.TIMESTAMP_TOO_OLD);
      assertThat(e).hasMessageContaining("3600 s before now").hasMessageContaining("tolerance is 300 s");
    }

    @Test
    void theClockIsReadAtEachVerification() {
      MutableClock clock = new MutableClock(NOW);
      WebhookVerifier verifier = verifier(SECRET).newBuilder().clock(clock).build();
      Map<String, String> headers = signed(SECRET, NOW, body);

      assertThat(verifier.verify(body, multi(headers)).id()).isEqualTo("evt_1");
      clock.now = NOW.plusSeconds(301);
      assertThat(failure(verifier, body, headers).reason()).isEqualTo(Reason.TIMESTAMP_TOO_OLD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1614265330", "+1614265330", "1614265330.5", "1.6e9", "0x60371", "１２３",
        "99999999999999999999"})
    void aTimestampThatIsNotWholeSecondsIsMalformed(String timestamp) {
      String signature = signed(SECRET, NOW, body).get("webhook-signature");

      WebhookVerificationException e = catchThrowableOfType(
          WebhookVerificationException.class, () -> verifier(SECRET).verify(body, "msg_1", timestamp, signature));

      assertThat(e.reason()).isEqualTo(Reason.MALFORMED_TIMESTAMP);
      assertThat(e).hasMessage("Header webhook-timestamp is not a number of seconds since the Unix epoch");
    }

    @Test
    void aTimestampInMillisecondsIsFarInTheFuture() {
      String millis = Long.toString(NOW.toEpochMilli());
      String signature = signed(SECRET, NOW, body).get("webhook-signature");

      assertThatThrownBy(() -> verifier(SECRET).verify(body, "msg_1", millis, signature))
          .isInstanceOfSatisfying(WebhookVerificationException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.TIMESTAMP_IN_FUTURE));
    }
  }

  @Nested
  class MalformedHeaders {
    final String body = Events.invoicePaid();
    final Map<String, String> headers = signed(SECRET, NOW, body);

    @ParameterizedTest
    @ValueSource(strings = {"webhook-id", "webhook-timestamp", "webhook-signature"})
    void aMissingHeaderIsNamed(String name) {
      Map<String, String> without = new HashMap<>(headers);
      without.remove(name);

      WebhookVerificationException e = failure(verifier(SECRET), body, without);

      assertThat(e.reason()).isEqualTo(Reason.MISSING_HEADER);
      assertThat(e).hasMessage("Header " + name + " is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"webhook-id", "webhook-timestamp", "webhook-signature"})
    void aBlankHeaderIsMissing(String name) {
      Map<String, String> blank = new HashMap<>(headers);
      blank.put(name, "  ");

      assertThat(failure(verifier(SECRET), body, blank).reason()).isEqualTo(Reason.MISSING_HEADER);
    }

    @Test
    void aHeaderWithNoValuesIsMissing() {
      Map<String, List<String>> empty = multi(headers);
      empty.put("webhook-id", new ArrayList<>());

      assertThatThrownBy(() -> verifier(SECRET).verify(body, empty))
          .isInstanceOfSatisfying(WebhookVerificationException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_HEADER));
    }

    @Test
    void nullHeaderValuesAreMissing() {
      assertThatThrownBy(() -> verifier(SECRET).verify(body, null, "1", "v1,AAAA"))
          .isInstanceOfSatisfying(WebhookVerificationException.class,
              e -> assertThat(e).hasMessage("Header webhook-id is missing"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "v1", "v1,", ",", "v1;abc", "t=1614265330,v1=abcdef"})
    void aSignatureHeaderWithoutAUsableSignatureFails(String signature) {
      Map<String, String> malformed = new HashMap<>(headers);
      malformed.put("webhook-signature", signature);

      assertThat(failure(verifier(SECRET), body, malformed).reason()).isEqualTo(Reason.NO_VALID_SIGNATURE);
    }
  }

  @Nested
  class Secrets {
    @ParameterizedTest
    @ValueSource(strings = {"sk_test_c2VjcmV0", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwA", "whsec_", "whsec_not*base64!",
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwA", "WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "",
        "MfKQ9r8GKYqrTwjU PD8ILPZIo2LaLaSw"})
    void aMalformedSecretIsRefusedWithoutBeingRepeated(String secret) {
      WebhookVerificationException e = catchThrowableOfType(
          WebhookVerificationException.class, () -> WebhookVerifier.builder().secret(secret));

      assertThat(e.reason()).isEqualTo(Reason.MALFORMED_SECRET);
      if (secret.length() > 12) {
        assertThat(e.getMessage()).doesNotContain(secret.substring(secret.length() - 8));
      }
      assertThatThrownBy(() -> WebhookSigner.create(secret))
          .isInstanceOfSatisfying(WebhookVerificationException.class,
              signer -> assertThat(signer.reason()).isEqualTo(Reason.MALFORMED_SECRET));
    }

    @Test
    void aBareBase64SecretIsTheKeyOfItsWhsecForm() {
      String bare = VECTOR_SECRET.substring("whsec_".length());
      Instant at = Instant.ofEpochSecond(VECTOR_TIMESTAMP);

      assertThat(WebhookSigner.create(bare).sign(VECTOR_ID, at, VECTOR_PAYLOAD))
          .containsEntry("webhook-signature", VECTOR_SIGNATURE)
          .isEqualTo(WebhookSigner.create(VECTOR_SECRET).sign(VECTOR_ID, at, VECTOR_PAYLOAD));
      String body = Events.invoicePaid();
      assertThat(verifier(SECRET.substring(6)).verify(body, multi(signed(SECRET, NOW, body))).id())
          .isEqualTo("evt_1");
      assertThat(verifier(SECRET).verify(body, multi(signed(SECRET.substring(6), NOW, body))).id())
          .isEqualTo("evt_1");
      assertThat(WebhookSigner.create(bare).toString()).isEqualTo("WebhookSigner{secret=whsec_****}")
          .doesNotContain(bare.substring(0, 6));
    }

    @Test
    void aNullSecretIsRequired() {
      assertThatThrownBy(() -> WebhookVerifier.builder().secret(null))
          .isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.reason()).isEqualTo(ValidationException.Reason.REQUIRED);
            assertThat(e.param()).isEqualTo("secret");
          });
    }

    @Test
    void replacingSecretsWithAMalformedOneLeavesThemAsTheyWere() {
      WebhookVerifier.Builder builder = WebhookVerifier.builder().secret(SECRET);

      assertThatThrownBy(() -> builder.secrets(List.of(OTHER_SECRET, "oops!")))
          .isInstanceOf(WebhookVerificationException.class);
      String body = Events.invoicePaid();
      assertThat(builder.clock(CLOCK).build().verify(body, multi(signed(SECRET, NOW, body))).id()).isEqualTo("evt_1");
    }

    @Test
    void aVerifierNeedsASecret() {
      assertThatThrownBy(() -> WebhookVerifier.builder().build())
          .isInstanceOf(IllegalStateException.class).hasMessage("A webhook verifier needs at least one secret");
      assertThatThrownBy(() -> WebhookVerifier.builder().secret(SECRET).secrets(List.of()).build())
          .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theToleranceMustBePositive() {
      assertThatThrownBy(() -> WebhookVerifier.builder().tolerance(Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> WebhookVerifier.builder().tolerance(Duration.ofSeconds(-1)))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringMasksEverySecret() {
      WebhookVerifier.Builder builder = WebhookVerifier.builder().secret(SECRET).secret(OTHER_SECRET);

      assertThat(builder.build().toString())
          .isEqualTo("WebhookVerifier{secrets=[whsec_****, whsec_****], tolerance=PT5M}");
      assertThat(builder.toString())
          .isEqualTo("WebhookVerifier.Builder{secrets=[whsec_****, whsec_****], tolerance=PT5M}");
      assertThat(WebhookSigner.create(SECRET).toString()).isEqualTo("WebhookSigner{secret=whsec_****}");
    }

    @Test
    void noFailureNamesASecretOrASignature() {
      String body = Events.invoicePaid();
      Map<String, String> good = signed(SECRET, NOW, body);
      String signature = good.get("webhook-signature");
      String otherSignature = signed(OTHER_SECRET, NOW, body).get("webhook-signature");
      WebhookVerifier verifier = verifier(SECRET, VECTOR_SECRET);
      String timestamp = good.get("webhook-timestamp");

      List<Runnable> failures = List.of(
          () -> verifier.verify(body + "x", "msg_1", timestamp, signature),
          () -> verifier.verify(body, "msg_1", timestamp, otherSignature + " " + "v2," + signature.substring(3)),
          () -> verifier.verify(body, "msg_1", Long.toString(NOW.getEpochSecond() - 301), signature),
          () -> verifier.verify(body, "msg_1", Long.toString(NOW.getEpochSecond() + 301), signature),
          () -> verifier.verify(body, "msg_1", "x" + timestamp, signature),
          () -> verifier.verify(body, null, timestamp, signature),
          () -> verifier.verify("{\"not\":\"an event\"}", multi(signed(SECRET, NOW, "{\"not\":\"an event\"}"))),
          () -> WebhookVerifier.builder().secret(SECRET.replace("whsec_", "whsek_")),
          () -> WebhookVerifier.builder().secret(SECRET + "*"));
      for (Runnable call : failures) {
        WebhookVerificationException e =
            catchThrowableOfType(WebhookVerificationException.class, call::run);
        assertThat(e).isNotNull().isInstanceOf(SettleException.class);
        for (String text : List.of(e.getMessage(), e.toString())) {
          assertThat(text).doesNotContain(
              SECRET.substring(6), OTHER_SECRET.substring(6), VECTOR_SECRET.substring(6),
              signature.substring(3), otherSignature.substring(3), SECRET.substring(6, 20));
        }
      }
    }
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
