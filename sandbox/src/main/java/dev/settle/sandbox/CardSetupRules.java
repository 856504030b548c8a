package dev.settle.sandbox;

import dev.settle.sandbox.Model.Account;
import dev.settle.sandbox.Model.CardSetup;
import dev.settle.sandbox.Model.CardSetupStatus;
import dev.settle.sandbox.Model.Token;
import java.time.Instant;
import java.util.Map;

/**
 * Card setups: saving a card whose bank asks the customer to authenticate first (3-D Secure), as
 * a Stripe SetupIntent does. A setup spends the card's token and waits for the customer at the
 * sandbox's stand-in for the bank's page; once they authenticated it answers a token of its own,
 * which stores the card as usable without the customer. Until that token is attached, completing
 * the setup answers the same one.
 */
final class CardSetupRules {
  private final BillingState state;

  CardSetupRules(BillingState state) {
    this.state = state;
  }

  /**
   * Starts a setup from a card token: checks the card as storing it would (a declined card is a
   * 402 and spends the token), then answers {@code succeeded} at once when its bank asks nothing,
   * else {@code requires_action} with the bank's page.
   */
  Map<String, Object> create(String customerId, String tokenId, String returnUrl) {
    synchronized (state) {
      Account account = state.account(customerId);
      Token token = state.tokens.get(tokenId);
      if (token == null || token.card == null || token.setupId != null) {
        throw ApiError.referenceMissing("token", "No such card token.");
      }
      if (token.used) {
        throw ApiError.tokenAlreadyUsed();
      }
      token.used = true;
      Cards.Decline decline = token.card.behavior().onAttach;
      if (decline != null) {
        throw ApiError.card(decline.code, decline.declineCode, decline.message, null);
      }
      CardSetup setup = new CardSetup(state.ids.next("cs_"), account.customerId, token.card, returnUrl,
          state.clock.instant());
      state.cardSetups.put(setup.id, setup);
      if (!token.card.behavior().asksToAuthenticateSetup()) {
        succeed(setup);
      }
      return view(setup);
    }
  }

  /**
   * The setup once the customer is back: its token when they authenticated (the same until it is
   * attached), still {@code requires_action} while they have not, a 402 when they failed.
   */
  Map<String, Object> complete(String customerId, String setupId) {
    synchronized (state) {
      CardSetup setup = find(state.account(customerId), setupId);
      if (setup.status == CardSetupStatus.SUCCEEDED && state.tokens.get(setup.tokenId).used) {
        throw ApiError.conflict("setup_already_completed", "card_setup_id",
            "This card setup's card was already stored; each setup stores one card.");
      }
      return answer(customerId, setupId);
    }
  }

  /**
   * The setup as it stands, as a kept answer about it is replayed: its view, or the 402 of a
   * failed authentication.
   */
  Map<String, Object> answer(String customerId, String setupId) {
    synchronized (state) {
      CardSetup setup = find(state.account(customerId), setupId);
      if (setup.status == CardSetupStatus.FAILED) {
        Cards.Decline failed = Cards.Decline.AUTHENTICATION_FAILED;
        throw ApiError.card(failed.code, failed.declineCode, failed.message, null);
      }
      return view(setup);
    }
  }

  /** The customer's answer on the bank's page; answers the setup as it is now. */
  CardSetup authenticate(String setupId, boolean authenticated) {
    synchronized (state) {
      CardSetup setup = state.cardSetups.get(setupId);
      if (setup == null) {
        throw ApiError.notFound("card_setup_id", "No such card setup: " + setupId + ".");
      }
      if (setup.status != CardSetupStatus.REQUIRES_ACTION) {
        throw ApiError.conflict("setup_not_awaiting_action", "card_setup_id",
            "This card setup is " + setup.status.wireName() + "; it is not waiting for authentication.");
      }
      if (authenticated) {
        succeed(setup);
      } else {
        setup.status = CardSetupStatus.FAILED;
      }
      return setup;
    }
  }

  /** A setup by id, or null: the bank's page shows it. */
  CardSetup find(String setupId) {
    synchronized (state) {
      return state.cardSetups.get(setupId);
    }
  }

  private void succeed(CardSetup setup) {
    Instant now = state.clock.instant();
    Token token = new Token(state.ids.next("tok_"), now, setup.card, null, setup.id);
    state.tokens.put(token.id, token);
    setup.tokenId = token.id;
    setup.status = CardSetupStatus.SUCCEEDED;
  }

  private Map<String, Object> view(CardSetup setup) {
    return Views.cardSetup(setup, setup.tokenId == null ? null : state.tokens.get(setup.tokenId),
        state.sandboxUrl(AuthenticationPages.PATH_PREFIX.substring(1) + setup.id));
  }

  private CardSetup find(Account account, String setupId) {
    CardSetup setup = state.cardSetups.get(setupId);
    if (setup == null || !setup.customerId.equals(account.customerId)) {
      throw ApiError.notFound("card_setup_id", "No card setup " + setupId + " on account " + account.customerId + ".");
    }
    return setup;
  }
}
