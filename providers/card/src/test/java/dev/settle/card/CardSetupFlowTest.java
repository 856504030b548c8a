package dev.settle.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.settle.AuthenticationRequiredException;
import dev.settle.OutcomeUnknownException;
import dev.settle.PaymentDeclinedException;
import dev.settle.PaymentMethods;
import dev.settle.RequestOptions;
import dev.settle.SettleClient;
import dev.settle.exception.MalformedResponseException;
import dev.settle.exception.ValidationException;
import dev.settle.model.CustomerId;
import dev.settle.model.PaymentMethod;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * A card whose bank asks for authentication before it is saved: the provider makes a card setup
 * and stops before anything is attached; a {@link CardAuthentication} completes it and attaches
 * the token it answers. What is sent at each step and what comes back, over a real socket.
 */
class CardSetupFlowTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-06-15T12:00:00Z"), ZoneOffset.UTC);
  private static final String CUSTOMER = "200001";
  private static final String SETUPS = "/v1/accounts/" + CUSTOMER + "/card_setups";
  private static final String METHODS = "/v1/accounts/" + CUSTOMER + "/payment_methods";
  private static final URI BACK = URI.create("https://shop.example/card-done?session=77");
  private static final String BANK = "https://bank.example/3ds/cs_Ab12?client_secret=seti_secret";
  private static final String NUMBER = "4000002500003155";

  private static final String ASKING_TOKEN = "{\"id\":\"tok_Card1\",\"type\":\"card\",\"requires_authentication\":true,"
      + "\"created_at\":\"2030-06-15T12:00:00Z\",\"card\":{\"brand\":\"visa\",\"last4\":\"3155\",\"exp_month\":12,"
      + "\"exp_year\":2031}}";
  private static final String WAITING = "{\"id\":\"cs_Ab12\",\"status\":\"requires_action\",\"next_action\":"
      + "{\"type\":\"redirect_to_url\",\"url\":\"" + BANK + "\"},\"token\":null,\"created_at\":\"2030-06-15T12:00:01Z\"}";
  private static final String SUCCEEDED = "{\"id\":\"cs_Ab12\",\"status\":\"succeeded\",\"next_action\":null,"
      + "\"token\":\"tok_Saved1\",\"created_at\":\"2030-06-15T12:00:01Z\"}";
  private static final String STORED = "{\"id\":\"pm_Card1\",\"type\":\"card\",\"preferred\":true,"
      + "\"usable_off_session\":true,\"created_at\":\"2030-06-15T12:05:00Z\",\"card\":{\"brand\":\"visa\","
      + "\"last4\":\"3155\",\"exp_month\":12,\"exp_year\":2031}}";

  @StartStop private final MockWebServer server = new MockWebServer();

  private PaymentMethods methods() {
    SettleClient client = SettleClient.builder().baseUrl(URI.create(server.url("/").toString()))
        .apiKey("sk_test_cardsetups").clock(CLOCK).build();
    return client.account(CustomerId.of(CUSTOMER)).paymentMethods();
  }

  private static CardDetails card() {
    return CardDetails.builder().number(NUMBER).expiry(12, 2031).cvc("123").build();
  }

  private static RequestOptions back(String key) {
    return RequestOptions.builder().idempotencyKey(key).returnUrl(BACK).build();
  }

  @Test
  void aCardWhoseBankAsksIsSetUpAndNothingIsAttachedUntilTheCustomerAuthenticated() throws Exception {
    respond("POST", "/v1/tokens", 201, ASKING_TOKEN);
    respond("POST", SETUPS, 201, WAITING);

    AuthenticationRequiredException thrown = catchThrowableOfType(AuthenticationRequiredException.class,
        () -> methods().add(card(), back("add-3155")));

    assertThat(thrown.setupId()).contains("cs_Ab12");
    assertThat(thrown.redirectUrl()).isEqualTo(URI.create(BANK));
    assertThat(thrown.paymentId()).isEmpty();
    assertThat(thrown.getMessage()).doesNotContain("client_secret", NUMBER, "3155");
    assertThat(server.getRequestCount()).as("no attach").isEqualTo(2);
    RecordedRequest tokenization = server.takeRequest();
    assertThat(tokenization.getHeaders().get("Idempotency-Key")).isEqualTo("add-3155:1");
    RecordedRequest setup = server.takeRequest();
    assertThat(setup.getRequestLine()).isEqualTo("POST " + SETUPS + " HTTP/1.1");
    assertThat(setup.getHeaders().get("Idempotency-Key")).isEqualTo("add-3155:2");
    assertThat(setup.getBody().utf8()).isEqualTo("{\"token\":\"tok_Card1\",\"return_url\":\"" + BACK + "\"}")
        .doesNotContain(NUMBER);
    ApiContract.assertValidRequest(setup);
  }

  @Test
  void theCustomersAuthenticationCompletesTheSetupAndAttachesItsToken() throws Exception {
    respond("POST", SETUPS + "/cs_Ab12/complete", 200, SUCCEEDED);
    respond("POST", METHODS, 201, STORED);

    PaymentMethod stored = methods().add(CardAuthentication.of(CardSetupId.of("cs_Ab12")),
        RequestOptions.builder().idempotencyKey("done-3155").build());

    assertThat(stored.usableOffSession()).isTrue();
    assertThat(stored.details(Card.class).map(Card::lastFour)).contains("3155");
    RecordedRequest completion = server.takeRequest();
    assertThat(completion.getRequestLine()).isEqualTo("POST " + SETUPS + "/cs_Ab12/complete HTTP/1.1");
    assertThat(completion.getHeaders().get("Idempotency-Key")).isEqualTo("done-3155:1");
    assertThat(completion.getBody().size()).isZero();
    ApiContract.assertValidRequest(completion);
    RecordedRequest attach = server.takeRequest();
    assertThat(attach.getBody().utf8()).isEqualTo("{\"token\":\"tok_Saved1\"}");
    assertThat(attach.getHeaders().get("Idempotency-Key")).isEqualTo("done-3155");
  }

  @Test
  void completingBeforeTheCustomerAnsweredThrowsTheSameAndAFailureIsADecline() throws Exception {
    respond("GET", "/v1/accounts/" + CUSTOMER, 200, "{\"customer_id\":\"" + CUSTOMER + "\",\"portal\":\"I\","
        + "\"name\":\"Camille Martin\",\"email\":null,\"currency\":\"EUR\",\"preferred_payment_method\":" + STORED
        + ",\"accepted_payment_methods\":[\"card\"],\"preferable_payment_methods\":[\"card\"],"
        + "\"created_at\":\"2030-01-01T00:00:00Z\"}");
    respond("POST", SETUPS + "/cs_Ab12/complete", 200, WAITING);
    respond("POST", SETUPS + "/cs_Ab12/complete", 402, "{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\","
        + "\"decline_code\":\"authentication_failed\",\"message\":\"The customer did not authenticate.\","
        + "\"param\":null,\"request_id\":\"req_2\"}}");

    assertThatThrownBy(() -> methods().switchPreferredAsync(CardAuthentication.of(CardSetupId.of("cs_Ab12")))
        .get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause()
        .isInstanceOfSatisfying(AuthenticationRequiredException.class,
            e -> assertThat(e.setupId()).contains("cs_Ab12"));
    assertThatThrownBy(() -> methods().add(CardAuthentication.of(CardSetupId.of("cs_Ab12"))))
        .isInstanceOfSatisfying(PaymentDeclinedException.class,
            e -> assertThat(e.declineCode()).contains("authentication_failed"));
    assertThat(server.takeRequest().getUrl().encodedPath()).as("Portal I: the account is read, nothing removed")
        .isEqualTo("/v1/accounts/" + CUSTOMER);
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo(SETUPS + "/cs_Ab12/complete");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo(SETUPS + "/cs_Ab12/complete");
  }

  @Test
  void aBankThatAsksNothingMoreGivesAnAttachableTokenAtOnceEvenWithoutBlocking() throws Exception {
    respond("POST", "/v1/tokens", 201, ASKING_TOKEN);
    respond("POST", SETUPS, 201, SUCCEEDED);
    respond("POST", METHODS, 201, STORED);

    PaymentMethod stored = methods().addAsync(card(), back("add-async")).get(10, TimeUnit.SECONDS);

    assertThat(stored.usableOffSession()).isTrue();
    server.takeRequest();
    assertThat(server.takeRequest().getBody().utf8()).contains("\"return_url\"");
    assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{\"token\":\"tok_Saved1\"}");
  }

  @Test
  void withoutAReturnUrlTheSetupIsMadeWithoutOne() throws Exception {
    respond("POST", "/v1/tokens", 201, ASKING_TOKEN);
    respond("POST", SETUPS, 201, WAITING);

    assertThatThrownBy(() -> methods().add(card())).isInstanceOf(AuthenticationRequiredException.class);

    server.takeRequest();
    assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{\"token\":\"tok_Card1\"}");
  }

  @Test
  void aSetupPageThatIsNotHttpsOrASetupWithoutItsTokenIsMalformed() {
    respond("POST", SETUPS + "/cs_Ab12/complete", 200, WAITING.replace("https://bank.example", "http://bank.example"));
    respond("POST", SETUPS + "/cs_Ab12/complete", 200, SUCCEEDED.replace("\"tok_Saved1\"", "null"));

    assertThatThrownBy(() -> methods().add(CardAuthentication.of(CardSetupId.of("cs_Ab12"))))
        .as("an unreadable answer to a write leaves its outcome unknown")
        .isInstanceOf(OutcomeUnknownException.class).cause()
        .isInstanceOf(MalformedResponseException.class).hasMessageContaining("https")
        .hasMessageNotContaining("bank.example");
    assertThatThrownBy(() -> methods().add(CardAuthentication.of(CardSetupId.of("cs_Ab12"))))
        .isInstanceOf(MalformedResponseException.class).hasMessageContaining("succeeded");
  }

  @Test
  void aSetupIdIsCheckedBeforeAnyRequest() {
    assertThatThrownBy(() -> CardSetupId.of("pps_123")).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.param()).isEqualTo("setup_id"));
    assertThat(CardAuthentication.of(CardSetupId.of("cs_Ab12")).kind()).isEqualTo("card");
    assertThat(server.getRequestCount()).isZero();
  }

  private void respond(String method, String path, int status, String body) {
    if (status < 400 && !body.contains("http://")) {
      ApiContract.assertValidResponse(method, path, status, body);
    }
    server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
        .addHeader("Request-Id", "req_test").body(body).build());
  }
}
