package dev.settle.card;

import dev.settle.model.PaymentMethodInput;
import org.immutables.value.Value;

/**
 * A card the customer authenticated with their bank, as input to save it once they are back: it
 * completes the card setup and stores the card, marked usable for charges without the customer.
 *
 * <p>Adding or switching to a card whose bank asks for authentication ends in {@link
 * dev.settle.AuthenticationRequiredException}, which names the setup; the account is unchanged
 * until this input is stored:
 *
 * <pre>{@code
 * RequestOptions back = RequestOptions.builder().returnUrl(URI.create("https://shop.example/card-done")).build();
 * try {
 *   account.paymentMethods().switchPreferred(cardDetails, back);
 * } catch (AuthenticationRequiredException e) {
 *   session.put("card-setup", e.setupId().orElseThrow());
 *   return redirect(e.redirectUrl());
 * }
 * // on https://shop.example/card-done:
 * CardAuthentication done = CardAuthentication.of(CardSetupId.of(session.get("card-setup")));
 * PaymentMethod card = account.paymentMethods().switchPreferred(done);
 * }</pre>
 *
 * <p>Storing it while the customer has not answered their bank throws the same exception again; a
 * failed authentication is a {@link dev.settle.PaymentDeclinedException} with the decline code
 * {@code authentication_failed}, and nothing is stored. On Portal I a switch removes the old card
 * only once the new one is authenticated.
 */
@Value.Immutable
public abstract class CardAuthentication implements PaymentMethodInput {
  CardAuthentication() {}

  /** {@return the card setup the customer answered} */
  @Value.Parameter
  public abstract CardSetupId setupId();

  /** Always {@code card}. */
  @Override
  public final String kind() {
    return "card";
  }

  /**
   * The authentication of {@code setupId}.
   *
   * @param setupId the setup an {@code AuthenticationRequiredException} named
   * @return the input that completes it
   */
  public static CardAuthentication of(CardSetupId setupId) {
    return ImmutableCardAuthentication.of(setupId);
  }
}
