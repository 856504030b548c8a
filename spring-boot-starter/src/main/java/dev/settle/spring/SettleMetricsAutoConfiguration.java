package dev.settle.spring;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Records Settle's calls in the application's {@link MeterRegistry}: a {@code settle.calls} timer
 * per operation, outcome, HTTP status and attempt count, and a {@code settle.retries} counter.
 *
 * <p>On when Micrometer is present and the application has a registry (as with the Actuator);
 * {@code settle.metrics.enabled=false} turns it off.
 */
@AutoConfiguration(
    before = SettleAutoConfiguration.class,
    afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "settle.metrics.enabled", matchIfMissing = true)
public class SettleMetricsAutoConfiguration {
  @Bean
  SettleMetrics settleMetrics(MeterRegistry registry) {
    return new SettleMetrics(registry);
  }
}
