/**
 * Settle's HTTP layer: the Retrofit description of the billing API, the wire records, and the
 * Moshi adapters that turn wire records into the public model.
 *
 * <p>Internal: nothing here is part of Settle's API, and it changes without notice.
 */
package dev.settle.internal.http;
