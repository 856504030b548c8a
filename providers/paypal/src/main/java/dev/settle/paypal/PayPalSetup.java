package dev.settle.paypal;

import java.net.URI;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * A request to save a payer's PayPal account on the customer's account, as the server last
 * reported it.
 *
 * <p>{@link PayPal#startSetup} creates one waiting for the payer; send the payer's browser to
 * {@link #approvalUrl()}. PayPal sends it back to the return URL when they approve, or to the
 * cancel URL when they cancel. A setup is a snapshot: read it again with {@link PayPal#setup} to
 * see a newer {@link #status()}.
 */
@Value.Immutable
public abstract class PayPalSetup {
  PayPalSetup() {}

  /**
   * {@return the setup's id: keep it (in the session, or the return URL) to complete the setup
   * later}
   */
  public abstract PayPalSetupId id();

  /** {@return the status when the setup was read} */
  public abstract PayPalSetupStatus status();

  /** {@return where the payer approves, at PayPal} */
  public abstract URI approvalUrl();

  /**
   * {@return when a setup still waiting for the payer becomes {@link PayPalSetupStatus#EXPIRED}}
   */
  public abstract Instant expiresAt();

  /** {@return when the setup was started} */
  public abstract Instant createdAt();

  /** {@return a builder with no field set} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PayPalSetup}, for tests of code that handles setups. */
  public static final class Builder extends ImmutablePayPalSetup.Builder {
    Builder() {}
  }
}
