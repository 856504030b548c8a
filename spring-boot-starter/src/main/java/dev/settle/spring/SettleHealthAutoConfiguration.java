package dev.settle.spring;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Contributes the {@code settle} health indicator: whether the billing API answered recently and
 * how the last unanswered attempt failed, learnt from the client's own calls.
 *
 * <p>On when Spring Boot's health support is present; {@code management.health.settle.enabled=false}
 * turns it off, as for any other indicator.
 */
@AutoConfiguration(before = SettleAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("settle")
@EnableConfigurationProperties(SettleProperties.class)
public class SettleHealthAutoConfiguration {
  @Bean
  SettleHealthIndicator settleHealthIndicator(SettleProperties properties, ObjectProvider<Clock> clock) {
    return new SettleHealthIndicator(clock.getIfUnique(Clock::systemUTC), properties.getHealth().getRecent());
  }
}
