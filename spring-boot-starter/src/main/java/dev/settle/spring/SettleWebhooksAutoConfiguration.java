package dev.settle.spring;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves {@code POST settle.webhooks.path}: each delivery is verified on its raw bytes, then its
 * event is published once as a Spring application event.
 *
 * <pre>{@code
 * @EventListener
 * void on(LicenseRenewed renewed) { ... }
 * }</pre>
 *
 * <p>On in a servlet web application once {@code settle.webhooks.path} is set. The secrets come
 * from {@code settle.webhooks.secrets} or a {@link SettleWebhookSecrets} bean; timestamps are
 * checked against the application's {@link Clock} bean when it has exactly one. Delivery ids are
 * remembered in memory, or with {@code settle.webhooks.deduplication=jdbc} in the
 * {@code settle_webhook_deliveries} table of the application's {@link DataSource}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnProperty(prefix = "settle.webhooks", name = "path")
@EnableConfigurationProperties(SettleWebhooksProperties.class)
public class SettleWebhooksAutoConfiguration {
  private static final String DEDUPLICATION = "settle.webhooks.deduplication";

  @Bean
  @ConditionalOnMissingBean
  SettleWebhookSecrets settleWebhookSecrets(SettleWebhooksProperties properties) {
    if (properties.getSecrets().isEmpty()) {
      throw new InvalidSettlePropertyException("settle.webhooks.secrets",
          "settle.webhooks.path is set, but no secret to verify deliveries with");
    }
    SettleWebhookSecrets secrets = SettleWebhookSecrets.of(properties.getSecrets());
    try {
      new WebhookVerification(secrets, properties.getTolerance(), Clock.systemUTC()).check();
    } catch (RuntimeException e) {
      // Malformed: the verifier's message says how without repeating the secret.
      throw new InvalidSettlePropertyException("settle.webhooks.secrets", e.getMessage());
    }
    return secrets;
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(name = DEDUPLICATION, havingValue = "memory", matchIfMissing = true)
  DeliveryLog settleInMemoryDeliveryLog() {
    return new InMemoryDeliveryLog();
  }

  /** The shared log, when asked for; only with Spring's JDBC support on the classpath. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(JdbcTemplate.class)
  @ConditionalOnProperty(name = DEDUPLICATION, havingValue = "jdbc")
  static class Jdbc {
    @Bean
    @ConditionalOnMissingBean
    DeliveryLog settleJdbcDeliveryLog(ObjectProvider<DataSource> dataSource) {
      DataSource source = dataSource.getIfUnique();
      if (source == null) {
        throw new InvalidSettlePropertyException(DEDUPLICATION,
            "It is jdbc, but the application has no single DataSource to keep delivery ids in");
      }
      return new JdbcDeliveryLog(new JdbcTemplate(source));
    }
  }

  @Bean
  RouterFunction<ServerResponse> settleWebhookRoute(SettleWebhooksProperties webhooks, SettleWebhookSecrets secrets,
      ObjectProvider<DeliveryLog> deliveries, ObjectProvider<Clock> clock, ApplicationEventPublisher publisher) {
    DeliveryLog log = deliveries.getIfAvailable();
    if (log == null) {
      throw new InvalidSettlePropertyException(DEDUPLICATION,
          "It is jdbc, but spring-jdbc is not on the classpath (add spring-boot-starter-jdbc)");
    }
    WebhookVerification verification =
        new WebhookVerification(secrets, webhooks.getTolerance(), clock.getIfUnique(Clock::systemUTC));
    WebhookReceiver receiver = new WebhookReceiver(verification, log, publisher, Math.toIntExact(webhooks.getMaxBodySize().toBytes()));
    return RouterFunctions.route().POST(webhooks.getPath(), receiver::receive).build();
  }
}
