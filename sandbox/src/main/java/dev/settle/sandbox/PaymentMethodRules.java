package dev.settle.sandbox;

import dev.settle.sandbox.Model.Account;
import dev.settle.sandbox.Model.CardFacts;
import dev.settle.sandbox.Model.PaymentMethod;
import dev.settle.sandbox.Model.RestoreToken;
import dev.settle.sandbox.Model.Token;
import dev.settle.sandbox.SettleSandbox.Portal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Stored payment methods and the portal rules over them: Portal I stores one, always preferred;
 * Portal II many, at most one preferred. Removing a method hands out a restore token that puts
 * the very same method back. A method made preferred is tried at once for the account's unpaid
 * automatic invoices; a card about to expire is noticed, in time order with the rest.
 */
final class PaymentMethodRules implements DueSteps.Source {
  /** payment_method.expiring goes out this long before the end of a card's expiry month. */
  static final Duration EXPIRY_NOTICE = Duration.ofDays(30);
  /** An expiry notice comes first among the things due at one moment. */
  private static final int EXPIRY = 0;

  private final BillingState state;
  private final CollectionRules collections;

  PaymentMethodRules(BillingState state, CollectionRules collections) {
    this.state = state;
    this.collections = collections;
  }

  Map<String, Object> list(String customerId, Pages.Request page) {
    synchronized (state) {
      Account account = state.account(customerId);
      return Pages.page("pm", List.copyOf(account.paymentMethods.values()), method -> method.sequence,
          method -> Views.paymentMethod(account, method), page);
    }
  }

  Map<String, Object> get(String customerId, String paymentMethodId) {
    synchronized (state) {
      Account account = state.account(customerId);
      return Views.paymentMethod(account, BillingState.paymentMethod(account, paymentMethodId));
    }
  }

  Map<String, Object> attach(String customerId, String tokenId, Boolean preferred) {
    synchronized (state) {
      Account account = state.account(customerId);
      RestoreToken restoreToken = state.restoreTokens.get(tokenId);
      if (restoreToken != null) {
        return restore(account, restoreToken, preferred);
      }
      Token token = state.tokens.get(tokenId);
      if (token == null) {
        throw ApiError.referenceMissing("token", "No such token.");
      }
      if (token.used) {
        throw ApiError.tokenAlreadyUsed();
      }
      requireRoom(account);
      // Like a processor verifying a card when it is saved: the token is spent even if that fails.
      token.used = true;
      Cards.Decline decline = token.card == null ? null : token.card.behavior().onAttach;
      if (decline != null) {
        throw ApiError.card(decline.code, decline.declineCode, decline.message, null);
      }
      boolean makePreferred = account.portal == Portal.I
          || (preferred != null ? preferred : account.paymentMethods.isEmpty());
      PaymentMethod previous = account.preferred();
      PaymentMethod method = new PaymentMethod(state.ids.next("pm_"), state.nextSequence(), state.clock.instant(),
          token.card, token.paypal, token.usableOffSession());
      store(account, method, makePreferred);
      completeSetup(token);
      preferenceMoved(account, previous);
      tryIfPreferred(account, previous);
      return Views.paymentMethod(account, method);
    }
  }

  Map<String, Object> makePreferred(String customerId, String paymentMethodId) {
    synchronized (state) {
      Account account = state.account(customerId);
      PaymentMethod method = BillingState.paymentMethod(account, paymentMethodId);
      PaymentMethod previous = account.preferred();
      account.preferredPaymentMethodId = method.id;
      if (previous != method) {
        preferenceMoved(account, previous);
        state.events.paymentMethodUpdated(account, method, state.clock.instant());
        collections.preferredChanged(account);
      }
      return Views.paymentMethod(account, method);
    }
  }

  Map<String, Object> remove(String customerId, String paymentMethodId) {
    synchronized (state) {
      Account account = state.account(customerId);
      PaymentMethod method = BillingState.paymentMethod(account, paymentMethodId);
      account.paymentMethods.remove(method.id);
      if (method.id.equals(account.preferredPaymentMethodId)) {
        account.preferredPaymentMethodId = null;
      }
      RestoreToken restoreToken = new RestoreToken(state.ids.next("tok_"), account.customerId,
          state.clock.instant(), method);
      state.restoreTokens.put(restoreToken.id, restoreToken);
      return Json.object("id", method.id, "deleted", true, "restore_token", restoreToken.id);
    }
  }

  /** Stores a card as it is, usable without the customer, for the demo data. */
  PaymentMethod add(Account account, String id, CardFacts card, boolean preferred, Instant createdAt) {
    synchronized (state) {
      PaymentMethod method = new PaymentMethod(id, state.nextSequence(), createdAt, card, null, true);
      account.paymentMethods.put(method.id, method);
      if (preferred) {
        account.preferredPaymentMethodId = method.id;
      }
      return method;
    }
  }

  /** The first card expiry notice due by {@code now}. */
  @Override
  public DueSteps.Step next(Instant now) {
    DueSteps.Step first = null;
    for (Account account : state.accounts.values()) {
      for (PaymentMethod method : account.paymentMethods.values()) {
        if (method.card == null || state.expiryNoticed.contains(method.id)) {
          continue;
        }
        Instant at = YearMonth.of(method.card.expYear(), method.card.expMonth()).plusMonths(1).atDay(1)
            .atStartOfDay(ZoneOffset.UTC).toInstant().minus(EXPIRY_NOTICE);
        Instant noticeAt = at.isBefore(method.createdAt) ? method.createdAt : at;
        if (!noticeAt.isAfter(now)) {
          first = DueSteps.Step.earlier(first, new DueSteps.Step(noticeAt, EXPIRY, method.sequence, () -> {
            state.expiryNoticed.add(method.id);
            state.events.paymentMethodExpiring(account, method, noticeAt);
          }));
        }
      }
    }
    return first;
  }

  private static void store(Account account, PaymentMethod method, boolean preferred) {
    account.paymentMethods.put(method.id, method);
    if (preferred) {
      account.preferredPaymentMethodId = method.id;
    }
  }

  /** A setup's token is attached: the setup is completed, and gives no token again. */
  private void completeSetup(Token token) {
    if (token.setupId != null && state.payPalSetups.containsKey(token.setupId)) {
      state.payPalSetups.get(token.setupId).status = Model.PayPalSetupStatus.COMPLETED;
    }
  }

  /**
   * Puts a removed method back under its own id, without verifying the card again. Portal rules
   * apply as to any attach; a refusal by them leaves the token usable.
   */
  private Map<String, Object> restore(Account account, RestoreToken token, Boolean preferred) {
    if (!token.customerId.equals(account.customerId)) {
      // Another account's token is no more visible than another account's objects.
      throw ApiError.referenceMissing("token", "No such token.");
    }
    if (token.used) {
      throw ApiError.tokenAlreadyUsed();
    }
    if (token.expiredAt(state.clock.instant())) {
      throw ApiError.tokenExpired();
    }
    requireRoom(account);
    token.used = true;
    boolean makePreferred = account.portal == Portal.I
        || (preferred != null ? preferred : account.preferredPaymentMethodId == null);
    PaymentMethod method = token.method;
    PaymentMethod previous = account.preferred();
    store(account, method, makePreferred);
    preferenceMoved(account, previous);
    tryIfPreferred(account, previous);
    return Views.paymentMethod(account, method);
  }

  private static void requireRoom(Account account) {
    if (account.portal == Portal.I && !account.paymentMethods.isEmpty()) {
      throw ApiError.portalSingleMethod();
    }
  }

  /** A method that became preferred (instead of {@code previous}) is tried at once for the unpaid automatic invoices. */
  private void tryIfPreferred(Account account, PaymentMethod previous) {
    if (account.preferred() != previous) {
      collections.preferredChanged(account);
    }
  }

  /** payment_method.updated for a stored method that was preferred and no longer is. */
  private void preferenceMoved(Account account, PaymentMethod previous) {
    if (previous != null && account.paymentMethods.containsKey(previous.id) && account.preferred() != previous) {
      state.events.paymentMethodUpdated(account, previous, state.clock.instant());
    }
  }
}
