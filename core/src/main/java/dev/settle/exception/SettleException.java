package dev.settle.exception;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The root of everything Settle throws.
 *
 * <p>Unchecked, so that calls compose in lambdas and futures; every failure is one of the
 * documented subclasses, never a raw {@code NullPointerException} or JSON library exception.
 * Messages never contain card numbers, CVCs, API keys or secrets.
 *
 * <p><b>Null arguments.</b> A null where a value is required is refused with a {@link
 * ValidationException} whose {@link ValidationException#reason() reason} is {@link
 * ValidationException.Reason#REQUIRED REQUIRED} and whose {@link ValidationException#param()
 * param} names the parameter, before anything else happens: nothing is sent, and an {@code
 * …Async} method throws it rather than return a future. This holds for every public method and
 * constructor of every Settle module; a parameter that takes null says so in its documentation
 * and is annotated {@code @Nullable}. {@link ValidationException#required} is the check, for
 * providers and applications that keep the same rule.
 */
public class SettleException extends RuntimeException {
  /** The server's request id, or null. */
  private final @Nullable String requestId;

  /**
   * Creates the exception.
   *
   * @param message what failed, without card data or secrets
   * @param requestId the server's request id, or null
   * @param cause the failure underneath, or null
   */
  public SettleException(String message, @Nullable String requestId, @Nullable Throwable cause) {
    super(message, cause);
    this.requestId = requestId;
  }

  /**
   * Creates the exception with a message alone.
   *
   * @param message what failed, without card data or secrets
   */
  public SettleException(String message) {
    this(message, null, null);
  }

  /** {@return the server's id of the request that failed, when a response carried one} */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }
}
