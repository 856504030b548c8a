package dev.settle.card;

import static dev.settle.exception.ValidationException.required;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.settle.AuthenticationRequiredException;
import dev.settle.exception.MalformedResponseException;
import dev.settle.exception.ValidationException;
import dev.settle.exception.ValidationException.Reason;
import dev.settle.model.PaymentMethodInput;
import dev.settle.spi.ApiCall;
import dev.settle.spi.PaymentMethodProvider;
import dev.settle.spi.ProviderContext;
import java.net.URI;
import java.time.YearMonth;
import java.util.concurrent.CompletableFuture;

/**
 * Plugs cards into Settle: reads stored cards as {@link Card} and turns a {@link CardDetails}
 * into a single-use token, through the bank's authentication when it asks for one.
 *
 * <p>The client finds it on the classpath through {@link java.util.ServiceLoader}; register it
 * with {@code SettleClient.Builder.addProvider(new CardProvider())} only when discovery is off.
 *
 * <p>Stateless, so one instance serves any number of clients and threads. Tokenization is the
 * one place the card number and CVC leave the caller's machine: {@code POST /v1/tokens}, whose
 * response carries only the token.
 *
 * <h2>Cards whose bank asks for authentication</h2>
 *
 * <p>When the token says the card's bank asks the customer to authenticate before the card is
 * saved (3-D Secure, for strong customer authentication in Europe), the provider creates a card
 * setup with it and the call's {@link dev.settle.RequestOptions.Builder#returnUrl return URL}
 * ({@code POST /v1/accounts/{customer_id}/card_setups}). If the bank asks nothing more, the
 * setup's token is attached at once; otherwise the call ends in {@link
 * AuthenticationRequiredException}, naming the setup, before the account is touched. A {@link
 * CardAuthentication} of that setup completes it once the customer is back ({@code POST
 * …/card_setups/{id}/complete}) and its token is attached. A card saved this way is usable for
 * renewals and automatic collection without the customer.
 */
public final class CardProvider implements PaymentMethodProvider {

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
    required(moshi, "moshi");
    return new CardAdapter();
  }

  /**
   * Exchanges {@code input} for a token to attach: a {@link CardDetails}, checked first for
   * expiry by the client's clock, or a {@link CardAuthentication}, whose setup is completed.
   *
   * <p>A card can be charged until the last day of its expiry month, in the time zone of the
   * client's clock (UTC unless the client was given another).
   *
   * @throws ValidationException with param {@code exp_month} and the reason {@link
   *     Reason#EXPIRED} if the expiry month has ended; nothing was sent
   * @throws AuthenticationRequiredException if the customer must authenticate with their bank
   *     first; nothing was stored
   */
  @Override
  public String tokenize(PaymentMethodInput input, ProviderContext context) {
    required(input, "input");
    required(context, "context");
    if (input instanceof CardAuthentication authentication) {
      return attachable(context.execute(completion(authentication, context)));
    }
    CardApi.CardToken token = context.execute(tokenCall(input, context));
    return token.requiresAuthentication() ? attachable(context.execute(setupCall(token, context))) : token.id();
  }

  /** Validates before returning, so an expired card fails without a request, as with tokenize. */
  @Override
  public CompletableFuture<String> tokenizeAsync(PaymentMethodInput input, ProviderContext context) {
    required(input, "input");
    required(context, "context");
    if (input instanceof CardAuthentication authentication) {
      return context.executeAsync(completion(authentication, context)).thenApply(CardProvider::attachable);
    }
    return context.executeAsync(tokenCall(input, context)).thenCompose(token -> token.requiresAuthentication()
        ? context.executeAsync(setupCall(token, context)).thenApply(CardProvider::attachable)
        : CompletableFuture.completedFuture(token.id()));
  }

  private static ApiCall<CardApi.CardToken> tokenCall(PaymentMethodInput input, ProviderContext context) {
    if (!(input instanceof CardDetails)) {
      throw new IllegalArgumentException(
          "CardProvider tokenizes CardDetails and CardAuthentication, not " + input.getClass().getName());
    }
    CardDetails card = (CardDetails) input;
    YearMonth now = YearMonth.now(context.clock());
    if (card.expiry().isBefore(now)) {
      throw new ValidationException(
          "exp_month", Reason.EXPIRED, "The card expired at the end of " + card.expiry() + "; use a current card");
    }
    return context.api(CardApi.API).createToken(context.nextIdempotencyKey(), new TokenRequest(card));
  }

  private static ApiCall<CardApi.CardSetup> setupCall(CardApi.CardToken token, ProviderContext context) {
    CardApi.CreateSetupRequest body = new CardApi.CreateSetupRequest(
        token.id(), context.returnUrl().map(URI::toString).orElse(null));
    return context.api(CardApi.API).createCardSetup(context.customerId(), context.nextIdempotencyKey(), body);
  }

  private static ApiCall<CardApi.CardSetup> completion(
      CardAuthentication authentication, ProviderContext context) {
    return context.api(CardApi.API).completeCardSetup(
        context.customerId(), authentication.setupId(), context.nextIdempotencyKey());
  }

  /** The token a setup answered; a setup still waiting for the customer is thrown, never attached. */
  private static String attachable(CardApi.CardSetup setup) {
    if (setup.status().equals("succeeded") && setup.token() != null) {
      return setup.token();
    }
    if (setup.status().equals("requires_action") && setup.nextActionUrl() != null) {
      throw new AuthenticationRequiredException(setup.id().value(), setup.nextActionUrl(), null);
    }
    throw new MalformedResponseException("Card setup " + setup.id() + " is " + setup.status()
        + " without what that status needs; it cannot be completed by this version", 200, null, null);
  }
}
