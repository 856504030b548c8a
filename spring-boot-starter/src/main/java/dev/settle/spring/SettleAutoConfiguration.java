package dev.settle.spring;

import dev.settle.CallListener;
import dev.settle.RetryPolicy;
import dev.settle.SettleClient;
import dev.settle.exception.SettleConfigurationException;
import dev.settle.exception.ValidationException;
import java.time.Clock;
import okhttp3.OkHttpClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures a {@link SettleClient} from the {@code settle.*} properties.
 *
 * <p>The client is built with the application's {@link OkHttpClient} bean when it has exactly one
 * (Settle derives its own from it and leaves it open), the application's {@link Clock} bean when
 * it has exactly one, every {@link CallListener} bean (the starter's metrics and health listeners
 * among them), and then every {@link SettleClientBuilderCustomizer}. Declare a {@code SettleClient}
 * bean of your own to replace it; the starter's listeners are then yours to attach.
 *
 * <p>A missing {@code settle.base-url} or {@code settle.api-key}, or a value the client refuses,
 * stops the application at start-up with a message that names the property and never its value.
 */
@AutoConfiguration
@ConditionalOnClass(SettleClient.class)
@EnableConfigurationProperties(SettleProperties.class)
public class SettleAutoConfiguration {
  private static final Log HTTP_LOG = LogFactory.getLog("dev.settle.http");

  /**
   * The client. Spring infers its destroy method, so the client is closed with the context once
   * it has a {@code close()}: it is {@link AutoCloseable} by design.
   */
  @Bean(destroyMethod = AbstractBeanDefinition.INFER_METHOD)
  @ConditionalOnMissingBean
  SettleClient settleClient(
      SettleProperties properties,
      ObjectProvider<OkHttpClient> okHttpClient,
      ObjectProvider<Clock> clock,
      ObjectProvider<CallListener> listeners,
      ObjectProvider<SettleClientBuilderCustomizer> customizers) {
    SettleClient.Builder builder = SettleClient.builder();
    if (properties.getBaseUrl() == null) {
      throw new InvalidSettlePropertyException("settle.base-url", "The billing API's address is not set");
    }
    if (properties.getApiKey() == null || properties.getApiKey().isBlank()) {
      throw new InvalidSettlePropertyException("settle.api-key", "The API key is not set");
    }
    apply("settle.base-url", () -> builder.baseUrl(properties.getBaseUrl()));
    apply("settle.api-key", () -> builder.apiKey(properties.getApiKey()));
    apply("settle.connect-timeout", () -> builder.connectTimeout(properties.getConnectTimeout()));
    apply("settle.read-timeout", () -> builder.readTimeout(properties.getReadTimeout()));
    apply("settle.write-timeout", () -> builder.writeTimeout(properties.getWriteTimeout()));
    apply("settle.call-timeout", () -> builder.callTimeout(properties.getCallTimeout()));
    SettleProperties.Retry retry = properties.getRetry();
    apply("settle.retry", () -> builder.retryPolicy(RetryPolicy.builder()
        .maxAttempts(retry.getMaxAttempts())
        .initialBackoff(retry.getInitialBackoff())
        .maxBackoff(retry.getMaxBackoff())
        .build()));
    builder.httpLogger(HTTP_LOG::info, properties.getHttpLogging());
    okHttpClient.ifUnique(builder::okHttpClient);
    clock.ifUnique(builder::clock);
    builder.callListener(CallListeners.of(listeners.orderedStream().toList()));
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder.build();
  }

  /** Runs one setting, naming its property if the client refuses the value. */
  private static void apply(String property, Runnable setting) {
    try {
      setting.run();
    } catch (SettleConfigurationException | ValidationException e) {
      // The client's messages name what is wrong without repeating a secret.
      throw new InvalidSettlePropertyException(property, e.getMessage());
    }
  }
}
