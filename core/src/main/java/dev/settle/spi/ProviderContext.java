package dev.settle.spi;

import java.lang.reflect.Type;
import java.time.Clock;

/**
 * What Settle lends a provider while it works on one call: the client's clock and its HTTP
 * pipeline.
 *
 * <p>Valid only during the call it was passed to; it is not shared between threads.
 */
public interface ProviderContext {
  /** The client's clock; check expiry dates against it, never against the system clock. */
  Clock clock();

  /**
   * POSTs {@code body} as JSON to {@code path} (relative to the base URL, such as
   * {@code v1/tokens}) and decodes the response as {@code responseType}.
   *
   * <p>The request carries the client's authentication and an idempotency key derived from the
   * call's own, so repeating the whole call repeats this request safely. Failures are thrown as
   * Settle's exceptions.
   */
  <T> T post(String path, Object body, Type responseType);
}
