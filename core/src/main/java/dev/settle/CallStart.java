package dev.settle;

import org.jspecify.annotations.Nullable;

/**
 * A call that is starting, as a {@link CallListener} sees it.
 *
 * @param callId this call's number in the client, on each of its events; unique within the JVM
 * @param operation the API operation, such as {@code payInvoice}
 * @param method the HTTP method
 * @param path the request path, without query
 * @param idempotencyKey the write's key, or null for a read
 */
public record CallStart(long callId, String operation, String method, String path, @Nullable String idempotencyKey) {}
