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
  private final RetryPolicy retryPolicy;
  private final Duration callTimeout;
  private final Sleeper sleeper;

  Transport(HttpStack http, Clock clock, RetryPolicy retryPolicy, Duration callTimeout, Sleeper sleeper) {
    this.http = http;
    this.clock = clock;
    this.retryPolicy = retryPolicy;
    this.callTimeout = callTimeout;
    this.sleeper = sleeper;
  }

  HttpStack http() {
    return http;
  }

  /** Executes a read. */
  <T> T read(Call<T> call, RequestOptions options) {
    return execute(call, null, options);
  }

  /** Executes a write that carries {@code idempotencyKey} on every attempt. */
  <T> T write(Call<T> call, String idempotencyKey, RequestOptions options) {
    return execute(call, idempotencyKey, options);
  }

  /**
   * Runs the attempts of one call under its retry policy and deadline. A write whose last
   * failure leaves its outcome open ends in {@link OutcomeUnknownException}.
   */
  private <T> T execute(Call<T> first, String idempotencyKey, RequestOptions options) {
    long deadline = clock.millis() + options.timeout().orElse(callTimeout).toMillis();
    Call<T> call = first;
    for (int attempt = 1; ; attempt++) {
      Attempt<T> outcome = attempt(call, idempotencyKey, deadline);
      if (outcome.failure == null) {
        return outcome.body;
      }
      Duration wait = retryWait(outcome.failure, attempt);
      boolean retry = wait != null && clock.millis() + wait.toMillis() < deadline;
      if (!retry) {
        throw finalFailure(outcome.failure, idempotencyKey, attempt);
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw finalFailure(outcome.failure, idempotencyKey, attempt);
      }
      call = call.clone();
    }
  }

  private <T> Attempt<T> attempt(Call<T> call, String idempotencyKey, long deadline) {
    long remaining = Math.max(1, deadline - clock.millis());
    call.timeout().timeout(remaining, TimeUnit.MILLISECONDS);
    Response<T> response;
    try {
      response = call.execute();
    } catch (WireFormatException e) {
      throw malformed(call, e);
    } catch (IOException e) {
      return Attempt.failed(connectionFailure(call, e));
    }
    String requestId = response.headers().get("Request-Id");
    if (!response.isSuccessful()) {
      return Attempt.failed(failure(response.code(), response.headers(), response.errorBody(), requestId));
    }
    T body = response.body();
    if (body == null) {
      throw new MalformedResponseException(
          "Empty response from " + describe(call), response.code(), requestId, null);
    }
    return new Attempt<>(body, null);
  }

  /** How long to wait before repeating after {@code failure}, or null when it must not be. */
  private Duration retryWait(SettleException failure, int attempt) {
    if (attempt >= retryPolicy.maxAttempts() || !retryable(failure)) {
      return null;
    }
    Duration backoff = retryPolicy.backoff(attempt);
    if (failure instanceof RateLimitedException) {
      Duration asked = ((RateLimitedException) failure).retryAfter().orElse(Duration.ZERO);
      return asked.compareTo(backoff) > 0 ? asked : backoff;
    }
    return backoff;
  }

  private static boolean retryable(SettleException failure) {
    if (failure instanceof ConnectionException) {
      return true;
    }
    if (!(failure instanceof ApiException)) {
      return false;
    }
    ApiException api = (ApiException) failure;
    int status = api.statusCode();
    return status == 429 || status == 502 || status == 503 || status == 504
        || (status == 409 && api.code().filter("idempotency_key_in_use"::equals).isPresent());
  }

  /** For a write, a failure that does not say whether it happened becomes outcome-unknown. */
  private static SettleException finalFailure(SettleException failure, String idempotencyKey, int attempts) {
    boolean unknown =
        failure instanceof ConnectionException
            || (failure instanceof ApiException && ((ApiException) failure).statusCode() >= 500)
            || (failure instanceof ConflictException
                && ((ConflictException) failure).code().filter("idempotency_key_in_use"::equals).isPresent());
    if (idempotencyKey != null && unknown) {
      return new OutcomeUnknownException(idempotencyKey, attempts, failure);
    }
    return failure;
  }

  /** One attempt's result: a body, or the failure to weigh for a retry. */
  private static final class Attempt<T> {
    final T body;
    final SettleException failure;

    Attempt(T body, SettleException failure) {
      this.body = body;
      this.failure = failure;
    }

    static <T> Attempt<T> failed(SettleException failure) {
      return new Attempt<>(null, failure);
    }
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

  static ConnectionException connectionFailure(Call<?> call, IOException cause) {
    return new ConnectionException(
        "Connection failure on " + describe(call) + ": " + cause.getClass().getSimpleName(), cause);
  }

  static MalformedResponseException malformed(Call<?> call, WireFormatException cause) {
    return new MalformedResponseException(
        "Unreadable response from " + describe(call) + ": " + cause.getMessage(), 200, null, cause);
  }

  private static String describe(Call<?> call) {
    return call.request().method() + " " + call.request().url().encodedPath();
  }
}
