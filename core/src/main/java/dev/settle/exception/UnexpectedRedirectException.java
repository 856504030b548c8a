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
  /** The redirect's HTTP status. */
  private final int statusCode;
  /** The host the redirect named, or null. */
  private final @Nullable String targetHost;

  /**
   * Creates the exception for a redirect that was not followed.
   *
   * @param message what was refused
   * @param statusCode the redirect's HTTP status
   * @param targetHost the host its {@code Location} named, or null
   * @param requestId the response's request id, or null
   */
  public UnexpectedRedirectException(String message, int statusCode, @Nullable String targetHost,
      @Nullable String requestId) {
    super(message, requestId, null);
    this.statusCode = statusCode;
    this.targetHost = targetHost;
  }

  /** {@return the HTTP status, such as 301 or 307} */
  public int statusCode() {
    return statusCode;
  }

  /** {@return the host the redirect pointed to, when its {@code Location} named one} */
  public Optional<String> targetHost() {
    return Optional.ofNullable(targetHost);
  }
}
