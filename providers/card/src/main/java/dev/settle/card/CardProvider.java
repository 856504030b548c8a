package dev.settle.card;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.settle.ValidationException;
import dev.settle.ValidationException.Reason;
import dev.settle.model.PaymentMethodInput;
import dev.settle.spi.PaymentMethodProvider;
import dev.settle.spi.ProviderContext;
import java.time.YearMonth;
import java.util.concurrent.CompletableFuture;

/**
 * Plugs cards into Settle: reads stored cards as {@link Card} and turns a {@link CardDetails}
 * into a single-use token.
 *
 * <p>The client finds it on the classpath through {@link java.util.ServiceLoader}; register it
 * with {@code SettleClient.Builder.addProvider(new CardProvider())} only when discovery is off.
 *
 * <p>Stateless, so one instance serves any number of clients and threads. Tokenization is the
 * one place the card number and CVC leave the caller's machine: {@code POST /v1/tokens}, whose
 * response carries only the token.
 */
public final class CardProvider implements PaymentMethodProvider {

  public CardProvider() {}

  /** Always {@code card}. */
  @Override
  public String kind() {
    return "card";
  }

  @Override
  public JsonAdapter<Card> detailsAdapter(Moshi moshi) {
    return new CardAdapter();
  }

  /**
   * Checks that {@code input}, a {@link CardDetails}, has not expired by the client's clock, then
   * exchanges it for a token.
   *
   * <p>A card can be charged until the last day of its expiry month, in the time zone of the
   * client's clock (UTC unless the client was given another).
   *
   * @throws ValidationException with param {@code exp_month} and the reason {@link
   *     Reason#EXPIRED} if the expiry month has ended; nothing was sent
   */
  @Override
  public String tokenize(PaymentMethodInput input, ProviderContext context) {
    return context.postForToken("v1/tokens", tokenRequest(input, context));
  }

  /** Validates before returning, so an expired card fails without a request, as with tokenize. */
  @Override
  public CompletableFuture<String> tokenizeAsync(PaymentMethodInput input, ProviderContext context) {
    return context.postForTokenAsync("v1/tokens", tokenRequest(input, context));
  }

  private static TokenWire.Request tokenRequest(PaymentMethodInput input, ProviderContext context) {
    if (!(input instanceof CardDetails)) {
      throw new IllegalArgumentException(
          "CardProvider tokenizes CardDetails, not " + input.getClass().getName());
    }
    CardDetails card = (CardDetails) input;
    YearMonth now = YearMonth.now(context.clock());
    if (card.expiry().isBefore(now)) {
      throw new ValidationException(
          "exp_month", Reason.EXPIRED, "The card expired at the end of " + card.expiry() + "; use a current card");
    }
    return TokenWire.Request.of(card);
  }

}
