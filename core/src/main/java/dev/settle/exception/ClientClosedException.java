package dev.settle.exception;

/**
 * The client was closed before this call: its connections and threads are released. Build a new
 * client, or close the client only when nothing will use it again.
 */
public final class ClientClosedException extends SettleException {
  /**
   * Creates the exception with its explanation.
   *
   * @param message what was called after the client was closed
   */
  public ClientClosedException(String message) {
    super(message);
  }
}
