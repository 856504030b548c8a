/**
 * Spring Boot support for Settle: a {@link dev.settle.SettleClient} bean from the {@code settle.*}
 * properties, Micrometer meters and a health indicator fed by its calls, and a webhook endpoint
 * that verifies deliveries and publishes their events as application events.
 *
 * <p>Everything here is configured by properties ({@link dev.settle.spring.SettleProperties}, and
 * {@link dev.settle.spring.SettleWebhooksProperties} for the webhook endpoint); the public types
 * are the auto-configurations, which applications exclude or order against, and the two extension
 * points {@link dev.settle.spring.SettleClientBuilderCustomizer} and {@link
 * dev.settle.spring.SettleWebhookSecrets}.
 */
package dev.settle.spring;
