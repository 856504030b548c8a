package dev.settle.spi;

import dev.settle.model.CustomerId;
import java.lang.reflect.Type;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * What Settle lends a provider for one call on one account: the client's clock and its HTTP
 * pipeline.
 *
 * <p>Settle passes one to {@link PaymentMethodProvider#tokenize}; a provider whose flow needs
 * more calls of its own (PayPal's approval, for example) gets one from
 * {@link dev.settle.AccountClient#providerContext}. Thread-safe, so that the steps of an
 * asynchronous flow may use it from whichever thread completes them.
 */
public interface ProviderContext {
  /** The client's clock; check expiry dates against it, never against the system clock. */
  Clock clock();

  /** The account the call is for, to build paths such as {@code v1/accounts/{id}/…}. */
  CustomerId customerId();

  /**
   * GETs {@code path} (relative to the base URL) and decodes the response as
   * {@code responseType}, which must be a public type Moshi can read. Failures are thrown as
   * Settle's exceptions.
   */
  <T> T get(String path, Type responseType);

  /**
   * POSTs {@code body} as JSON to {@code path} (relative to the base URL, such as
   * {@code v1/tokens}) and decodes the response as {@code responseType}. Both must be public
   * types Moshi can read and write.
   *
   * <p>The request carries the client's authentication and an idempotency key derived from the
   * call's own, so repeating the whole call repeats this request safely. Failures are thrown as
   * Settle's exceptions.
   */
  <T> T post(String path, Object body, Type responseType);

  /** Like {@link #get}, without blocking: the future completes on an OkHttp thread. */
  <T> CompletableFuture<T> getAsync(String path, Type responseType);

  /**
   * POSTs {@code body} to a path that answers with a single-use token, such as {@code v1/tokens},
   * and returns the token's id. An answer without a well-formed id ({@code tok_…}) is a
   * {@link dev.settle.MalformedResponseException}, so a provider never attaches garbage.
   */
  String postForToken(String path, Object body);

  /** Like {@link #postForToken}, without blocking. */
  CompletableFuture<String> postForTokenAsync(String path, Object body);

  /** Like {@link #post}, without blocking: the future completes on an OkHttp thread. */
  <T> CompletableFuture<T> postAsync(String path, Object body, Type responseType);
}
