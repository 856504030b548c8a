package dev.settle.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Records Settle's calls through Micrometer's Observation API: a {@code settle.calls} observation
 * per call (a timer per operation, outcome, HTTP status and attempt count through the meter
 * handler, a span through a tracing handler), and a {@code settle.retries} counter.
 *
 * <p>On when Micrometer is present and the application has a meter registry (as with the
 * Actuator); the application's {@link ObservationRegistry} is used when it has one, else one that
 * only records meters. {@code settle.metrics.enabled=false} turns it off.
 */
@AutoConfiguration(
    before = SettleAutoConfiguration.class,
    afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "settle.metrics.enabled", matchIfMissing = true)
public class SettleMetricsAutoConfiguration {
  @Bean
  SettleMetrics settleMetrics(MeterRegistry registry, ObjectProvider<ObservationRegistry> observations) {
    return new SettleMetrics(observations.getIfAvailable(() -> metersOnly(registry)), registry);
  }

  private static ObservationRegistry metersOnly(MeterRegistry registry) {
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(registry));
    return observations;
  }
}
