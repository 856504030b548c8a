package dev.settle.webhooks;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where an invoice's automatic collection stands after a failed charge, as {@link
 * InvoicePaymentFailed#dunning()} tells it: how many automatic charges were made, when the next
 * retry is, and whether none follows.
 *
 * <p>Only soft declines (such as {@code insufficient_funds}) are retried, on the billing system's
 * schedule. A hard decline (lost, stolen or expired card), a charge the customer must
 * authenticate, or the schedule's end makes it {@linkplain #isFinal() final}: the invoice waits
 * for the customer, and a method they make preferred is tried at once.
 */
@Value.Immutable
public abstract class Dunning {
  Dunning() {}

  /** {@return the invoice's automatic charges so far, this one included} */
  public abstract int attemptCount();

  /** {@return when the next retry is; empty when none is planned} */
  public abstract Optional<Instant> nextPaymentAttempt();

  /** {@return true when no retry follows: the invoice waits for the customer} */
  public abstract boolean isFinal();

  /** {@return a builder, for tests of code that handles events} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Dunning}, for tests of code that handles events. */
  public static final class Builder extends ImmutableDunning.Builder {
    Builder() {}
  }
}
