package dev.settle.paypal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.settle.exception.ValidationException;
import dev.settle.model.PaymentMethodInput;
import dev.settle.spi.ApiCall;
import dev.settle.spi.PaymentMethodProvider;
import dev.settle.spi.ProviderContext;
import dev.settle.spi.Token;
import java.util.concurrent.CompletableFuture;

/**
 * Plugs PayPal into Settle: reads stored PayPal methods as {@link PayPalAccount} and turns a
 * {@link PayPalApproval} into a single-use token by completing its setup.
 *
 * <p>The client finds it on the classpath through {@link java.util.ServiceLoader}; register it
 * with {@code SettleClient.Builder.addProvider(new PayPalProvider())} only when discovery is off.
 * The approval flow itself (starting and reading setups) is on {@link PayPal}.
 *
 * <p>Stateless, so one instance serves any number of clients and threads.
 */
public final class PayPalProvider implements PaymentMethodProvider {

  /** For {@link java.util.ServiceLoader}, and for registering the provider on a builder. */
  public PayPalProvider() {}

  /** Always {@code paypal}. */
  @Override
  public String kind() {
    return "paypal";
  }

  @Override
  public JsonAdapter<PayPalAccount> detailsAdapter(Moshi moshi) {
    ValidationException.required(moshi, "moshi");
    return new PayPalAccountAdapter();
  }

  /**
   * Completes the setup of {@code input}, a {@link PayPalApproval}, and returns the token the
   * completion yields: {@code POST /v1/accounts/{customer_id}/paypal_setups/{id}/complete}.
   *
   * <p>The setup's status is not read first: the payer can approve, or the setup expire, between
   * a read and the completion, so only the server's answer to the completion itself is reliable.
   * A setup that cannot be completed is answered with a {@link dev.settle.exception.ConflictException},
   * passed on unchanged, whose code {@link PayPalSetupStatus#ofRefusedCompletion} reads as a
   * status; nothing is attached then.
   */
  @Override
  public String tokenize(PaymentMethodInput input, ProviderContext context) {
    return context.execute(completion(input, context)).id();
  }

  @Override
  public CompletableFuture<String> tokenizeAsync(PaymentMethodInput input, ProviderContext context) {
    return context.executeAsync(completion(input, context)).thenApply(Token::id);
  }

  private static ApiCall<Token> completion(PaymentMethodInput input, ProviderContext context) {
    ValidationException.required(input, "input");
    ValidationException.required(context, "context");
    if (!(input instanceof PayPalApproval)) {
      throw new IllegalArgumentException(
          "PayPalProvider tokenizes PayPalApproval, not " + input.getClass().getName());
    }
    return context.api(PayPalApi.API).completePayPalSetup(context.customerId(),
        ((PayPalApproval) input).setupId(), context.nextIdempotencyKey(), PayPalApi.CompleteRequest.EMPTY);
  }
}
