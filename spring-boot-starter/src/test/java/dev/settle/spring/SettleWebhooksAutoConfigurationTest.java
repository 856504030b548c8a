package dev.settle.spring;

import static dev.settle.spring.SettleAutoConfigurationTest.rootCause;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.function.RouterFunction;

class SettleWebhooksAutoConfigurationTest {
  private static final String SECRET = Deliveries.newSecret();

  private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(SettleAutoConfiguration.class, SettleWebhooksAutoConfiguration.class))
      .withPropertyValues("settle.base-url=http://127.0.0.1:1/", "settle.api-key=sk_test_unused");

  @Test
  void noEndpointWithoutAPath() {
    runner.withPropertyValues("settle.webhooks.secrets=" + SECRET).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).doesNotHaveBean(RouterFunction.class).doesNotHaveBean(DeliveryLog.class);
    });
  }

  @Test
  void noEndpointOutsideAWebApplication() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SettleAutoConfiguration.class, SettleWebhooksAutoConfiguration.class))
        .withPropertyValues("settle.base-url=http://127.0.0.1:1/", "settle.api-key=sk_test_unused",
            "settle.webhooks.path=/hooks", "settle.webhooks.secrets=" + SECRET)
        .run(context -> assertThat(context).doesNotHaveBean(RouterFunction.class));
  }

  @Test
  void aPathAndASecretServeAnEndpointThatRemembersDeliveriesInMemory() {
    runner.withPropertyValues("settle.webhooks.path=/hooks", "settle.webhooks.secrets=" + SECRET).run(context -> {
      assertThat(context).hasSingleBean(RouterFunction.class);
      assertThat(context.getBean(DeliveryLog.class)).isInstanceOf(InMemoryDeliveryLog.class);
    });
  }

  @Test
  void theEndpointNeedsNeitherTheClientNorItsProperties() {
    new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SettleWebhooksAutoConfiguration.class))
        .withPropertyValues("settle.webhooks.path=/hooks", "settle.webhooks.secrets=" + SECRET,
            "settle.webhooks.tolerance=90s", "settle.webhooks.max-body-size=64KB")
        .run(context -> {
          assertThat(context).hasSingleBean(RouterFunction.class).doesNotHaveBean(SettleProperties.class);
          SettleWebhooksProperties webhooks = context.getBean(SettleWebhooksProperties.class);
          assertThat(webhooks.getSecrets()).containsExactly(SECRET);
          assertThat(webhooks.getTolerance()).isEqualTo(Duration.ofSeconds(90));
          assertThat(webhooks.getMaxBodySize()).isEqualTo(DataSize.ofKilobytes(64));
          assertThat(webhooks.getDeduplication()).isEqualTo(SettleWebhooksProperties.Deduplication.MEMORY);
        });
  }

  @Test
  void aPathWithoutASecretStopsTheStartAndNamesTheProperty() {
    runner.withPropertyValues("settle.webhooks.path=/hooks")
        .run(context -> assertThat(rootCause(context).property()).isEqualTo("settle.webhooks.secrets"));
  }

  @Test
  void aMalformedSecretNamesThePropertyWithoutShowingIt() {
    String malformed = "whsec_not*base64";
    runner.withPropertyValues("settle.webhooks.path=/hooks", "settle.webhooks.secrets=" + SECRET + "," + malformed)
        .run(context -> {
          assertThat(rootCause(context).property()).isEqualTo("settle.webhooks.secrets");
          assertThat(context.getStartupFailure()).rootCause().message().doesNotContain(malformed)
              .doesNotContain(SECRET);
        });
  }

  @Test
  void anApplicationsSecretsBeanReplacesTheProperty() {
    SettleWebhookSecrets own = () -> List.of(SECRET);
    runner.withPropertyValues("settle.webhooks.path=/hooks").withBean(SettleWebhookSecrets.class, () -> own)
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(SettleWebhookSecrets.class)).isSameAs(own);
        });
  }

  @Test
  void jdbcDeduplicationUsesTheApplicationsDataSource() {
    DataSource dataSource = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/unused");
    runner.withPropertyValues("settle.webhooks.path=/hooks", "settle.webhooks.secrets=" + SECRET,
            "settle.webhooks.deduplication=jdbc")
        .withBean(DataSource.class, () -> dataSource)
        .run(context -> assertThat(context.getBean(DeliveryLog.class)).isInstanceOf(JdbcDeliveryLog.class));
  }

  @Test
  void jdbcDeduplicationWithoutADataSourceNamesTheProperty() {
    runner.withPropertyValues("settle.webhooks.path=/hooks", "settle.webhooks.secrets=" + SECRET,
            "settle.webhooks.deduplication=jdbc")
        .run(context -> assertThat(rootCause(context).property()).isEqualTo("settle.webhooks.deduplication"));
  }
}
