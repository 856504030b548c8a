package dev.settle.card;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.settle.exception.ValidationException.Reason;
import dev.settle.exception.ValidationException;
import dev.settle.model.PaymentMethodInput;
import dev.settle.spi.ApiCall;
import dev.settle.spi.PaymentMethodProvider;
import dev.settle.spi.ProviderApi;
import dev.settle.spi.ProviderContext;
import dev.settle.spi.Token;
import java.time.YearMonth;
import java.util.concurrent.CompletableFuture;
import retrofit2.http.Body;
import retrofit2.http.Header;
import retrofit2.http.POST;

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
  private static final ProviderApi<Tokens> TOKENS = ProviderApi.of(Tokens.class, ProviderApi.adapter(TokenRequest.class, TokenRequest.ADAPTER));

  /** The card's part of the billing API: tokenization. */
  interface Tokens {
    @POST("v1/tokens")
    ApiCall<Token> createToken(@Header("Idempotency-Key") String idempotencyKey, @Body TokenRequest body);
  }

  /**
   * Creates the provider; {@link java.util.ServiceLoader} calls this, or register it on the
   * client's builder yourself.
   */
  public CardProvider() {}

  /** Always {@code card}. */
  @Override
  public String kind() {
    return "card";
  }

  @Override
  public JsonAdapter<Card> detailsAdapter(Moshi moshi) {
    ValidationException.required(moshi, "moshi");
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
    return context.execute(tokenCall(input, context)).id();
  }

  /** Validates before returning, so an expired card fails without a request, as with tokenize. */
  @Override
  public CompletableFuture<String> tokenizeAsync(PaymentMethodInput input, ProviderContext context) {
    return context.executeAsync(tokenCall(input, context)).thenApply(Token::id);
  }

  private static ApiCall<Token> tokenCall(PaymentMethodInput input, ProviderContext context) {
    ValidationException.required(input, "input");
    ValidationException.required(context, "context");
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
    return context.api(TOKENS).createToken(context.nextIdempotencyKey(), new TokenRequest(card));
  }

}
