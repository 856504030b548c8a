package dev.settle;

import static dev.settle.exception.ValidationException.required;

import dev.settle.exception.MalformedResponseException;
import dev.settle.internal.http.Wire;
import dev.settle.model.WebhookEndpoint;
import dev.settle.model.WebhookEndpointId;
import dev.settle.model.WebhookEventType;
import dev.settle.spi.ApiCall;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The URLs the billing system delivers signed events to: register one, list them, remove one.
 *
 * <p>Verify what arrives with {@link dev.settle.webhooks.WebhookVerifier} and the secret that
 * {@link #create} returned. Thread-safe. Each operation has four forms: blocking and
 * {@code …Async}, each with and without {@link RequestOptions}.
 */
public final class WebhookEndpoints {
  private final Backend backend;

  WebhookEndpoints(Backend backend) {
    this.backend = backend;
  }

  /**
   * Registers {@code url} for {@code events} (all events when empty); the result's
   * {@link WebhookEndpoint#secret()} is the only time the signing secret is shown.
   *
   * @param url where the events are posted
   * @param events the event types to send; empty for all
   * @return the endpoint, with its signing secret
   */
  public WebhookEndpoint create(URI url, List<WebhookEventType> events) {
    return create(url, events, RequestOptions.defaults());
  }

  /**
   * Like {@link #create(URI, List)}, with per-call options.
   *
   * @param url where the events are posted
   * @param events the event types to send; empty for all
   * @param options your idempotency key, or a timeout for this call
   * @return the endpoint, with its signing secret
   */
  public WebhookEndpoint create(URI url, List<WebhookEventType> events, RequestOptions options) {
    return backend.call(createCall(url, events, required(options, "options")), options);
  }

  /**
   * Like {@link #create(URI, List)}, without blocking.
   *
   * @param url where the events are posted
   * @param events the event types to send; empty for all
   * @return a future of the endpoint, with its signing secret
   */
  public CompletableFuture<WebhookEndpoint> createAsync(URI url, List<WebhookEventType> events) {
    return createAsync(url, events, RequestOptions.defaults());
  }

  /**
   * Like {@link #create(URI, List, RequestOptions)}, without blocking.
   *
   * @param url where the events are posted
   * @param events the event types to send; empty for all
   * @param options your idempotency key, or a timeout for this call
   * @return a future of the endpoint, with its signing secret
   */
  public CompletableFuture<WebhookEndpoint> createAsync(URI url, List<WebhookEventType> events,
      RequestOptions options) {
    return backend.callAsync(createCall(url, events, required(options, "options")), options);
  }

  /** {@return the registered endpoints, without their secrets} */
  public List<WebhookEndpoint> list() {
    return list(RequestOptions.defaults());
  }

  /**
   * Like {@link #list()}, with per-call options.
   *
   * @param options options for this call, such as its timeout
   * @return the endpoints
   */
  public List<WebhookEndpoint> list(RequestOptions options) {
    return Steps.blocking(backend, required(options, "options"), this::list);
  }

  /**
   * Like {@link #list()}, without blocking.
   *
   * @return a future of the endpoints
   */
  public CompletableFuture<List<WebhookEndpoint>> listAsync() {
    return listAsync(RequestOptions.defaults());
  }

  /**
   * Like {@link #list(RequestOptions)}, without blocking.
   *
   * @param options options for this call, such as its timeout
   * @return a future of the endpoints
   */
  public CompletableFuture<List<WebhookEndpoint>> listAsync(RequestOptions options) {
    return Steps.async(backend, required(options, "options"), this::list);
  }

  /**
   * Stops deliveries to an endpoint.
   *
   * @param id the endpoint
   */
  public void remove(WebhookEndpointId id) {
    remove(id, RequestOptions.defaults());
  }

  /**
   * Like {@link #remove(WebhookEndpointId)}, with per-call options.
   *
   * @param id the endpoint
   * @param options options for this call, such as its timeout
   */
  public void remove(WebhookEndpointId id, RequestOptions options) {
    backend.call(removeCall(id), required(options, "options"));
  }

  /**
   * Like {@link #remove(WebhookEndpointId)}, without blocking.
   *
   * @param id the endpoint
   * @return a future that completes when the endpoint is removed
   */
  public CompletableFuture<Void> removeAsync(WebhookEndpointId id) {
    return removeAsync(id, RequestOptions.defaults());
  }

  /**
   * Like {@link #remove(WebhookEndpointId, RequestOptions)}, without blocking.
   *
   * @param id the endpoint
   * @param options options for this call, such as its timeout
   * @return a future that completes when the endpoint is removed
   */
  public CompletableFuture<Void> removeAsync(WebhookEndpointId id, RequestOptions options) {
    ApiCall<Wire.Deleted> call = removeCall(id);
    return Steps.async(backend, required(options, "options"), call, removed -> null);
  }

  @Override
  public String toString() {
    return "WebhookEndpoints";
  }

  private CompletableFuture<List<WebhookEndpoint>> list(Steps steps) {
    return steps.call(backend.api.listWebhookEndpoints()).thenApply(page -> {
      if (page.data() == null) {
        throw new MalformedResponseException("A list response lacks data", 200, null, null);
      }
      return List.copyOf(page.data());
    });
  }

  private ApiCall<WebhookEndpoint> createCall(URI url, List<WebhookEventType> events, RequestOptions options) {
    required(url, "url");
    List<String> names = required(events, "events").stream()
        .map(type -> required(type, "events").value()).toList();
    return backend.api.createWebhookEndpoint(Backend.key(options),
        new Wire.CreateWebhookEndpointRequest(url.toString(), names.isEmpty() ? null : names));
  }

  private ApiCall<Wire.Deleted> removeCall(WebhookEndpointId id) {
    return backend.api.removeWebhookEndpoint(required(id, "id"));
  }
}
