package dev.settle;

import dev.settle.internal.http.ApiCall;
import dev.settle.internal.http.Wire;
import java.io.IOException;
import java.time.Clock;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Turns what went wrong with one attempt into the exception that describes it: the one place
 * where HTTP statuses, error bodies and network failures get their meaning.
 */
final class Failures {
  private final Clock clock;

  Failures(Clock clock) {
    this.clock = clock;
  }

  /** A non-2xx answer: the exception for its status and error code. */
  SettleException answer(ApiCall<?> call, ApiCall.Reply<?> reply, String requestId) {
    int status = reply.code();
    if (status >= 300 && status < 400) {
      return redirect(call, status, reply.headers(), requestId);
    }
    Wire.Error wire = reply.error();
    ApiError error =
        wire == null
            ? new ApiError(status, null, null, null, null, null, requestId)
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
      return new RateLimitedException(error, RetryAfter.parse(reply.headers().get("Retry-After"), clock));
    }
    if (status >= 500) {
      return new ServerException(error);
    }
    return new InvalidRequestException(error);
  }

  /** A 2xx answer whose body could not be read. */
  MalformedResponseException unreadable(ApiCall<?> call, ApiCall.Reply<?> reply, String requestId) {
    return new MalformedResponseException(
        "Unreadable response from " + describe(call) + ": " + reply.unreadable().getMessage(),
        reply.code(), requestId, reply.unreadable());
  }

  /**
   * A network failure, named by where it happened; {@code sent} says whether the request may have
   * reached the server before it.
   */
  ConnectionException network(ApiCall<?> call, IOException cause, boolean sent) {
    String reason = cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
    String message = sent
        ? "The connection to " + hostAndPort(call) + " failed after " + describe(call)
            + " may have been sent: " + reason
        : "Could not reach " + hostAndPort(call) + " for " + describe(call)
            + "; nothing was sent: " + reason;
    return new ConnectionException(message, cause);
  }

  /** A failure from outside Settle's own code (an interceptor, a logger). */
  SettleException unexpected(ApiCall<?> call, Throwable cause) {
    return new SettleException(
        "Unexpected failure on " + describe(call) + ": " + cause.getClass().getSimpleName(), null, cause);
  }

  private static UnexpectedRedirectException redirect(
      ApiCall<?> call, int status, Headers headers, String requestId) {
    String location = headers.get("Location");
    HttpUrl target = location == null ? null : call.request().url().resolve(location);
    String host = target == null ? null : target.host();
    return new UnexpectedRedirectException(
        "HTTP " + status + " redirect on " + describe(call) + (host == null ? "" : " to host " + host)
            + ", not followed: check the client's base URL",
        status, host, requestId);
  }

  /** How a call is named in messages: its operation, method and path; ids only, never a body. */
  static String describe(ApiCall<?> call) {
    return call.operation() + " (" + call.request().method() + " " + call.request().url().encodedPath() + ")";
  }

  private static String hostAndPort(ApiCall<?> call) {
    HttpUrl url = call.request().url();
    return url.host() + ":" + url.port();
  }
}
