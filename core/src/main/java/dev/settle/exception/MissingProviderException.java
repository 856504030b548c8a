package dev.settle.exception;

/**
 * No provider on the classpath handles the kind of payment method being added.
 *
 * <p>The message names the artifact to add, for example {@code dev.settle:settle-card}.
 * Reading methods of such a kind does not fail: they arrive as
 * {@link dev.settle.model.UnknownPaymentMethodDetails}.
 */
public final class MissingProviderException extends SettleConfigurationException {
  /** The payment method kind that has no provider. */
  private final String kind;

  /**
   * Creates the exception for a kind no provider handles; the message names the artifact to add.
   *
   * @param kind the payment method kind, such as {@code card}
   */
  public MissingProviderException(String kind) {
    super(
        "No provider for payment methods of kind '" + kind + "': add the artifact dev.settle:"
            + artifact(kind) + " to the classpath, or register its provider on the builder");
    this.kind = kind;
  }

  /** {@return the kind that has no provider} */
  public String kind() {
    return kind;
  }

  /**
   * {@return the Maven coordinates of the module that provides the kind, by Settle's naming rule}
   */
  public String artifact() {
    return "dev.settle:" + artifact(kind);
  }

  private static String artifact(String kind) {
    return "settle-" + kind.replace('_', '-');
  }
}
