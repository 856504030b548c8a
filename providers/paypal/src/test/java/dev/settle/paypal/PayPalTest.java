package dev.settle.paypal;

import static dev.settle.paypal.PayPalServer.ACCOUNT;
import static dev.settle.paypal.PayPalServer.API_KEY;
import static dev.settle.paypal.PayPalServer.APPROVAL_URL;
import static dev.settle.paypal.PayPalServer.COMPLETE;
import static dev.settle.paypal.PayPalServer.CUSTOMER;
import static dev.settle.paypal.PayPalServer.EMAIL;
import static dev.settle.paypal.PayPalServer.METHOD_ID;
import static dev.settle.paypal.PayPalServer.PAYER_ID;
import static dev.settle.paypal.PayPalServer.PAYMENT_METHODS;
import static dev.settle.paypal.PayPalServer.SETUP;
import static dev.settle.paypal.PayPalServer.SETUPS;
import static dev.settle.paypal.PayPalServer.SETUP_ID;
import static dev.settle.paypal.PayPalServer.TOKEN_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.AccountClient;
import dev.settle.OutcomeUnknownException;
import dev.settle.RequestOptions;
import dev.settle.SettleClient;
import dev.settle.exception.ConflictException;
import dev.settle.exception.MalformedResponseException;
import dev.settle.exception.ValidationException;
import dev.settle.model.CustomerId;
import dev.settle.model.PaymentMethod;
import dev.settle.model.PaymentMethodId;
import dev.settle.testing.Contract;
import java.net.URI;
import java.time.Instant;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The PayPal approval flow inside a real client, against a real socket. */
class PayPalTest {
  private static final URI RETURN_URL = URI.create("https://shop.example.com/paypal/done?cart=42");
  private static final URI CANCEL_URL = URI.create("https://shop.example.com/paypal/cancelled");
  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  void startsASetupWithTheReturnAndCancelUrls() throws InterruptedException {
    respond("POST", SETUPS, 201, PayPalServer.setup("payer_action_required"));

    PayPalSetup setup = paypal().startSetup(RETURN_URL, CANCEL_URL);

    assertThat(setup.id()).isEqualTo(PayPalSetupId.of(SETUP_ID));
    assertThat(setup.status()).isEqualTo(PayPalSetupStatus.PAYER_ACTION_REQUIRED);
    assertThat(setup.approvalUrl()).isEqualTo(URI.create(APPROVAL_URL));
    assertThat(setup.expiresAt()).isEqualTo(Instant.parse("2030-06-15T15:00:00Z"));
    assertThat(setup.createdAt()).isEqualTo(Instant.parse("2030-06-15T12:00:00Z"));

    RecordedRequest request = server.takeRequest();
    assertThat(request.getRequestLine()).isEqualTo("POST " + SETUPS + " HTTP/1.1");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
    assertThat(request.getHeaders().get("Settle-Version")).isEqualTo(SettleClient.API_VERSION);
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(request.getHeaders().get("Idempotency-Key")).matches(UUID + ":1");
    assertThat(request.getBody().utf8())
        .isEqualTo("{\"return_url\":\"https://shop.example.com/paypal/done?cart=42\","
            + "\"cancel_url\":\"https://shop.example.com/paypal/cancelled\"}");
    Contract.assertValidRequest(request);
  }

  @Test
  void repeatingAStartWithItsIdempotencyKeyRepeatsTheKey() throws InterruptedException {
    respond("POST", SETUPS, 201, PayPalServer.setup("payer_action_required"));
    respond("POST", SETUPS, 201, PayPalServer.setup("payer_action_required"));
    RequestOptions options = RequestOptions.builder().idempotencyKey("start-paypal-42").build();

    paypal().startSetup(RETURN_URL, CANCEL_URL, options);
    paypal().startSetup(RETURN_URL, CANCEL_URL, options);

    String first = server.takeRequest().getHeaders().get("Idempotency-Key");
    String second = server.takeRequest().getHeaders().get("Idempotency-Key");
    assertThat(first).startsWith("start-paypal-42").isEqualTo(second);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/paypal/done|https://shop.example.com/cancel|return_url",
        "ftp://shop.example.com/done|https://shop.example.com/cancel|return_url",
        "https://shop.example.com/done|mailto:payer@example.com|cancel_url",
        "https://shop.example.com/done|javascript:alert(1)|cancel_url",
      })
  void refusesUrlsABrowserCannotBeSentToWithoutARequest(
      String returnUrl, String cancelUrl, String param) {
    assertThatThrownBy(
            () -> paypal().startSetup(URI.create(returnUrl), URI.create(cancelUrl)))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.param()).isEqualTo(param));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void refusesMissingAndOverlongUrlsWithoutARequest() {
    URI overlong = URI.create("https://shop.example.com/" + "a".repeat(4000));

    assertThatThrownBy(() -> paypal().startSetup(null, CANCEL_URL))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.param()).isEqualTo("return_url"));
    assertThatThrownBy(() -> paypal().startSetup(RETURN_URL, overlong))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.param()).isEqualTo("cancel_url");
          assertThat(e.getMessage()).contains("longer than 4000 characters");
        });
    assertThat(server.getRequestCount()).isZero();
  }

  @ParameterizedTest
  @CsvSource({
    "payer_action_required, PAYER_ACTION_REQUIRED, false, false",
    "approved, APPROVED, true, false",
    "cancelled, CANCELLED, false, true",
    "expired, EXPIRED, false, true",
    "completed, COMPLETED, false, true",
  })
  void readsASetupAgainWithItsStatus(
      String wireStatus, PayPalSetupStatus status, boolean canComplete, boolean isFinal)
      throws InterruptedException {
    respond("GET", SETUP, 200, PayPalServer.setup(wireStatus));

    PayPalSetup setup = paypal().setup(PayPalSetupId.of(SETUP_ID));

    assertThat(setup.status()).isEqualTo(status);
    assertThat(setup.status().canComplete()).isEqualTo(canComplete);
    assertThat(setup.status().isFinal()).isEqualTo(isFinal);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getRequestLine()).isEqualTo("GET " + SETUP + " HTTP/1.1");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
    assertThat(request.getHeaders().get("Settle-Version")).isEqualTo(SettleClient.API_VERSION);
    assertThat(request.getHeaders().get("Idempotency-Key")).isNull();
    Contract.assertValidRequest(request);
  }

  @Test
  void readsAStatusThisVersionDoesNotKnowAsUnknown() {
    // Outside today's contract on purpose: a newer server may add statuses.
    server.enqueue(PayPalServer.json(200, PayPalServer.setup("vaulted")));

    PayPalSetup setup = paypal().setup(PayPalSetupId.of(SETUP_ID));

    assertThat(setup.status()).isEqualTo(PayPalSetupStatus.UNKNOWN);
    assertThat(setup.status().canComplete()).isFalse();
    assertThat(setup.status().isFinal()).isFalse();
  }

  @Test
  void acceptsAnHttpApprovalUrlOnlyOnALoopbackHost() {
    String sandbox = PayPalServer.setup("payer_action_required")
        .replace(APPROVAL_URL, "http://127.0.0.1:8417/paypal/approve/" + SETUP_ID);
    respond("GET", SETUP, 200, sandbox);

    assertThat(paypal().setup(PayPalSetupId.of(SETUP_ID)).approvalUrl())
        .isEqualTo(URI.create("http://127.0.0.1:8417/paypal/approve/" + SETUP_ID));
  }

  @Test
  void completingStoresTheAccountWithTheTokenOfTheCompletion() throws InterruptedException {
    respond("POST", COMPLETE, 200, PayPalServer.token());
    respond("POST", PAYMENT_METHODS, 201, PayPalServer.storedPayPal(true));

    PaymentMethod stored = paypal().complete(PayPalSetupId.of(SETUP_ID));

    assertThat(stored.id()).isEqualTo(PaymentMethodId.of(METHOD_ID));
    assertThat(stored.kind()).isEqualTo("paypal");
    assertThat(stored.preferred()).isTrue();
    assertThat(stored.details(PayPalAccount.class)).hasValueSatisfying(account -> {
      assertThat(account.email()).isEqualTo(EMAIL);
      assertThat(account.payerId()).isEqualTo(PAYER_ID);
      assertThat(account.kind()).isEqualTo("paypal");
    });
    assertThat(server.getRequestCount()).isEqualTo(2);

    RecordedRequest completion = server.takeRequest();
    assertThat(completion.getRequestLine()).isEqualTo("POST " + COMPLETE + " HTTP/1.1");
    assertThat(completion.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
    assertThat(completion.getHeaders().get("Settle-Version")).isEqualTo(SettleClient.API_VERSION);
    assertThat(completion.getBody().utf8()).isEqualTo("{}");
    PayPalServer.assertValidCompletionRequest(completion);

    RecordedRequest attachment = server.takeRequest();
    assertThat(attachment.getRequestLine()).isEqualTo("POST " + PAYMENT_METHODS + " HTTP/1.1");
    assertThat(attachment.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
    assertThat(attachment.getBody().utf8()).isEqualTo("{\"token\":\"" + TOKEN_ID + "\"}");
    Contract.assertValidRequest(attachment);

    String completionKey = completion.getHeaders().get("Idempotency-Key");
    String attachKey = attachment.getHeaders().get("Idempotency-Key");
    assertThat(attachKey).matches(UUID);
    assertThat(completionKey).startsWith(attachKey).isNotEqualTo(attachKey);
  }

  @Test
  void addingAnApprovalIsTheSameAsCompleting() throws InterruptedException {
    respond("POST", COMPLETE, 200, PayPalServer.token());
    respond("POST", PAYMENT_METHODS, 201, PayPalServer.storedPayPal(false));
    RequestOptions options = RequestOptions.builder().idempotencyKey("store-paypal-42").build();

    PaymentMethod stored =
        account().paymentMethods().add(PayPalApproval.of(PayPalSetupId.of(SETUP_ID)), options);

    assertThat(stored.details(PayPalAccount.class)).isPresent();
    assertThat(server.takeRequest().getHeaders().get("Idempotency-Key"))
        .isEqualTo("store-paypal-42:1");
    assertThat(server.takeRequest().getHeaders().get("Idempotency-Key"))
        .isEqualTo("store-paypal-42");
  }

  @Test
  void switchingToAnApprovalOnPortalTwoAddsItMarkedPreferred() throws InterruptedException {
    String card = "{\"id\":\"pm_Card1\",\"type\":\"card\",\"preferred\":true,\"usable_off_session\":true,"
        + "\"created_at\":\"2030-01-02T00:00:00Z\",\"card\":{\"brand\":\"visa\",\"last4\":\"4242\","
        + "\"exp_month\":12,\"exp_year\":2030}}";
    respond("GET", ACCOUNT, 200, PayPalServer.account("II", card));
    respond("POST", COMPLETE, 200, PayPalServer.token());
    respond("POST", PAYMENT_METHODS, 201, PayPalServer.storedPayPal(true));

    PaymentMethod preferred =
        account().paymentMethods().switchPreferred(PayPalApproval.of(PayPalSetupId.of(SETUP_ID)));

    assertThat(preferred.preferred()).isTrue();
    assertThat(preferred.details(PayPalAccount.class)).isPresent();
    assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET " + ACCOUNT + " HTTP/1.1");
    assertThat(server.takeRequest().getRequestLine()).isEqualTo("POST " + COMPLETE + " HTTP/1.1");
    RecordedRequest attachment = server.takeRequest();
    assertThat(attachment.getBody().utf8())
        .isEqualTo("{\"token\":\"" + TOKEN_ID + "\",\"preferred\":true}");
    Contract.assertValidRequest(attachment);
  }

  @ParameterizedTest
  @CsvSource({
    "payer_action_required, PAYER_ACTION_REQUIRED",
    "setup_cancelled, CANCELLED",
    "setup_expired, EXPIRED",
    "setup_already_completed, COMPLETED",
  })
  void aRefusedCompletionReadsAsTheSetupsStatusAndStoresNothing(
      String code, PayPalSetupStatus status) {
    respond("POST", COMPLETE, 409, PayPalServer.conflict(code));

    assertThatThrownBy(() -> paypal().complete(PayPalSetupId.of(SETUP_ID)))
        .isInstanceOfSatisfying(ConflictException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(409);
          assertThat(e.code()).contains(code);
          assertThat(e.requestId()).contains("req_409");
          assertThat(PayPalSetupStatus.ofRefusedCompletion(e)).contains(status);
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aRefusedSwitchOnPortalOneLeavesTheStoredMethodInPlace() throws InterruptedException {
    String card = "{\"id\":\"pm_Card1\",\"type\":\"card\",\"preferred\":true,\"usable_off_session\":true,"
        + "\"created_at\":\"2030-01-02T00:00:00Z\",\"card\":{\"brand\":\"visa\",\"last4\":\"4242\","
        + "\"exp_month\":12,\"exp_year\":2030}}";
    respond("GET", ACCOUNT, 200, PayPalServer.account("I", card));
    respond("POST", COMPLETE, 409, PayPalServer.conflict("payer_action_required"));

    assertThatThrownBy(
            () -> account().paymentMethods()
                .switchPreferred(PayPalApproval.of(PayPalSetupId.of(SETUP_ID))))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(PayPalSetupStatus.ofRefusedCompletion(e))
                .contains(PayPalSetupStatus.PAYER_ACTION_REQUIRED));
    assertThat(server.getRequestCount()).isEqualTo(2);
    server.takeRequest();
    assertThat(server.takeRequest().getRequestLine()).isEqualTo("POST " + COMPLETE + " HTTP/1.1");
  }

  @Test
  void otherConflictsAreNotSetupStatuses() {
    respond("POST", COMPLETE, 200, PayPalServer.token());
    respond("POST", PAYMENT_METHODS, 409, PayPalServer.conflict("portal_single_method"));

    assertThatThrownBy(() -> paypal().complete(PayPalSetupId.of(SETUP_ID)))
        .isInstanceOfSatisfying(ConflictException.class, e -> {
          assertThat(e.code()).contains("portal_single_method");
          assertThat(PayPalSetupStatus.ofRefusedCompletion(e)).isEmpty();
        });
    assertThat(PayPalSetupStatus.ofRefusedCompletion(new ValidationException("x", "y")))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "{'status':'approved','approval_url':'https://paypal.example/a',"
        + "'expires_at':'2030-06-15T15:00:00Z','created_at':'2030-06-15T12:00:00Z'}"
        + "|Required value 'id' missing at $",
    "{'id':'pm_1','status':'approved','approval_url':'https://paypal.example/a',"
        + "'expires_at':'2030-06-15T15:00:00Z','created_at':'2030-06-15T12:00:00Z'}"
        + "|Expected a PayPal setup id (pps_…) at $.id",
    "{'id':'pps_1','approval_url':'https://paypal.example/a',"
        + "'expires_at':'2030-06-15T15:00:00Z','created_at':'2030-06-15T12:00:00Z'}"
        + "|Required value 'status' missing at $",
    "{'id':'pps_1','status':3,'approval_url':'https://paypal.example/a',"
        + "'expires_at':'2030-06-15T15:00:00Z','created_at':'2030-06-15T12:00:00Z'}"
        + "|Expected a string at $.status",
    "{'id':'pps_1','status':'approved',"
        + "'expires_at':'2030-06-15T15:00:00Z','created_at':'2030-06-15T12:00:00Z'}"
        + "|Required value 'approval_url' missing at $",
    "{'id':'pps_1','status':'approved','approval_url':'http://paypal.example/a',"
        + "'expires_at':'2030-06-15T15:00:00Z','created_at':'2030-06-15T12:00:00Z'}"
        + "|Expected an https URL at $.approval_url",
    "{'id':'pps_1','status':'approved','approval_url':'/approve',"
        + "'expires_at':'2030-06-15T15:00:00Z','created_at':'2030-06-15T12:00:00Z'}"
        + "|Expected an https URL at $.approval_url",
    "{'id':'pps_1','status':'approved','approval_url':'https://paypal example',"
        + "'expires_at':'2030-06-15T15:00:00Z','created_at':'2030-06-15T12:00:00Z'}"
        + "|Expected a URL at $.approval_url",
    "{'id':'pps_1','status':'approved','approval_url':'https://paypal.example/a',"
        + "'created_at':'2030-06-15T12:00:00Z'}"
        + "|Required value 'expires_at' missing at $",
    "{'id':'pps_1','status':'approved','approval_url':'https://paypal.example/a',"
        + "'expires_at':'in three hours','created_at':'2030-06-15T12:00:00Z'}"
        + "|$.expires_at",
    "{'id':'pps_1','status':'approved','approval_url':'https://paypal.example/a',"
        + "'expires_at':'2030-06-15T15:00:00Z','created_at':null}"
        + "|Expected a timestamp at $.created_at",
    "[]|Expected a PayPal setup object at $",
    "null|",
  })
  void aSetupOutsideTheContractIsAMalformedResponse(String bodyAndMessage) {
    String[] parts = bodyAndMessage.split("\\|", -1);
    server.enqueue(PayPalServer.json(200, parts[0].replace('\'', '"')));

    assertThatThrownBy(() -> paypal().setup(PayPalSetupId.of(SETUP_ID)))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(200);
          assertThat(e.getMessage()).contains("GET " + SETUP).contains(parts[1]);
        });
  }

  @Test
  void aCompletionWithoutATokenIdIsAnUnknownOutcomeOverAMalformedResponseAndNothingIsStored() {
    server.enqueue(PayPalServer.json(200, "{\"type\":\"paypal\",\"created_at\":\"2030-06-15T12:05:00Z\"}"));

    assertThatThrownBy(() -> paypal().complete(PayPalSetupId.of(SETUP_ID)))
        .isInstanceOf(OutcomeUnknownException.class)
        .hasCauseInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("POST " + COMPLETE)
        .hasMessageContaining("Expected a token id");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aCompletionWithAnotherKindOfIdIsAnUnknownOutcomeOverAMalformedResponseAndNothingIsStored() {
    server.enqueue(PayPalServer.json(200, PayPalServer.token().replace(TOKEN_ID, "pm_123")));

    assertThatThrownBy(() -> paypal().complete(PayPalSetupId.of(SETUP_ID)))
        .isInstanceOf(OutcomeUnknownException.class)
        .hasCauseInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("Expected a token id (tok_…)");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  private PayPal paypal() {
    return PayPal.of(account());
  }

  private AccountClient account() {
    SettleClient client = PayPalServer.clientBuilder(server).build();
    return client.account(CustomerId.of(CUSTOMER));
  }

  private void respond(String method, String path, int status, String body) {
    PayPalServer.respond(server, method, path, status, body);
  }
}
