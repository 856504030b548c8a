package dev.settle.exception;

/**
 * Input that Settle refused before sending anything: a card number that fails the Luhn check,
 * an unsupported card brand, an expired card, a malformed customer number, a negative amount.
 *
 * <p>No request was made, so nothing happened on the server and it is safe to correct the input
 * and try again.
 */
public final class ValidationException extends SettleException {
  private final String param;

  /**
   * Creates the exception for {@code param}, explained by {@code message}.
   *
   * <p>Providers throw it from their validation. The message must describe the problem without
   * repeating the rejected value when that value is secret (a card number, a CVC).
   */
  public ValidationException(String param, String message) {
    super(message + " (" + param + ")");
    this.param = param;
  }

  /** The name of the field that was refused, such as {@code number} or {@code customer_id}. */
  public String param() {
    return param;
  }
}
