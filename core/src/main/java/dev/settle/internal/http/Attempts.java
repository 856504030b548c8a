package dev.settle.internal.http;

import dev.settle.exception.ApiException;
import dev.settle.exception.ConflictException;
import dev.settle.exception.RateLimitedException;
import dev.settle.exception.SettleException;
import dev.settle.exception.UnexpectedRedirectException;
import org.jspecify.annotations.Nullable;

/**
 * What one attempt's answer or failure means for the call: whether another attempt may help, and
 * what it tells about whether a write was done. The transport weighs these across attempts.
 */
final class Attempts {
  private Attempts() {}

  /** Statuses that may pass: overload (429), a gateway's trouble (502-504), the key still running. */
  static boolean retryable(SettleException failure) {
    if (!(failure instanceof ApiException)) {
      return false;
    }
    int status = ((ApiException) failure).statusCode();
    return status == 429 || status == 502 || status == 503 || status == 504 || keyInFlight(failure);
  }

  /**
   * What an answer says about a write's outcome. A server error may come after the work was done,
   * and a key still in flight is an earlier attempt at work; a 429 or a redirect says only that
   * this attempt was not served; any other answer is the server's word on the key.
   */
  static Settlement settlement(SettleException failure) {
    if (failure instanceof UnexpectedRedirectException || failure instanceof RateLimitedException) {
      return Settlement.NEUTRAL;
    }
    if (failure instanceof ApiException
        && (((ApiException) failure).statusCode() >= 500 || keyInFlight(failure))) {
      return Settlement.OPENS;
    }
    return Settlement.SETTLES;
  }

  private static boolean keyInFlight(SettleException failure) {
    return failure instanceof ConflictException
        && ((ConflictException) failure).code().filter("idempotency_key_in_use"::equals).isPresent();
  }

  /** What one attempt tells about whether a write was done. */
  enum Settlement {
    /** The work may have been done, and this attempt does not say whether. */
    OPENS,
    /** The server's answer for the key: done, or refused. */
    SETTLES,
    /** Nothing: the request never reached the server's work. */
    NEUTRAL
  }

  /** One attempt's result: a body, or the failure to weigh for a retry. */
  static final class Attempt<T> {
    final @Nullable T body;
    final @Nullable SettleException failure;
    final boolean retryable;
    final Settlement settlement;
    final int status;

    Attempt(@Nullable T body, @Nullable SettleException failure, boolean retryable, Settlement settlement,
        int status) {
      this.body = body;
      this.failure = failure;
      this.retryable = retryable;
      this.settlement = settlement;
      this.status = status;
    }

    static <T> Attempt<T> failed(SettleException failure, boolean retryable, Settlement settlement, int status) {
      return new Attempt<>(null, failure, retryable, settlement, status);
    }
  }
}
