package dev.settle.exception;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The root of everything Settle throws.
 *
 * <p>Unchecked, so that calls compose in lambdas and futures; every failure is one of the
 * documented subclasses, never a raw {@code NullPointerException} or JSON library exception.
 * Messages never contain card numbers, CVCs, API keys or secrets.
 */
public class SettleException extends RuntimeException {
  private final @Nullable String requestId;

  public SettleException(String message, @Nullable String requestId, @Nullable Throwable cause) {
    super(message, cause);
    this.requestId = requestId;
  }

  public SettleException(String message) {
    this(message, null, null);
  }

  /** The server's id of the request that failed, when a response carried one. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }
}
