package dev.settle;

import dev.settle.internal.http.ApiCall;
import dev.settle.internal.http.Wire;
import dev.settle.model.WebhookEndpoint;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The URLs the billing system delivers signed events to: register one, list them, remove one.
 *
 * <p>Verify what arrives with {@link dev.settle.webhooks.WebhookVerifier} and the secret that
 * {@link #create} returned. Thread-safe.
 */
public final class WebhookEndpoints {
  private final Transport transport;

  WebhookEndpoints(Transport transport) {
    this.transport = transport;
  }

  /**
   * Registers {@code url} for {@code events} (all events when empty); the result's
   * {@link WebhookEndpoint#secret()} is the only time the signing secret is shown.
   */
  public WebhookEndpoint create(URI url, List<String> events) {
    return create(url, events, RequestOptions.defaults());
  }

  /** Like {@link #create(URI, List)}, with per-call options. */
  public WebhookEndpoint create(URI url, List<String> events, RequestOptions options) {
    String key = PaymentMethods.idempotencyKey(options);
    return transport.write(createCall(url, events, key), key, options);
  }

  /** Like {@link #create(URI, List, RequestOptions)}, without blocking. */
  public CompletableFuture<WebhookEndpoint> createAsync(URI url, List<String> events, RequestOptions options) {
    String key = PaymentMethods.idempotencyKey(options);
    return transport.writeAsync(createCall(url, events, key), key, options);
  }

  /** The registered endpoints, without their secrets. */
  public List<WebhookEndpoint> list() {
    Wire.Page<WebhookEndpoint> page = transport.read(transport.http().api().webhookEndpoints(), RequestOptions.defaults());
    if (page.data() == null) {
      throw new MalformedResponseException("A list response lacks data", 200, null, null);
    }
    return List.copyOf(page.data());
  }

  private ApiCall<WebhookEndpoint> createCall(URI url, List<String> events, String key) {
    Objects.requireNonNull(url, "url");
    Wire.CreateWebhookEndpointRequest body =
        new Wire.CreateWebhookEndpointRequest(url.toString(), events.isEmpty() ? null : List.copyOf(events));
    return transport.http().api().createWebhookEndpoint(key, body);
  }

  /** Stops deliveries to an endpoint. */
  public void delete(String id) {
    transport.read(transport.http().api().deleteWebhookEndpoint(Objects.requireNonNull(id, "id")),
        RequestOptions.defaults());
  }
}
