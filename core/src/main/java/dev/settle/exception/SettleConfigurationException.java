package dev.settle.exception;

/**
 * The client was built or used in a way that cannot work: two providers for one kind, an
 * insecure base URL, no provider for the kind of payment method being added.
 */
public class SettleConfigurationException extends SettleException {
  /**
   * Creates the exception.
   *
   * @param message what is wrong with the configuration, without secrets
   */
  public SettleConfigurationException(String message) {
    super(message);
  }
}
