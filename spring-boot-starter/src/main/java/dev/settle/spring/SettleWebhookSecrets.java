package dev.settle.spring;

import java.util.List;

/**
 * The secrets the webhook endpoint checks deliveries against, asked for each delivery.
 *
 * <p>By default they are {@code settle.webhooks.secrets}. Declare a bean of this type to take them
 * from elsewhere: a vault that rotates them, or an application that registers its own endpoint
 * once it knows its port and keeps the secret the billing system answered with.
 *
 * <pre>{@code
 * @Bean
 * SettleWebhookSecrets settleWebhookSecrets(Vault vault) {
 *   return () -> vault.read("settle/webhook-secrets");
 * }
 * }</pre>
 *
 * <p>Called on the threads that serve deliveries, possibly several at once: implementations must
 * be thread-safe and quick. An empty list refuses every delivery.
 */
@FunctionalInterface
public interface SettleWebhookSecrets {
  /** {@return the secrets ({@code whsec_...}) a delivery may be signed with now} */
  List<String> current();

  /**
   * Always the same secrets.
   *
   * @param secrets the secrets, copied
   * @return a source that always answers them
   */
  static SettleWebhookSecrets of(List<String> secrets) {
    List<String> fixed = List.copyOf(secrets);
    return () -> fixed;
  }
}
