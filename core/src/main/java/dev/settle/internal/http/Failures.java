package dev.settle.internal.http;

import dev.settle.exception.ConnectionException;
import dev.settle.exception.MalformedResponseException;
import dev.settle.exception.SettleException;
import java.io.IOException;
import okhttp3.Headers;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * What each way a call can fail means: the exception for an answer's status and error body, for
 * an unreadable answer, a network failure, and a write whose outcome is unknown. The client
 * supplies it, so that the transport, which decides when to retry and when an outcome is open,
 * does not also decide what every status means. Each is told the operation (the name of the
 * interface method that built the call) and the request, by which to name the call.
 */
public interface Failures {
  /** An answer outside 2xx; {@code error} is null when its body was not the API's error shape. */
  SettleException answer(String operation, Request request, int status, Headers headers, Wire.@Nullable Error error,
      @Nullable String requestId);

  /** A 2xx answer whose body could not be read. */
  MalformedResponseException unreadable(String operation, Request request, int status, @Nullable String requestId,
      WireFormatException why);

  /** A network failure; {@code sent} says whether the request may have reached the server. */
  ConnectionException network(String operation, Request request, IOException cause, boolean sent);

  /** A failure from outside Settle's own code, such as a shared client's interceptor. */
  SettleException unexpected(String operation, Request request, Throwable cause);

  /** A write that may have been done, with the key that resolves it. */
  SettleException unknown(String idempotencyKey, int attempts, SettleException lastFailure);
}
