package dev.settle;

import dev.settle.internal.http.HttpStack;
import dev.settle.internal.http.Wire;
import dev.settle.internal.http.WireFormatException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Runs one call and turns every outcome into a result or one of Settle's exceptions: the single
 * place where HTTP statuses, error bodies and I/O failures are interpreted.
 */
final class Transport {
  private final HttpStack http;
  private final Clock clock;

  Transport(HttpStack http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  HttpStack http() {
    return http;
  }

  /** Executes a read. */
  <T> T read(Call<T> call, RequestOptions options) {
    return execute(call, null, options);
  }

  /** Executes a write that carries {@code idempotencyKey}. */
  <T> T write(Call<T> call, String idempotencyKey, RequestOptions options) {
    return execute(call, idempotencyKey, options);
  }

  private <T> T execute(Call<T> call, String idempotencyKey, RequestOptions options) {
    Duration timeout = options.timeout().orElse(null);
    if (timeout != null) {
      call.timeout().timeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
    Response<T> response;
    try {
      response = call.execute();
    } catch (WireFormatException e) {
      throw malformed(call, e);
    } catch (IOException e) {
      throw connectionFailure(call, idempotencyKey, e);
    }
    String requestId = response.headers().get("Request-Id");
    if (response.isSuccessful()) {
      T body = response.body();
      if (body == null) {
        throw new MalformedResponseException(
            "Empty response from " + describe(call), response.code(), requestId, null);
      }
      return body;
    }
    throw failure(response.code(), response.headers(), response.errorBody(), requestId);
  }

  /** Turns a non-2xx response into the exception for its status and error code. */
  SettleException failure(int status, Headers headers, ResponseBody body, String requestId) {
    Wire.Error wire = http.decodeError(body);
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
      return new RateLimitedException(error, RetryAfter.parse(headers.get("Retry-After"), clock));
    }
    if (status >= 500) {
      return new ServerException(error);
    }
    return new InvalidRequestException(error);
  }

  static ConnectionException connectionFailure(
      Call<?> call, String idempotencyKey, IOException cause) {
    String message =
        "Connection failure on " + describe(call) + ": " + cause.getClass().getSimpleName()
            + (idempotencyKey == null
                ? ""
                : "; the write may have reached the server: repeat it with idempotency key "
                    + idempotencyKey);
    return new ConnectionException(message, idempotencyKey, cause);
  }

  static MalformedResponseException malformed(Call<?> call, WireFormatException cause) {
    return new MalformedResponseException(
        "Unreadable response from " + describe(call) + ": " + cause.getMessage(), 200, null, cause);
  }

  private static String describe(Call<?> call) {
    return call.request().method() + " " + call.request().url().encodedPath();
  }
}
