package dev.settle.spring;

import dev.settle.SettleClient;

/**
 * Adjusts the auto-configured client's builder after the {@code settle.*} properties are applied:
 * register a provider, pin certificates, add a listener of your own.
 *
 * <pre>{@code
 * @Bean
 * SettleClientBuilderCustomizer pins() {
 *   return builder -> builder.certificatePins("billing.example.com", "sha256/...");
 * }
 * }</pre>
 *
 * <p>Customizers run in their {@code @Order}, once, while the client bean is created.
 */
@FunctionalInterface
public interface SettleClientBuilderCustomizer {
  /**
   * Changes {@code builder}, which already holds the properties' settings.
   *
   * @param builder the builder the starter will build the client from
   */
  void customize(SettleClient.Builder builder);
}
