package dev.settle.webhooks;

import dev.settle.model.WebhookEventType;
import org.immutables.value.Value;

/**
 * An event of a type this version of Settle does not know, delivered rather than refused: a newer
 * server may send types that were added after this release. {@link #typeName()} and {@link
 * #data()} hold what was sent.
 */
@Value.Immutable
public abstract non-sealed class UnknownEvent extends WebhookEvent {
  UnknownEvent() {}

  /** Always {@link WebhookEventType#UNKNOWN}. */
  @Override
  public final WebhookEventType type() {
    return WebhookEventType.UNKNOWN;
  }

  /** The type's name as sent, such as {@code invoice.voided}. */
  @Override
  public abstract String typeName();

  /** {@return a builder of these events, for tests of code that handles them} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link UnknownEvent}, for tests of code that handles events. */
  public static final class Builder extends ImmutableUnknownEvent.Builder {
    Builder() {}
  }
}
