package dev.settle.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.CallEvent;
import dev.settle.CallListener;
import dev.settle.SettleClient;
import dev.settle.exception.ServerException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.function.RouterFunction;

class SettleAutoConfigurationTest {
  private static final String API_KEY = "sk_test_starter_0123456789";
  private static final String EMPTY_PAGE = "{\"data\":[],\"has_more\":false,\"next_cursor\":null}";

  @StartStop final MockWebServer server = new MockWebServer();

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(SettleMetricsAutoConfiguration.class,
          SettleHealthAutoConfiguration.class, SettleAutoConfiguration.class));

  private ApplicationContextRunner configured() {
    return runner.withPropertyValues("settle.base-url=" + server.url("/"), "settle.api-key=" + API_KEY);
  }

  @Test
  void aMissingApiKeyStopsTheStartAndNamesTheProperty() {
    runner.withPropertyValues("settle.base-url=http://127.0.0.1:1/").run(context -> {
      assertThat(context).hasFailed();
      InvalidSettlePropertyException cause = rootCause(context);
      assertThat(cause.property()).isEqualTo("settle.api-key");
      FailureAnalysis analysis = new InvalidSettlePropertyFailureAnalyzer().analyze(context.getStartupFailure());
      assertThat(analysis.getDescription()).contains("settle.api-key").contains("not set");
      assertThat(analysis.getAction()).contains("settle.api-key").contains("SETTLE_APIKEY");
    });
  }

  @Test
  void aMissingBaseUrlStopsTheStartAndNamesTheProperty() {
    runner.withPropertyValues("settle.api-key=" + API_KEY).run(context -> {
      assertThat(rootCause(context).property()).isEqualTo("settle.base-url");
      assertThat(context.getStartupFailure()).rootCause().message().doesNotContain(API_KEY);
    });
  }

  @Test
  void aRefusedKeyNamesThePropertyWithoutShowingTheKey() {
    String badKey = "sk_test_with a space";
    runner.withPropertyValues("settle.base-url=http://127.0.0.1:1/", "settle.api-key=" + badKey).run(context -> {
      assertThat(rootCause(context).property()).isEqualTo("settle.api-key");
      assertThat(context.getStartupFailure()).rootCause().message().contains("space").doesNotContain(badKey);
      FailureAnalysis analysis = new InvalidSettlePropertyFailureAnalyzer().analyze(context.getStartupFailure());
      assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(badKey);
    });
  }

  @Test
  void plainHttpToAnotherHostNamesTheBaseUrlProperty() {
    runner.withPropertyValues("settle.base-url=http://billing.example.com/", "settle.api-key=" + API_KEY)
        .run(context -> assertThat(rootCause(context).property()).isEqualTo("settle.base-url"));
  }

  @Test
  void buildsAClientFromThePropertiesWhoseDestroyMethodIsInferred() throws Exception {
    server.enqueue(json(503, "{}"));
    configured().withPropertyValues("settle.retry.max-attempts=1").run(context -> {
      assertThat(context).hasSingleBean(SettleClient.class);
      assertThat(context.getBeanFactory().getBeanDefinition("settleClient").getDestroyMethodName())
          .isEqualTo(AbstractBeanDefinition.INFER_METHOD);

      SettleClient client = context.getBean(SettleClient.class);
      assertThat(client.toString()).doesNotContain(API_KEY);
      assertThatServerError(client);
    });
    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
    assertThat(server.getRequestCount()).as("settle.retry.max-attempts=1: no second attempt").isEqualTo(1);
  }

  @Test
  void theApplicationsOwnClientWins() {
    SettleClient own = SettleClient.builder().baseUrl(URI.create("http://127.0.0.1:1/")).apiKey("sk_test_own").build();
    runner.withBean(SettleClient.class, () -> own).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(SettleClient.class)).isSameAs(own);
    });
  }

  @Test
  void usesTheApplicationsOkHttpClientAndCustomizers() throws Exception {
    server.enqueue(json(200, EMPTY_PAGE));
    List<String> seenByInterceptor = new CopyOnWriteArrayList<>();
    List<CallEvent> calls = new CopyOnWriteArrayList<>();
    OkHttpClient okHttp = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          seenByInterceptor.add(chain.request().url().encodedPath());
          return chain.proceed(chain.request());
        })
        .build();
    configured()
        .withBean(OkHttpClient.class, () -> okHttp)
        .withBean(SettleClientBuilderCustomizer.class, () -> builder -> builder.callListener(new CallListener() {
          @Override
          public void callEnded(CallEvent call) {
            calls.add(call);
          }
        }))
        .run(context -> assertThat(context.getBean(SettleClient.class).webhookEndpoints().list()).isEmpty());

    assertThat(seenByInterceptor).containsExactly("/v1/webhook_endpoints");
    assertThat(calls).singleElement().satisfies(call -> assertThat(call.succeeded()).isTrue());
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/webhook_endpoints");
  }

  @Test
  void metricsTimeEachCallAndCountRetries() throws Exception {
    server.enqueue(json(503, "{}"));
    server.enqueue(json(200, EMPTY_PAGE));
    MeterRegistry registry = new SimpleMeterRegistry();
    configured()
        .withPropertyValues("settle.retry.initial-backoff=1ms", "settle.retry.max-backoff=1ms")
        .withBean(MeterRegistry.class, () -> registry)
        .run(context -> {
          assertThat(context).hasSingleBean(SettleMetrics.class);
          context.getBean(SettleClient.class).webhookEndpoints().list();
        });

    Timer timer = registry.get(SettleMetrics.CALLS).timer();
    assertThat(timer.count()).isEqualTo(1);
    assertThat(timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
    assertThat(timer.getId().getTag("operation")).matches("[a-zA-Z]+");
    assertThat(timer.getId().getTag("outcome")).isEqualTo("SUCCESS");
    assertThat(timer.getId().getTag("status")).isEqualTo("200");
    assertThat(timer.getId().getTag("attempts")).isEqualTo("2");
    assertThat(timer.getId().getTag("exception")).isEqualTo("none");
    assertThat(registry.get(SettleMetrics.RETRIES).tag("status", "503").counter().count()).isEqualTo(1);
    assertThat(timer.getId().getTags()).allSatisfy(tag -> assertThat(tag.getValue()).doesNotContain(API_KEY));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aFailedCallIsTaggedWithItsStatusAndException() {
    server.enqueue(json(503, "{}"));
    MeterRegistry registry = new SimpleMeterRegistry();
    configured().withPropertyValues("settle.retry.max-attempts=1")
        .withBean(MeterRegistry.class, () -> registry)
        .run(context -> assertThatServerError(context.getBean(SettleClient.class)));

    Timer timer = registry.get(SettleMetrics.CALLS).timer();
    assertThat(timer.getId().getTag("outcome")).isEqualTo("SERVER_ERROR");
    assertThat(timer.getId().getTag("status")).isEqualTo("503");
    assertThat(timer.getId().getTag("exception")).isEqualTo("ServerException");
    assertThat(registry.find(SettleMetrics.RETRIES).counter()).isNull();
  }

  @Test
  void metricsCanBeTurnedOff() {
    server.enqueue(json(200, EMPTY_PAGE));
    MeterRegistry registry = new SimpleMeterRegistry();
    configured().withPropertyValues("settle.metrics.enabled=false")
        .withBean(MeterRegistry.class, () -> registry)
        .run(context -> {
          assertThat(context).doesNotHaveBean(SettleMetrics.class);
          context.getBean(SettleClient.class).webhookEndpoints().list();
        });
    assertThat(registry.find(SettleMetrics.CALLS).timer()).isNull();
  }

  @Test
  void eachCallIsAnObservationOfTheApplicationsRegistryOpenedAtItsStartAndStoppedAtItsEnd() {
    server.enqueue(json(200, EMPTY_PAGE));
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }

      @Override
      public void onStart(Observation.Context context) {
        seen.add("start " + context.getName() + " " + context.getLowCardinalityKeyValue("operation").getValue());
      }

      @Override
      public void onStop(Observation.Context context) {
        seen.add("stop " + context.getContextualName() + " " + context.getLowCardinalityKeyValue("outcome").getValue());
      }
    });
    configured()
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withBean(ObservationRegistry.class, () -> observations)
        .run(context -> context.getBean(SettleClient.class).webhookEndpoints().list());

    assertThat(seen).containsExactly(
        "start settle.calls listWebhookEndpoints", "stop settle listWebhookEndpoints SUCCESS");
  }

  @Test
  void noMetricsWithoutARegistry() {
    configured().run(context -> assertThat(context).doesNotHaveBean(SettleMetrics.class));
  }

  @Test
  void healthFollowsTheClientsOwnCalls() {
    server.enqueue(json(200, EMPTY_PAGE));
    server.enqueue(json(503, "{}"));
    configured().withPropertyValues("settle.retry.max-attempts=1").run(context -> {
      SettleHealthIndicator health = context.getBean(SettleHealthIndicator.class);
      assertThat(health.health().getStatus()).isEqualTo(Status.UNKNOWN);

      context.getBean(SettleClient.class).webhookEndpoints().list();
      assertThat(health.health().getStatus()).isEqualTo(Status.UP);
      assertThat(health.health().getDetails()).containsEntry("answeredRecently", true).containsKey("lastAnswerAt");

      assertThatServerError(context.getBean(SettleClient.class));
      assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.health().getDetails()).containsEntry("lastFailure", "ServerException (HTTP 503)");
    });
    assertThat(server.getRequestCount()).as("no request of its own").isEqualTo(2);
  }

  @Test
  void needsNoMicrometerHealthWebOrJdbcForTheClient() {
    configured()
        .withConfiguration(AutoConfigurations.of(SettleWebhooksAutoConfiguration.class))
        .withPropertyValues("settle.webhooks.path=/hooks")
        .withClassLoader(new FilteredClassLoader(MeterRegistry.class, HealthIndicator.class, RouterFunction.class,
            JdbcTemplate.class))
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(SettleClient.class);
          assertThat(context).doesNotHaveBean(SettleMetrics.class).doesNotHaveBean(SettleHealthIndicator.class)
              .doesNotHaveBean(DeliveryLog.class);
        });
  }

  @Test
  void healthCanBeTurnedOff() {
    configured().withPropertyValues("management.health.settle.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(SettleHealthIndicator.class));
  }

  private static void assertThatServerError(SettleClient client) {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.webhookEndpoints().list())
        .isInstanceOf(ServerException.class);
  }

  static InvalidSettlePropertyException rootCause(ApplicationContextAssertProvider<?> context) {
    assertThat(context).hasFailed();
    Throwable failure = context.getStartupFailure();
    while (failure != null && !(failure instanceof InvalidSettlePropertyException)) {
      failure = failure.getCause();
    }
    assertThat(failure).as("an InvalidSettlePropertyException in the causes").isNotNull();
    return (InvalidSettlePropertyException) failure;
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }
}
