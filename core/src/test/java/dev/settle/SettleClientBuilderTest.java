package dev.settle;

import static dev.settle.MockServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import dev.settle.exception.MissingProviderException;
import dev.settle.exception.SettleConfigurationException;
import dev.settle.model.CustomerId;
import dev.settle.model.PaymentMethodDetails;
import dev.settle.model.PaymentMethodInput;
import dev.settle.spi.PaymentMethodProvider;
import dev.settle.spi.ProviderContext;
import dev.settle.testing.Json;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class SettleClientBuilderTest {
  @StartStop final MockWebServer server = new MockWebServer();

  @Test
  void requiresBaseUrlAndApiKey() {
    assertThatThrownBy(() -> SettleClient.builder().apiKey("sk_test_x").build())
        .isInstanceOf(SettleConfigurationException.class).hasMessageContaining("base URL");
    assertThatThrownBy(() -> SettleClient.builder().baseUrl(URI.create("https://billing.example.com")).build())
        .isInstanceOf(SettleConfigurationException.class).hasMessageContaining("API key");
    assertThatThrownBy(() -> SettleClient.builder().apiKey(" "))
        .isInstanceOf(SettleConfigurationException.class);
  }

  @Test
  void aBuilderUsedAgainChangesNoClientBuiltBefore() throws Exception {
    server.enqueue(json(200, Json.account("200001", "II", "null")));
    SettleClient.Builder builder = MockServer.builder(server);
    SettleClient first = builder.build();

    builder.apiKey("sk_test_another_key");
    first.newBuilder().build().account(CustomerId.of("200001")).get();

    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + MockServer.API_KEY);
  }

  @Test
  void refusesAKeyThatCannotBeSentInAHeaderWithoutQuotingIt() {
    assertThatThrownBy(() -> SettleClient.builder().apiKey("sk_test_secret\n"))
        .isInstanceOf(SettleConfigurationException.class)
        .hasMessageNotContaining("sk_test_secret");
    assertThatThrownBy(() -> SettleClient.builder().apiKey("sk_test_sécret"))
        .isInstanceOf(SettleConfigurationException.class);
  }

  @Test
  void requiresHttpsExceptOnLoopback() {
    assertThatThrownBy(() -> SettleClient.builder().baseUrl(URI.create("http://billing.example.com/")))
        .isInstanceOf(SettleConfigurationException.class).hasMessageContaining("HTTPS");
    assertThatThrownBy(() -> SettleClient.builder().baseUrl(URI.create("http://10.0.0.5/")))
        .isInstanceOf(SettleConfigurationException.class);
    assertThatThrownBy(() -> SettleClient.builder().baseUrl(URI.create("ftp://billing.example.com/")))
        .isInstanceOf(SettleConfigurationException.class);
    SettleClient.builder().baseUrl(URI.create("https://billing.example.com/"));
    SettleClient.builder().baseUrl(URI.create("http://127.0.0.1:8080/"));
    SettleClient.builder().baseUrl(URI.create("http://localhost:8080/"));
    SettleClient.builder().baseUrl(URI.create("http://[::1]:8080/"));
  }

  @Test
  void toStringNeverShowsTheApiKey() {
    SettleClient client = MockServer.client(server);
    assertThat(client.toString()).doesNotContain(MockServer.API_KEY).contains("sk_test_****");
    assertThat(client.newBuilder().toString()).doesNotContain(MockServer.API_KEY);
  }

  @Test
  void baseUrlWithAPathKeepsIt() throws Exception {
    server.enqueue(json(200, Json.account("200001", "I", "null")));
    SettleClient client = SettleClient.builder()
        .baseUrl(URI.create(server.url("/billing").toString())).apiKey("sk_test_x").build();

    client.account(CustomerId.of("200001")).get();

    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/billing/v1/accounts/200001");
  }

  @Test
  void sharesTheCallersOkHttpClientButNeverItsSilentRetry() throws Exception {
    OkHttpClient shared = new OkHttpClient.Builder().retryOnConnectionFailure(true)
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("X-Trace", "t-1").build()))
        .build();
    server.enqueue(json(200, Json.account("200001", "I", "null")));
    SettleClient client = SettleClient.builder().baseUrl(URI.create(server.url("/").toString()))
        .apiKey("sk_test_x").okHttpClient(shared).build();

    client.account(CustomerId.of("200001")).get();

    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("X-Trace")).isEqualTo("t-1");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer sk_test_x");
  }

  @Test
  void theSharedClientsInterceptorsNeitherSeeNorReplaceTheKey() throws Exception {
    List<String> seen = new ArrayList<>();
    OkHttpClient shared = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          seen.add(String.valueOf(chain.request().header("Authorization")));
          return chain.proceed(chain.request().newBuilder()
              .header("Authorization", "Bearer other_service").header("User-Agent", "app/1").build());
        })
        .build();
    server.enqueue(json(200, Json.account("200001", "I", "null")));
    SettleClient client = SettleClient.builder().baseUrl(URI.create(server.url("/").toString()))
        .apiKey("sk_test_x").okHttpClient(shared).build();

    client.account(CustomerId.of("200001")).get();

    assertThat(seen).containsExactly("null");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer sk_test_x");
    assertThat(request.getHeaders().get("User-Agent")).isEqualTo("settle-java");
  }

  @Test
  void explicitProviderWinsAndReadsItsKind() {
    server.enqueue(json(200, Json.account("200001", "II", Json.cardMethod("pm_1", true))));
    SettleClient client = MockServer.client(server).newBuilder().addProvider(new FakeCardProvider()).build();

    var preferred = client.account(CustomerId.of("200001")).get().preferredPaymentMethod().orElseThrow();

    assertThat(preferred.details(FakeCard.class)).hasValue(new FakeCard("4242"));
  }

  @Test
  void detailsWrittenBeforeTheTypeAreStillHandedToTheProvider() {
    server.enqueue(json(200, Json.account("200001", "II",
        "{\"card\":{\"brand\":\"visa\",\"last4\":\"1881\",\"exp_month\":1,\"exp_year\":2031},"
            + "\"id\":\"pm_2\",\"preferred\":true,\"usable_off_session\":true,\"created_at\":\"2026-01-02T03:04:05Z\",\"type\":\"card\"}")));
    SettleClient client = MockServer.client(server).newBuilder().addProvider(new FakeCardProvider()).build();

    var preferred = client.account(CustomerId.of("200001")).get().preferredPaymentMethod().orElseThrow();

    assertThat(preferred.details(FakeCard.class)).hasValue(new FakeCard("1881"));
  }

  @Test
  void twoExplicitProvidersForOneKindFailAtBuild() {
    SettleClient.Builder builder = MockServer.client(server).newBuilder()
        .addProvider(new FakeCardProvider()).addProvider(new FakeCardProvider());

    assertThatThrownBy(builder::build)
        .isInstanceOf(SettleConfigurationException.class)
        .hasMessageContaining("Two providers")
        .hasMessageContaining("'card'");
  }

  @Test
  void addingAKindWithoutProviderNamesTheArtifactAndSendsNothing() {
    SettleClient client = MockServer.client(server).newBuilder().discoverProviders(false).build();
    PaymentMethodInput bank = () -> "bank_transfer";

    assertThatThrownBy(() -> client.account(CustomerId.of("200001")).paymentMethods().add(bank))
        .isInstanceOfSatisfying(MissingProviderException.class, e -> {
          assertThat(e.kind()).isEqualTo("bank_transfer");
          assertThat(e.artifact()).isEqualTo("dev.settle:settle-bank-transfer");
        })
        .hasMessageContaining("dev.settle:settle-bank-transfer");
    assertThat(server.getRequestCount()).isZero();
  }

  record FakeCard(String last4) implements PaymentMethodDetails {
    @Override
    public String kind() {
      return "card";
    }
  }

  static final class FakeCardProvider implements PaymentMethodProvider {
    @Override
    public String kind() {
      return "card";
    }

    @Override
    public JsonAdapter<FakeCard> detailsAdapter(Moshi moshi) {
      JsonAdapter<Object> map = moshi.adapter(Object.class);
      return new JsonAdapter<>() {
        @Override
        public FakeCard fromJson(JsonReader reader) throws java.io.IOException {
          return new FakeCard((String) ((Map<?, ?>) map.fromJson(reader)).get("last4"));
        }

        @Override
        public void toJson(JsonWriter writer, FakeCard value) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public String tokenize(PaymentMethodInput input, ProviderContext context) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<String> tokenizeAsync(PaymentMethodInput input, ProviderContext context) {
      throw new UnsupportedOperationException();
    }
  }
}
