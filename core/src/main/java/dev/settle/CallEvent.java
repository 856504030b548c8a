package dev.settle;

import java.time.Duration;

/**
 * A finished call, as a {@link CallListener} sees it.
 *
 * @param operation the API operation, such as {@code payInvoice}
 * @param attempts how many attempts were made
 * @param latency from the call's start to its end, waits between attempts included
 * @param requestId the last response's request id, or null
 * @param idempotencyKey the write's key, or null for a read
 * @param failure what the call threw, or null when it succeeded
 */
public record CallEvent(
    String operation,
    int attempts,
    Duration latency,
    String requestId,
    String idempotencyKey,
    SettleException failure) {

  /** True when the call returned a result. */
  public boolean succeeded() {
    return failure == null;
  }
}
