package dev.settle.spi;

/**
 * A request to the billing API, built by a Retrofit interface and not yet made.
 *
 * <p>Declare it as the return type of a provider's Retrofit interface methods, and make it with
 * {@link ProviderContext#execute} or {@link ProviderContext#executeAsync}: Settle then gives it
 * the same retries, idempotency key, deadline, cancellation and listener events as its own
 * calls. A request that carries an {@code Idempotency-Key} header is a write: if it may have
 * reached the server without an answer saying what became of it, it ends in
 * {@code OutcomeUnknownException}.
 *
 * <pre>{@code
 * interface Tokens {
 *   @POST("v1/tokens")
 *   ApiCall<Token> createToken(@Header("Idempotency-Key") String key, @Body TokenRequest body);
 * }
 * }</pre>
 *
 * <p>Settle implements this interface; providers never do. Each instance is made once.
 *
 * @param <T> what a successful answer decodes to
 */
public interface ApiCall<T> {
  /**
   * {@return the operation's name, which is the name of the interface method that built the call}
   */
  String operation();
}
