package dev.settle;

import static dev.settle.MockServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.settle.exception.ConnectionException;
import dev.settle.exception.InvalidRequestException;
import dev.settle.exception.ServerException;
import dev.settle.model.CustomerId;
import dev.settle.model.PaymentMethod;
import dev.settle.model.PaymentMethodDetails;
import dev.settle.model.PaymentMethodInput;
import dev.settle.spi.PaymentMethodProvider;
import dev.settle.spi.ProviderContext;
import dev.settle.testing.Contract;
import dev.settle.testing.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The switch of the preferred method on both portals, and every way the Portal I add can fail. */
class SwitchPreferredTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private static final String DECLINE =
      "{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\",\"decline_code\":\"generic_decline\","
          + "\"message\":\"Your card was declined.\",\"param\":null,\"request_id\":\"req_d\"}}";

  private PaymentMethods methods() {
    return methods(MockServer.client(server));
  }

  private PaymentMethods methods(SettleClient client) {
    return client.newBuilder().discoverProviders(false)
        .addProvider(new TokenOnlyProvider()).build()
        .account(CustomerId.of("100002")).paymentMethods();
  }

  private void enqueueAccountAndToken(String portal) {
    server.enqueue(json(200, Json.account("100002", portal, Json.cardMethod("pm_old", true))));
    server.enqueue(json(201, "{\"id\":\"tok_new\",\"type\":\"card\",\"created_at\":\"2026-03-01T10:00:00Z\"}"));
  }

  private static MockResponse dropped() {
    return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
  }

  private RecordedRequest[] requests() throws InterruptedException {
    RecordedRequest[] all = new RecordedRequest[server.getRequestCount()];
    for (int i = 0; i < all.length; i++) {
      all[i] = server.takeRequest();
      Contract.assertValidRequest(all[i]);
    }
    return all;
  }

  @Test
  void portalTwoAddsTheNewMethodAlreadyMarked() throws Exception {
    enqueueAccountAndToken("II");
    server.enqueue(json(201, Json.cardMethod("pm_new", true)));

    PaymentMethod switched = methods().switchPreferred(new TokenOnlyInput());

    assertThat(switched.id().value()).isEqualTo("pm_new");
    RecordedRequest[] sent = requests();
    assertThat(sent).hasSize(3);
    assertThat(sent[2].getUrl().encodedPath()).isEqualTo("/v1/accounts/100002/payment_methods");
    assertThat(sent[2].getBody().utf8()).isEqualTo("{\"token\":\"tok_new\",\"preferred\":true}");
  }

  @Test
  void portalOneRemovesTheOldThenAddsTheNew() throws Exception {
    enqueueAccountAndToken("I");
    server.enqueue(json(200, "{\"id\":\"pm_old\",\"deleted\":true,\"restore_token\":\"tok_restore\"}"));
    server.enqueue(json(201, Json.cardMethod("pm_new", true)));

    PaymentMethod switched = methods().switchPreferred(new TokenOnlyInput());

    assertThat(switched.id().value()).isEqualTo("pm_new");
    RecordedRequest[] sent = requests();
    assertThat(sent).extracting(RecordedRequest::getMethod).containsExactly("GET", "POST", "DELETE", "POST");
    assertThat(sent[1].getUrl().encodedPath()).as("tokenized before anything changes").isEqualTo("/v1/tokens");
    assertThat(sent[2].getUrl().encodedPath()).isEqualTo("/v1/accounts/100002/payment_methods/pm_old");
    assertThat(sent[3].getBody().utf8()).isEqualTo("{\"token\":\"tok_new\"}");
  }

  @Test
  void portalOnePutsTheOldMethodBackWhenTheNewOneIsDeclined() throws Exception {
    enqueueAccountAndToken("I");
    server.enqueue(json(200, "{\"id\":\"pm_old\",\"deleted\":true,\"restore_token\":\"tok_restore\"}"));
    server.enqueue(json(402, DECLINE));
    server.enqueue(json(201, Json.cardMethod("pm_old", true)));

    assertThatThrownBy(() -> methods().switchPreferred(new TokenOnlyInput()))
        .isInstanceOfSatisfying(PreferredSwitchException.class, e -> {
          assertThat(e.previousRestored()).isTrue();
          assertThat(e.preferredAfter()).hasValueSatisfying(m -> assertThat(m.id().value()).isEqualTo("pm_old"));
          assertThat(e.getCause()).isInstanceOf(PaymentDeclinedException.class);
        })
        .hasMessageContaining("pm_old was put back");
    RecordedRequest[] sent = requests();
    assertThat(sent).hasSize(5);
    assertThat(sent[4].getBody().utf8()).isEqualTo("{\"token\":\"tok_restore\"}");
    assertThat(sent[4].getHeaders().get("Idempotency-Key"))
        .isEqualTo(sent[3].getHeaders().get("Idempotency-Key") + ":restore");
  }

  @Test
  void theAsyncSwitchPutsTheOldMethodBackToo() throws Exception {
    enqueueAccountAndToken("I");
    server.enqueue(json(200, "{\"id\":\"pm_old\",\"deleted\":true,\"restore_token\":\"tok_restore\"}"));
    server.enqueue(json(402, DECLINE));
    server.enqueue(json(201, Json.cardMethod("pm_old", true)));

    var future = methods().switchPreferredAsync(new TokenOnlyInput(), RequestOptions.defaults());

    assertThat(future).failsWithin(java.time.Duration.ofSeconds(10))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause().isInstanceOfSatisfying(PreferredSwitchException.class, e -> {
          assertThat(e.previousRestored()).isTrue();
          assertThat(e.preferredAfter().map(m -> m.id().value())).hasValue("pm_old");
        });
    assertThat(requests()).extracting(RecordedRequest::getMethod).containsExactly("GET", "POST", "DELETE", "POST", "POST");
  }

  @Test
  void aLostRemovalThatDidHappenIsAskedAgainWithItsKeyForTheRestoreToken() throws Exception {
    enqueueAccountAndToken("I");
    server.enqueue(dropped());
    server.enqueue(json(200, Json.account("100002", "I", "null")));
    server.enqueue(json(200, "{\"id\":\"pm_old\",\"deleted\":true,\"restore_token\":\"tok_restore\"}"));
    server.enqueue(json(402, DECLINE));
    server.enqueue(json(201, Json.cardMethod("pm_old", true)));

    assertThatThrownBy(() -> methods().switchPreferred(new TokenOnlyInput()))
        .isInstanceOfSatisfying(PreferredSwitchException.class, e -> {
          assertThat(e.previousRestored()).isTrue();
          assertThat(e.preferredAfter().map(m -> m.id().value())).hasValue("pm_old");
        });
    RecordedRequest[] sent = requests();
    assertThat(sent).extracting(RecordedRequest::getMethod)
        .containsExactly("GET", "POST", "DELETE", "GET", "DELETE", "POST", "POST");
    String removeKey = sent[2].getHeaders().get("Idempotency-Key");
    assertThat(removeKey).isEqualTo(sent[5].getHeaders().get("Idempotency-Key") + ":remove");
    assertThat(sent[4].getHeaders().get("Idempotency-Key")).as("asked again with the same key").isEqualTo(removeKey);
    assertThat(sent[6].getBody().utf8()).isEqualTo("{\"token\":\"tok_restore\"}");
  }

  @Test
  void aLostRemovalThatDidNotHappenChangesNothing() throws Exception {
    enqueueAccountAndToken("I");
    server.enqueue(dropped());
    server.enqueue(json(200, Json.account("100002", "I", Json.cardMethod("pm_old", true))));

    assertThatThrownBy(() -> methods().switchPreferred(new TokenOnlyInput())).isInstanceOf(ConnectionException.class);
    assertThat(requests()).extracting(RecordedRequest::getMethod).containsExactly("GET", "POST", "DELETE", "GET");
  }

  @Test
  void aLostRemovalWithTheAccountUnreadableIsAnUnknownOutcomeUnderTheSwitchKeyNeverAPlainFailure() throws Exception {
    enqueueAccountAndToken("I");
    server.enqueue(dropped());
    server.enqueue(dropped());
    RequestOptions options = RequestOptions.builder().idempotencyKey("switch-42").build();

    assertThatThrownBy(() -> methods().switchPreferred(new TokenOnlyInput(), options))
        .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> {
          assertThat(e.idempotencyKey()).isEqualTo("switch-42");
          assertThat(e.getCause()).isInstanceOf(ConnectionException.class);
          assertThat(e.getSuppressed()).singleElement().isInstanceOf(ConnectionException.class);
        })
        .hasMessageContaining("the removal of pm_old failed and the account could not be read");
    RecordedRequest[] sent = requests();
    assertThat(sent).extracting(RecordedRequest::getMethod).containsExactly("GET", "POST", "DELETE", "GET");
    assertThat(sent[2].getHeaders().get("Idempotency-Key")).isEqualTo("switch-42:remove");
  }

  @Test
  void aRemovalAnswered404ByAServerThatDidItIsNoticedAndTheSwitchGoesOn() throws Exception {
    enqueueAccountAndToken("I");
    server.enqueue(json(404, Json.error("invalid_request_error", "resource_missing", "payment_method_id")));
    server.enqueue(json(200, Json.account("100002", "I", "null")));
    server.enqueue(json(201, Json.cardMethod("pm_new", true)));

    assertThat(methods().switchPreferred(new TokenOnlyInput()).id().value()).isEqualTo("pm_new");
    assertThat(requests()).extracting(RecordedRequest::getMethod).containsExactly("GET", "POST", "DELETE", "GET", "POST");
  }

  @Test
  void repeatingASwitchThatHadFinishedWithItsKeyAnswersTheMethodItAddedAndRemovesNothing() throws Exception {
    server.enqueue(json(200, Json.account("100002", "I", Json.cardMethod("pm_new", true))));
    server.enqueue(json(201, "{\"id\":\"tok_new\",\"type\":\"card\",\"created_at\":\"2026-03-01T10:00:00Z\"}"));
    server.enqueue(json(400, "{\"error\":{\"type\":\"idempotency_error\",\"code\":\"idempotency_key_reused\","
        + "\"message\":\"This Idempotency-Key was already used with another request.\",\"param\":\"Idempotency-Key\"}}"));
    server.enqueue(json(201, Json.cardMethod("pm_new", true)));
    RequestOptions sameKey = RequestOptions.builder().idempotencyKey("switch-7").build();

    assertThat(methods().switchPreferred(new TokenOnlyInput(), sameKey).id().value()).isEqualTo("pm_new");
    RecordedRequest[] sent = requests();
    assertThat(sent).extracting(RecordedRequest::getMethod).containsExactly("GET", "POST", "DELETE", "POST");
    assertThat(sent[3].getHeaders().get("Idempotency-Key")).isEqualTo("switch-7");
  }

  @Test
  void anAddWithoutAnswerThatWasDoneEndsTheSwitchWithTheNewMethod() throws Exception {
    enqueueAccountAndToken("I");
    server.enqueue(json(200, "{\"id\":\"pm_old\",\"deleted\":true,\"restore_token\":\"tok_restore\"}"));
    server.enqueue(dropped());
    server.enqueue(json(200, Json.account("100002", "I", Json.cardMethod("pm_new", true))));

    assertThat(methods().switchPreferred(new TokenOnlyInput()).id().value()).isEqualTo("pm_new");
    assertThat(requests()).extracting(RecordedRequest::getMethod).containsExactly("GET", "POST", "DELETE", "POST", "GET");
  }

  @Test
  void anAddWithoutAnswerAndAnUnreadableAccountIsUnknownNeverReportedAsUnchanged() throws Exception {
    enqueueAccountAndToken("I");
    server.enqueue(json(200, "{\"id\":\"pm_old\",\"deleted\":true,\"restore_token\":\"tok_restore\"}"));
    server.enqueue(dropped());
    server.enqueue(dropped());

    assertThatThrownBy(() -> methods().switchPreferred(new TokenOnlyInput()))
        .isInstanceOfSatisfying(OutcomeUnknownException.class,
            e -> assertThat(e.getSuppressed()).singleElement().isInstanceOf(ConnectionException.class))
        .hasMessageContaining("the new method's add got no answer");
  }

  @Test
  void portalOneAsksAgainWithTheSameKeyWhenTheAddsOutcomeIsUnknown() throws Exception {
    enqueueAccountAndToken("I");
    server.enqueue(json(200, "{\"id\":\"pm_old\",\"deleted\":true,\"restore_token\":\"tok_restore\"}"));
    server.enqueue(dropped());
    server.enqueue(json(201, Json.cardMethod("pm_new", true)));

    List<Duration> sleeps = new ArrayList<>();
    PaymentMethod switched = methods(MockServer.retryingClient(server, sleeps)).switchPreferred(new TokenOnlyInput());

    assertThat(switched.id().value()).isEqualTo("pm_new");
    assertThat(sleeps).hasSize(1);
    RecordedRequest[] sent = requests();
    assertThat(sent).hasSize(5);
    assertThat(sent[4].getHeaders().get("Idempotency-Key")).isEqualTo(sent[3].getHeaders().get("Idempotency-Key"));
    assertThat(sent[4].getBody().utf8()).isEqualTo("{\"token\":\"tok_new\"}");
  }

  @Test
  void portalOneReadsTheAccountAfterAServerErrorOnTheAddAndRestoresWhenNothingWasAdded() throws Exception {
    enqueueAccountAndToken("I");
    server.enqueue(json(200, "{\"id\":\"pm_old\",\"deleted\":true,\"restore_token\":\"tok_restore\"}"));
    server.enqueue(json(500, Json.error("api_error", "internal", null)));
    server.enqueue(json(200, Json.account("100002", "I", "null")));
    server.enqueue(json(201, Json.cardMethod("pm_old", true)));

    assertThatThrownBy(() -> methods().switchPreferred(new TokenOnlyInput()))
        .isInstanceOfSatisfying(PreferredSwitchException.class, e -> {
          assertThat(e.previousRestored()).isTrue();
          assertThat(e.getCause()).isInstanceOf(ServerException.class);
        });
    assertThat(requests()).extracting(RecordedRequest::getMethod)
        .containsExactly("GET", "POST", "DELETE", "POST", "GET", "POST");
  }

  @Test
  void whenEvenTheRestoreFailsTheExceptionSaysTheAccountHasNoPreferredMethod() throws Exception {
    enqueueAccountAndToken("I");
    server.enqueue(json(200, "{\"id\":\"pm_old\",\"deleted\":true,\"restore_token\":\"tok_restore\"}"));
    server.enqueue(json(402, DECLINE));
    server.enqueue(json(400, Json.error("invalid_request_error", "token_expired", "token")));
    server.enqueue(json(200, Json.account("100002", "I", "null")));

    assertThatThrownBy(() -> methods().switchPreferred(new TokenOnlyInput()))
        .isInstanceOfSatisfying(PreferredSwitchException.class, e -> {
          assertThat(e.previousRestored()).isFalse();
          assertThat(e.preferredAfter()).isEmpty();
          assertThat(e.getCause().getSuppressed()).singleElement().isInstanceOf(InvalidRequestException.class);
        })
        .hasMessageContaining("preferred method is now none");
  }

  @Test
  void aTokenizationWithoutAnswerIsResolvedByRepeatingTheWholeCallWithItsKey() {
    server.enqueue(dropped());
    RequestOptions options = RequestOptions.builder().idempotencyKey("add-card-7").build();

    assertThatThrownBy(() -> methods().add(new TokenOnlyInput(), options))
        .isInstanceOfSatisfying(OutcomeUnknownException.class,
            e -> assertThat(e.retryOptions().idempotencyKey()).hasValue("add-card-7"));
  }

  @Test
  void aRefusedTokenizationChangesNothing() throws Exception {
    server.enqueue(json(200, Json.account("100002", "I", Json.cardMethod("pm_old", true))));
    server.enqueue(json(402, DECLINE));

    assertThatThrownBy(() -> methods().switchPreferred(new TokenOnlyInput()))
        .isInstanceOf(PaymentDeclinedException.class);
    assertThat(requests()).extracting(RecordedRequest::getMethod).containsExactly("GET", "POST");
  }

  static final class TokenOnlyInput implements PaymentMethodInput {
    @Override
    public String kind() {
      return "card";
    }
  }

  /** Tokenizes by posting a fixed body; reads nothing of its own. */
  static final class TokenOnlyProvider implements PaymentMethodProvider {
    @Override
    public String kind() {
      return "card";
    }

    @Override
    public JsonAdapter<? extends PaymentMethodDetails> detailsAdapter(Moshi moshi) {
      return new SettleClientBuilderTest.FakeCardProvider().detailsAdapter(moshi);
    }

    @Override
    public String tokenize(PaymentMethodInput input, ProviderContext context) {
      return TestTokens.tokenize(context, TestTokens.CARD);
    }

    @Override
    public CompletableFuture<String> tokenizeAsync(PaymentMethodInput input, ProviderContext context) {
      return TestTokens.tokenizeAsync(context, TestTokens.CARD);
    }
  }
}
