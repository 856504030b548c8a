package dev.settle.model;

import org.immutables.value.Value;

/**
 * The id of a registered webhook endpoint.
 *
 * <p>Checked when created ({@code we_…}), so a mistyped id fails before any request. Its
 * {@link #toString()} is the id itself, as it goes into a request's path.
 */
@Value.Immutable
public abstract class WebhookEndpointId {
  WebhookEndpointId() {}

  /** {@return the id as the server wrote it} */
  @Value.Parameter
  public abstract String value();

  /**
   * Returns the id for {@code value}.
   *
   * @param value an id of the form {@code we_…}
   * @return the id
   * @throws dev.settle.exception.ValidationException if it is not of the form {@code we_…}
   */
  public static WebhookEndpointId of(String value) {
    return ImmutableWebhookEndpointId.of(Ids.check(value, "we_", "webhook_endpoint_id"));
  }

  @Override
  public String toString() {
    return value();
  }
}
