package dev.settle;

import dev.settle.exception.ApiError;
import dev.settle.exception.AuthenticationException;
import dev.settle.exception.ConflictException;
import dev.settle.exception.ConnectionException;
import dev.settle.exception.InvalidRequestException;
import dev.settle.exception.MalformedResponseException;
import dev.settle.exception.NotFoundException;
import dev.settle.exception.RateLimitedException;
import dev.settle.exception.ServerException;
import dev.settle.exception.SettleException;
import dev.settle.exception.UnexpectedRedirectException;
import dev.settle.internal.http.Failures;
import dev.settle.internal.http.Wire;
import dev.settle.internal.http.WireFormatException;
import java.io.IOException;
import java.time.Clock;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * Turns what went wrong with one attempt into the exception that describes it: the one place
 * where HTTP statuses, error bodies and network failures get their meaning. Messages name the
 * operation, host and path, never a body or a secret.
 */
final class ExceptionMapping implements Failures {
  private final Clock clock;
  private final HttpUrl baseUrl;

  ExceptionMapping(Clock clock, HttpUrl baseUrl) {
    this.clock = clock;
    this.baseUrl = baseUrl;
  }

  @Override
  public SettleException answer(String operation, Request request, int status, Headers headers, Wire.@Nullable Error wire,
      @Nullable String requestId) {
    if (status >= 300 && status < 400) {
      return redirect(operation, request, status, headers.get("Location"), requestId);
    }
    ApiError error =
        wire == null
            ? ApiError.ofStatus(status, requestId)
            : new ApiError(
                status,
                wire.type(),
                wire.code(),
                wire.message(),
                wire.param(),
                wire.declineCode(),
                wire.requestId() != null ? wire.requestId() : requestId);
    if (status == 401 || status == 403) {
      return new AuthenticationException(error);
    }
    if (status == 402) {
      return new PaymentDeclinedException(error, wire == null ? null : wire.payment());
    }
    if (status == 404) {
      return new NotFoundException(error);
    }
    if (status == 409) {
      return new ConflictException(error);
    }
    if (status == 429) {
      return new RateLimitedException(error, RetryAfter.parse(headers.get("Retry-After"), clock));
    }
    if (status >= 500) {
      return new ServerException(error);
    }
    return new InvalidRequestException(error);
  }

  @Override
  public MalformedResponseException unreadable(String operation, Request request, int status, @Nullable String requestId,
      WireFormatException why) {
    return new MalformedResponseException(
        "Unreadable response from " + describe(operation, request) + ": " + why.getMessage(), status, requestId, why);
  }

  @Override
  public ConnectionException network(String operation, Request request, IOException cause, boolean sent) {
    String reason = cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
    String message = sent
        ? "The connection to " + hostAndPort() + " failed after " + describe(operation, request)
            + " may have been sent: " + reason
        : "Could not reach " + hostAndPort() + " for " + describe(operation, request) + "; nothing was sent: " + reason;
    return new ConnectionException(message, cause);
  }

  @Override
  public SettleException unexpected(String operation, Request request, Throwable cause) {
    return new SettleException(
        "Unexpected failure on " + describe(operation, request) + ": " + cause.getClass().getSimpleName(), null, cause);
  }

  @Override
  public SettleException unknown(String idempotencyKey, int attempts, SettleException lastFailure) {
    return new OutcomeUnknownException(idempotencyKey, attempts, lastFailure);
  }

  private UnexpectedRedirectException redirect(
      String operation, Request request, int status, @Nullable String location, @Nullable String requestId) {
    HttpUrl target = location == null ? null : baseUrl.resolve(location);
    String host = target == null ? null : target.host();
    return new UnexpectedRedirectException(
        "HTTP " + status + " redirect on " + describe(operation, request) + (host == null ? "" : " to host " + host)
            + ", not followed: check the client's base URL",
        status, host, requestId);
  }

  /** How a call is named in messages: its operation, method and path; ids only, never a body. */
  private static String describe(String operation, Request request) {
    return operation + " (" + request.method() + " " + request.url().encodedPath() + ")";
  }

  private String hostAndPort() {
    return baseUrl.host() + ":" + baseUrl.port();
  }
}
