package dev.settle;

import dev.settle.exception.SettleException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A finished call, as a {@link CallListener} sees it.
 *
 * @param callId the call's number, as in {@link CallStart#callId()}
 * @param operation the API operation, such as {@code payInvoice}
 * @param attempts how many attempts were made
 * @param latency from the call's start to its end, time queued and waits between attempts
 *     included
 * @param queued how long the call waited for a slot under the client's limit of calls in flight
 *     before its first attempt began; zero for a blocking call, which never queues
 * @param statusCode the last attempt's HTTP status, or 0 when it got no answer
 * @param requestId the last response's request id, or null
 * @param idempotencyKey the write's key, or null for a read
 * @param failure what the call threw, or null when it succeeded
 */
public record CallEvent(
    long callId,
    String operation,
    int attempts,
    Duration latency,
    Duration queued,
    int statusCode,
    @Nullable String requestId,
    @Nullable String idempotencyKey,
    @Nullable SettleException failure) {

  /** {@return true when the call returned a result} */
  public boolean succeeded() {
    return failure == null;
  }
}
