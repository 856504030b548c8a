package dev.settle.spi;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.settle.model.PaymentMethodDetails;
import dev.settle.model.PaymentMethodInput;
import java.util.concurrent.CompletableFuture;

/**
 * Everything that is specific to one kind of payment method: how its details are read from JSON
 * and how a caller's input becomes a single-use token that the account can store.
 *
 * <p>One instance serves every client that registers it, from many threads at once: an
 * implementation must be stateless or thread-safe. It must also keep card data and secrets out of
 * its exceptions and logs; the raw input may go only to the tokenization request. What it may
 * throw is said on {@link ProviderContext}.
 */
public interface PaymentMethodProvider {
  /**
   * {@return the kind's wire name, such as {@code card}: the value of a payment method's
   * {@code type} and the name of the JSON object that holds its details}
   */
  String kind();

  /**
   * The adapter that reads this kind's details object. Called once per client; {@code moshi}
   * already knows Settle's shared types (timestamps, for example).
   *
   * @param moshi the client's Moshi, to look up adapters for nested types
   * @return the details adapter
   */
  JsonAdapter<? extends PaymentMethodDetails> detailsAdapter(Moshi moshi);

  /**
   * Validates {@code input} and exchanges it for a single-use token that Settle then attaches to
   * the account.
   *
   * <p>Validation comes first and throws {@link dev.settle.exception.ValidationException} without
   * any request. The tokenization goes through {@code context}, as an {@code ApiCall<Token>} of
   * the provider's {@link ProviderApi}, carrying {@link ProviderContext#nextIdempotencyKey()}.
   *
   * @param input an input whose {@link PaymentMethodInput#kind()} is this provider's kind
   * @param context the call's access to the API, its clock and its idempotency keys
   * @return the token's id, such as {@code tok_…}
   */
  String tokenize(PaymentMethodInput input, ProviderContext context);

  /**
   * Like {@link #tokenize}, without blocking the caller: used by Settle's asynchronous calls.
   * Validation failures may be thrown directly or returned as a failed future.
   *
   * @param input an input whose {@link PaymentMethodInput#kind()} is this provider's kind
   * @param context the call's access to the API, its clock and its idempotency keys
   * @return a future of the token's id
   */
  CompletableFuture<String> tokenizeAsync(PaymentMethodInput input, ProviderContext context);
}
