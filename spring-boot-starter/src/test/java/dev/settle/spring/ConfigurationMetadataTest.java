package dev.settle.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.settle.RetryPolicy;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** IDEs complete the settle.* properties from the metadata the configuration processor writes. */
class ConfigurationMetadataTest {
  @Test
  void everyPropertyIsDescribedWithItsTypeAndDefault() throws Exception {
    List<Map<String, Object>> properties;
    try (InputStream json = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(json).as("target/classes/META-INF/spring-configuration-metadata.json").isNotNull();
      properties = JsonPath.read(json, "$.properties");
    }

    assertThat(properties).extracting(p -> p.get("name")).contains(
        "settle.base-url", "settle.api-key", "settle.connect-timeout", "settle.read-timeout", "settle.write-timeout",
        "settle.call-timeout", "settle.retry.max-attempts", "settle.retry.initial-backoff", "settle.retry.max-backoff",
        "settle.http-logging", "settle.metrics.enabled", "settle.health.recent", "settle.webhooks.path",
        "settle.webhooks.secrets", "settle.webhooks.tolerance", "settle.webhooks.deduplication",
        "settle.webhooks.max-body-size");
    assertThat(properties).allSatisfy(p -> assertThat((String) p.get("description")).isNotBlank());
    assertThat(properties).filteredOn(p -> p.get("name").equals("settle.connect-timeout"))
        .singleElement().satisfies(p -> {
          assertThat(p.get("type")).isEqualTo("java.time.Duration");
          assertThat(p.get("defaultValue")).isEqualTo("10s");
        });
    assertThat(properties).filteredOn(p -> p.get("name").equals("settle.webhooks.deduplication"))
        .singleElement().satisfies(p -> assertThat(p.get("defaultValue")).isEqualTo("memory"));
  }

  @Test
  void theRetryDefaultsAreTheClients() {
    SettleProperties.Retry retry = new SettleProperties().getRetry();
    RetryPolicy defaults = RetryPolicy.defaults();

    assertThat(retry.getMaxAttempts()).isEqualTo(defaults.maxAttempts());
    assertThat(retry.getInitialBackoff()).isEqualTo(defaults.initialBackoff());
    assertThat(retry.getMaxBackoff()).isEqualTo(defaults.maxBackoff());
  }
}
