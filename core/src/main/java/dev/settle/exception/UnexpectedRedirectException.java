package dev.settle.exception;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The server, or something in front of it, answered with a redirect (HTTP 3xx), which Settle
 * never follows.
 *
 * <p>Following it would send the request again to the host it names: a payment turned into a
 * GET whose answer could pass for a payment, or card data sent to a host the client was never
 * configured for. Check the client's base URL: a billing API does not redirect its calls. The
 * redirect's body is not read.
 */
public final class UnexpectedRedirectException extends SettleException {
  private final int statusCode;
  private final @Nullable String targetHost;

  public UnexpectedRedirectException(String message, int statusCode, @Nullable String targetHost,
      @Nullable String requestId) {
    super(message, requestId, null);
    this.statusCode = statusCode;
    this.targetHost = targetHost;
  }

  /** The HTTP status, such as 301 or 307. */
  public int statusCode() {
    return statusCode;
  }

  /** The host the redirect pointed to, when its {@code Location} named one. */
  public Optional<String> targetHost() {
    return Optional.ofNullable(targetHost);
  }
}
