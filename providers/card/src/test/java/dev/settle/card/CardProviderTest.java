package dev.settle.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.OutcomeUnknownException;
import dev.settle.PaymentDeclinedException;
import dev.settle.PaymentMethods;
import dev.settle.RequestOptions;
import dev.settle.SettleClient;
import dev.settle.exception.MalformedResponseException;
import dev.settle.exception.MissingProviderException;
import dev.settle.exception.ValidationException;
import dev.settle.model.CustomerId;
import dev.settle.model.PaymentMethod;
import dev.settle.model.PaymentMethodId;
import dev.settle.model.UnknownPaymentMethodDetails;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The card provider inside a real client, against a real socket. */
class CardProviderTest {
  private static final Clock JUNE_2030 =
      Clock.fixed(Instant.parse("2030-06-15T12:00:00Z"), ZoneOffset.UTC);
  private static final String API_KEY = "sk_test_cardprovider";
  private static final String CUSTOMER = "200001";
  private static final String NUMBER = "4242424242424242";
  private static final String CVC = "737";
  private static final String TOKEN_ID = "tok_4eC39HqLyjWDarjtT1zdp7dc";

  private static final String TOKEN =
      "{\"id\":\"" + TOKEN_ID + "\",\"type\":\"card\",\"created_at\":\"2030-06-15T12:00:00Z\","
          + "\"card\":{\"brand\":\"visa\",\"last4\":\"4242\",\"exp_month\":12,\"exp_year\":2030,"
          + "\"holder_name\":\"Camille Martin\"}}";
  private static final String STORED_VISA =
      "{\"id\":\"pm_1Q2w3E\",\"type\":\"card\",\"preferred\":true,\"usable_off_session\":true,"
          + "\"created_at\":\"2030-06-15T12:00:01Z\","
          + "\"card\":{\"brand\":\"visa\",\"last4\":\"4242\",\"exp_month\":12,\"exp_year\":2030,"
          + "\"holder_name\":\"Camille Martin\"}}";

  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  void sendsTheCardOnlyToTokenizationThenAttachesTheToken() throws InterruptedException {
    respond("POST", "/v1/tokens", 201, TOKEN);
    respond("POST", "/v1/accounts/" + CUSTOMER + "/payment_methods", 201, STORED_VISA);

    PaymentMethod stored = paymentMethods(client(JUNE_2030)).add(visa().build());

    assertThat(stored.id()).isEqualTo(PaymentMethodId.of("pm_1Q2w3E"));
    assertThat(stored.kind()).isEqualTo("card");
    assertThat(stored.preferred()).isTrue();
    assertThat(stored.details(Card.class))
        .hasValueSatisfying(card -> {
          assertThat(card.brand()).contains(CardBrand.VISA);
          assertThat(card.lastFour()).isEqualTo("4242");
          assertThat(card.expiry()).isEqualTo(YearMonth.of(2030, 12));
          assertThat(card.holderName()).contains("Camille Martin");
        });
    assertThat(server.getRequestCount()).isEqualTo(2);

    RecordedRequest tokenization = server.takeRequest();
    assertThat(tokenization.getRequestLine()).isEqualTo("POST /v1/tokens HTTP/1.1");
    assertThat(tokenization.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
    assertThat(tokenization.getHeaders().get("Settle-Version")).isEqualTo(SettleClient.API_VERSION);
    assertThat(tokenization.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(tokenization.getBody().utf8())
        .isEqualTo(
            "{\"type\":\"card\",\"card\":{\"number\":\"" + NUMBER + "\",\"exp_month\":12,"
                + "\"exp_year\":2030,\"cvc\":\"" + CVC + "\",\"holder_name\":\"Camille Martin\"}}");
    ApiContract.assertValidRequest(tokenization);

    RecordedRequest attachment = server.takeRequest();
    assertThat(attachment.getRequestLine())
        .isEqualTo("POST /v1/accounts/" + CUSTOMER + "/payment_methods HTTP/1.1");
    assertThat(attachment.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
    assertThat(attachment.getHeaders().get("Settle-Version")).isEqualTo(SettleClient.API_VERSION);
    assertThat(attachment.getBody().utf8()).isEqualTo("{\"token\":\"" + TOKEN_ID + "\"}");
    attachment.getHeaders().forEach(header -> {
      assertThat(header.getSecond()).as(header.getFirst()).doesNotContain(NUMBER, "4242424242");
      if (!header.getFirst().equals("Idempotency-Key")) {
        assertThat(header.getSecond()).as(header.getFirst()).doesNotContain(CVC);
      }
    });
    ApiContract.assertValidRequest(attachment);

    String tokenKey = tokenization.getHeaders().get("Idempotency-Key");
    String attachKey = attachment.getHeaders().get("Idempotency-Key");
    assertThat(attachKey).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(tokenKey).startsWith(attachKey).isNotEqualTo(attachKey);
  }

  @Test
  void repeatingAnAddWithItsIdempotencyKeyRepeatsTheKeyOfEachRequest()
      throws InterruptedException {
    for (int attempt = 0; attempt < 2; attempt++) {
      respond("POST", "/v1/tokens", 201, TOKEN);
      respond("POST", "/v1/accounts/" + CUSTOMER + "/payment_methods", 201, STORED_VISA);
    }
    RequestOptions options = RequestOptions.builder().idempotencyKey("add-visa-4242").build();
    PaymentMethods methods = paymentMethods(client(JUNE_2030));

    methods.add(visa().build(), options);
    methods.add(visa().build(), options);

    List<String> keys = List.of(
        idempotencyKey(server.takeRequest()), idempotencyKey(server.takeRequest()),
        idempotencyKey(server.takeRequest()), idempotencyKey(server.takeRequest()));
    assertThat(keys.get(2)).isEqualTo(keys.get(0));
    assertThat(keys.get(3)).isEqualTo(keys.get(1)).isEqualTo("add-visa-4242");
  }

  @Test
  void addingAsynchronouslySendsTheSameTwoRequests() throws Exception {
    respond("POST", "/v1/tokens", 201, TOKEN);
    respond("POST", "/v1/accounts/" + CUSTOMER + "/payment_methods", 201, STORED_VISA);

    PaymentMethod stored = paymentMethods(client(JUNE_2030))
        .addAsync(visa().build(), RequestOptions.defaults()).get(10, java.util.concurrent.TimeUnit.SECONDS);

    assertThat(stored.details(Card.class).map(Card::lastFour)).hasValue("4242");
    RecordedRequest tokenization = server.takeRequest();
    assertThat(tokenization.getUrl().encodedPath()).isEqualTo("/v1/tokens");
    assertThat(tokenization.getBody().utf8()).contains(NUMBER);
    RecordedRequest attachment = server.takeRequest();
    assertThat(attachment.getBody().utf8()).isEqualTo("{\"token\":\"" + TOKEN_ID + "\"}");
    assertThat(idempotencyKey(tokenization)).isEqualTo(idempotencyKey(attachment) + ":1");
  }

  @Test
  void anExpiredCardAddedAsynchronouslyFailsWithoutARequest() {
    CardDetails expired = visa().expiry(5, 2030).build();

    assertThat(paymentMethods(client(JUNE_2030)).addAsync(expired, RequestOptions.defaults()))
        .failsWithin(java.time.Duration.ofSeconds(5))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause().isInstanceOf(ValidationException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anExpiredCardMakesNoRequest() {
    SettleClient client = client(JUNE_2030);
    CardDetails expired = visa().expiry(5, 2030).build();

    assertThatThrownBy(() -> paymentMethods(client).add(expired))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.param()).isEqualTo("exp_month");
          assertThat(e.reason()).isEqualTo(ValidationException.Reason.EXPIRED);
          assertThat(e.getMessage())
              .isEqualTo("The card expired at the end of 2030-05; use a current card (exp_month)");
        });
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aCardCanBeAddedUntilTheLastInstantOfItsExpiryMonth() {
    respond("POST", "/v1/tokens", 201, TOKEN);
    respond("POST", "/v1/accounts/" + CUSTOMER + "/payment_methods", 201, STORED_VISA);
    Clock lastInstantOfJune =
        Clock.fixed(Instant.parse("2030-06-30T23:59:59.999Z"), ZoneOffset.UTC);
    Clock firstInstantOfJuly = Clock.fixed(Instant.parse("2030-07-01T00:00:00Z"), ZoneOffset.UTC);
    CardDetails expiresInJune = visa().expiry(6, 2030).build();

    paymentMethods(client(lastInstantOfJune)).add(expiresInJune);
    assertThat(server.getRequestCount()).isEqualTo(2);

    assertThatThrownBy(() -> paymentMethods(client(firstInstantOfJuly)).add(expiresInJune))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("expired at the end of 2030-06");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void theExpiryMonthEndsInTheTimeZoneOfTheClientsClock() {
    // 22:30 UTC on 30 June is already July in Paris.
    Clock paris =
        Clock.fixed(Instant.parse("2030-06-30T22:30:00Z"), ZoneId.of("Europe/Paris"));

    assertThatThrownBy(() -> paymentMethods(client(paris)).add(visa().expiry(6, 2030).build()))
        .isInstanceOf(ValidationException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anInvalidCardMakesNoRequest() {
    SettleClient client = client(JUNE_2030);

    assertThatThrownBy(
            () -> paymentMethods(client).add(visa().number("4242424242424241").build()))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () -> paymentMethods(client).add(visa().number("6011111111111117").build()))
        .isInstanceOf(ValidationException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aTokenWithoutATokenIdIsAnUnknownOutcomeOverAMalformedResponseAndNothingIsAttached() {
    server.enqueue(json(201, "{\"type\":\"card\",\"created_at\":\"2030-06-15T12:00:00Z\"}"));

    assertThatThrownBy(() -> paymentMethods(client(JUNE_2030)).add(visa().build()))
        .isInstanceOf(OutcomeUnknownException.class)
        .hasCauseInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("POST /v1/tokens")
        .hasMessageContaining("Expected a token id");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aRefusedTokenizationAttachesNothing() {
    respond("POST", "/v1/tokens", 402,
        "{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\","
            + "\"decline_code\":\"generic_decline\",\"message\":\"Your card was declined.\","
            + "\"request_id\":\"req_1\"}}");

    assertThatThrownBy(() -> paymentMethods(client(JUNE_2030)).add(visa().build()))
        .isInstanceOf(PaymentDeclinedException.class)
        .hasMessageNotContaining(NUMBER);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void readsStoredCardsIncludingABrandThisVersionDoesNotKnow() {
    server.enqueue(json(200,
        "{\"data\":[" + STORED_VISA + ","
            + "{\"id\":\"pm_9Z8y7X\",\"type\":\"card\",\"preferred\":false,\"usable_off_session\":true,"
            + "\"created_at\":\"2030-06-15T12:00:02Z\","
            + "\"card\":{\"brand\":\"discover\",\"last4\":\"1117\",\"exp_month\":1,"
            + "\"exp_year\":2032,\"holder_name\":null}}],"
            + "\"has_more\":false,\"next_cursor\":null}"));

    List<Card> cards = paymentMethods(client(JUNE_2030)).list().stream()
        .map(method -> method.details(Card.class).orElseThrow())
        .collect(Collectors.toList());

    assertThat(cards).extracting(Card::brandName).containsExactly("visa", "discover");
    assertThat(cards).extracting(Card::brand)
        .containsExactly(Optional.of(CardBrand.VISA), Optional.empty());
    assertThat(cards.get(1).lastFour()).isEqualTo("1117");
    assertThat(cards.get(1).holderName()).isEmpty();
  }

  @Test
  void aCardObjectOutsideTheContractIsAMalformedResponseThatNamesTheField() {
    server.enqueue(json(200,
        "{\"id\":\"pm_1Q2w3E\",\"type\":\"card\",\"preferred\":true,\"usable_off_session\":true,"
            + "\"created_at\":\"2030-06-15T12:00:01Z\","
            + "\"card\":{\"brand\":\"visa\",\"last4\":\"" + NUMBER + "\",\"exp_month\":12,"
            + "\"exp_year\":2030}}"));

    assertThatThrownBy(() -> paymentMethods(client(JUNE_2030)).get(PaymentMethodId.of("pm_1Q2w3E")))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("$.card.last4")
        .hasMessageNotContaining(NUMBER);
  }

  @Test
  void isFoundOnTheClasspathByDefault() {
    server.enqueue(json(200, STORED_VISA));

    PaymentMethod method =
        paymentMethods(client(JUNE_2030)).get(PaymentMethodId.of("pm_1Q2w3E"));

    assertThat(method.details()).isInstanceOf(Card.class);
  }

  @Test
  void withoutDiscoveryCardsAreUnknownAndCannotBeAdded() {
    server.enqueue(json(200, STORED_VISA));
    SettleClient client = clientBuilder(JUNE_2030).discoverProviders(false).build();

    PaymentMethod method = paymentMethods(client).get(PaymentMethodId.of("pm_1Q2w3E"));

    assertThat(method.details()).isInstanceOfSatisfying(UnknownPaymentMethodDetails.class,
        details -> {
          assertThat(details.kind()).isEqualTo("card");
          assertThat(details.attributes()).containsEntry("last4", "4242");
        });
    assertThat(method.details(Card.class)).isEmpty();
    assertThatThrownBy(() -> paymentMethods(client).add(visa().build()))
        .isInstanceOfSatisfying(MissingProviderException.class, e -> {
          assertThat(e.kind()).isEqualTo("card");
          assertThat(e.artifact()).isEqualTo("dev.settle:settle-card");
          assertThat(e.getMessage()).contains("dev.settle:settle-card");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void canBeRegisteredOnTheBuilderWhenDiscoveryIsOff() {
    respond("POST", "/v1/tokens", 201, TOKEN);
    respond("POST", "/v1/accounts/" + CUSTOMER + "/payment_methods", 201, STORED_VISA);
    SettleClient client =
        clientBuilder(JUNE_2030).discoverProviders(false).addProvider(new CardProvider()).build();

    PaymentMethod stored = paymentMethods(client).add(visa().build());

    assertThat(stored.details(Card.class)).isPresent();
  }

  private static CardDetails.Builder visa() {
    return CardDetails.builder()
        .number("4242 4242 4242 4242")
        .expiry(12, 2030)
        .cvc(CVC)
        .holderName("Camille Martin");
  }

  private SettleClient client(Clock clock) {
    return clientBuilder(clock).build();
  }

  private SettleClient.Builder clientBuilder(Clock clock) {
    return SettleClient.builder()
        .baseUrl(URI.create(server.url("/").toString()))
        .apiKey(API_KEY)
        .clock(clock);
  }

  private static PaymentMethods paymentMethods(SettleClient client) {
    return client.account(CustomerId.of(CUSTOMER)).paymentMethods();
  }

  private static String idempotencyKey(RecordedRequest request) {
    return request.getHeaders().get("Idempotency-Key");
  }

  /** Serves {@code body}, after checking that the contract allows it for the request. */
  private void respond(String method, String path, int status, String body) {
    ApiContract.assertValidResponse(method, path, status, body);
    server.enqueue(json(status, body));
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .addHeader("Content-Type", "application/json")
        .addHeader("Request-Id", "req_test")
        .body(body)
        .build();
  }
}
