/**
 * Settle's HTTP layer: the billing API's calls built on OkHttp, the Moshi adapters that read the
 * public model straight from JSON, and the wire records of requests and errors.
 *
 * <p>Internal: nothing here is part of Settle's API, and it changes without notice.
 */
package dev.settle.internal.http;
