package dev.settle.spi;

import dev.settle.model.CustomerId;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What Settle lends a provider for one call on one account: the client's clock, and its HTTP
 * stack through typed interfaces.
 *
 * <p>Settle passes one to {@link PaymentMethodProvider#tokenize}; a provider's own entry point
 * (PayPal's approval flow, for example) gets them from {@link ProviderScope}. Requests are built
 * by a {@link ProviderApi}'s Retrofit interface and made with {@link #execute}, so that they get
 * the client's authentication, retries, idempotency keys, deadline, cancellation and listener
 * events exactly as Settle's own calls do.
 *
 * <h2>What a provider may throw</h2>
 *
 * <p>{@link #execute} throws Settle's exceptions ({@code dev.settle.exception} and the
 * {@code dev.settle} outcomes such as {@code OutcomeUnknownException}); a provider passes them on
 * unchanged. Its own refusals are any {@code SettleException} subtype: {@code ValidationException}
 * for input refused before any request, which promises that nothing was sent. Anything else it
 * throws reaches the caller wrapped in a {@code SettleException}.
 *
 * <p>Thread-safe, so that the steps of an asynchronous flow may use it from whichever thread
 * completes them.
 */
public interface ProviderContext {
  /** {@return the client's clock; check expiry dates against it, never against the system clock} */
  Clock clock();

  /** {@return the account the call is for, as the path parameter of the provider's requests} */
  CustomerId customerId();

  /**
   * {@return where the customer's bank sends them back after authenticating, from the call's
   * {@code RequestOptions}} For a provider whose flow may need it (a card setup's 3-D Secure);
   * empty when the caller gave none. A default, so that a context a test builds by hand need not
   * give one.
   */
  default Optional<URI> returnUrl() {
    return Optional.empty();
  }

  /**
   * The implementation of {@code api}'s interface for this client; built once and kept.
   *
   * @param <S> the interface type
   * @param api the provider's API
   * @return the interface's implementation
   */
  <S> S api(ProviderApi<S> api);

  /**
   * {@return the idempotency key of this call's next write: the call's own key followed by
   * {@code :1}, {@code :2}… in order, so that repeating the whole call with its key replays each
   * write instead of repeating it}
   */
  String nextIdempotencyKey();

  /**
   * Makes {@code call}, retrying as the client's policy says, and returns what its answer
   * decodes to.
   *
   * @param call the request, made on the provider's API
   * @param <T> what the answer decodes to
   * @return the decoded answer
   * @throws dev.settle.exception.SettleException any of Settle's failures; for a write whose
   *     outcome is unknown, an {@code OutcomeUnknownException} under the call's own key
   */
  <T> T execute(ApiCall<T> call);

  /**
   * Like {@link #execute}, without blocking: the future completes on an OkHttp thread, and
   * cancelling it cancels the request in flight.
   *
   * @param <T> what the answer decodes to
   * @param call the request, made on the provider's API
   * @return a future of the decoded answer
   */
  <T> CompletableFuture<T> executeAsync(ApiCall<T> call);
}
