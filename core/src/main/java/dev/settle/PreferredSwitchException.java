package dev.settle;

import dev.settle.exception.SettleException;
import dev.settle.model.PaymentMethod;
import java.util.Optional;

/**
 * A switch of the preferred method failed after the account had been changed, and Settle says
 * exactly where it ended.
 *
 * <p>On Portal I a switch removes the old method before adding the new one. When the add fails,
 * Settle puts the old method back: {@link #preferredAfter()} is then the old method again and
 * {@link #previousRestored()} is true. If even that failed, {@link #preferredAfter()} is what the
 * server reported afterwards, possibly nothing: the account must be given a method before its
 * next renewal. The cause is the failure of the add.
 */
public final class PreferredSwitchException extends SettleException {
  /** The preferred method after the switch failed, or null when the account has none. */
  private final PaymentMethod preferredAfter;
  /** Whether the previous method was put back. */
  private final boolean previousRestored;

  PreferredSwitchException(
      String message, PaymentMethod preferredAfter, boolean previousRestored, SettleException cause) {
    super(message, cause.requestId().orElse(null), cause);
    this.preferredAfter = preferredAfter;
    this.previousRestored = previousRestored;
  }

  /** {@return the account's preferred method after the failed switch; empty when it has none} */
  public Optional<PaymentMethod> preferredAfter() {
    return Optional.ofNullable(preferredAfter);
  }

  /** {@return true when the previous method was removed and then put back} */
  public boolean previousRestored() {
    return previousRestored;
  }
}
