package dev.settle;

import dev.settle.exception.SettleException;
import dev.settle.model.Portal;

/**
 * The operation does not exist on the account's portal, and Settle refused it before sending.
 *
 * <p>For example, marking a method preferred on Portal I, where the single stored method is
 * always the preferred one and changing it means replacing it.
 */
public final class UnsupportedPortalOperationException extends SettleException {
  /** The portal of the account the operation was refused on. */
  private final Portal portal;

  UnsupportedPortalOperationException(Portal portal, String message) {
    super(message);
    this.portal = portal;
  }

  /** {@return the portal of the account} */
  public Portal portal() {
    return portal;
  }
}
