package dev.settle.model;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A URL the billing system delivers signed events to.
 *
 * <p>{@link #secret()} is present only on the endpoint that {@code create} returned: keep it
 * then, it is never shown again. It is masked in {@link #toString()}.
 */
@Value.Immutable
public abstract class WebhookEndpoint {
  WebhookEndpoint() {}

  /** {@return the endpoint's id} */
  public abstract WebhookEndpointId id();

  /** {@return where the events are posted} */
  public abstract URI url();

  /**
   * The event types delivered; empty means all. A type this version of Settle does not know is
   * {@link WebhookEventType#UNKNOWN}.
   *
   * @return the event types, or empty for all
   */
  public abstract List<WebhookEventType> events();

  /** {@return the signing secret, {@code whsec_…}, on the endpoint just created} */
  @Value.Redacted
  public abstract Optional<String> secret();

  /** {@return when the endpoint was registered} */
  public abstract Instant createdAt();

  /**
   * The server's id of the request that answered with this value, when it was the direct answer
   * to one (not an item of a list, not a value built by hand). Not part of equality.
   *
   * @return the request id, or empty
   */
  @Value.Auxiliary
  public abstract Optional<String> requestId();

  /** {@return a builder of webhook endpoints, for tests of code that reads them} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link WebhookEndpoint}, for tests of code that reads them. */
  public static final class Builder extends ImmutableWebhookEndpoint.Builder {
    Builder() {}
  }
}
