package dev.settle;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP attempt of a call, as a {@link CallListener} sees it.
 *
 * @param callId the call's number, as in {@link CallStart#callId()}
 * @param operation the API operation, such as {@code payInvoice}
 * @param method the HTTP method
 * @param path the request path, without query
 * @param attempt the attempt number, from 1
 * @param statusCode the HTTP status, or 0 when the network failed
 * @param requestId the server's request id, or null when there was none
 * @param idempotencyKey the write's key, or null for a read
 * @param latency how long the attempt took
 * @param failure the simple name of the failure's type, or null when the attempt succeeded
 * @param willRetry whether Settle will make another attempt
 */
public record AttemptEvent(
    long callId,
    String operation,
    String method,
    String path,
    int attempt,
    int statusCode,
    @Nullable String requestId,
    @Nullable String idempotencyKey,
    Duration latency,
    @Nullable String failure,
    boolean willRetry) {}
