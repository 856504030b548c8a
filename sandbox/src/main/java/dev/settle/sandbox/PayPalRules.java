package dev.settle.sandbox;

import dev.settle.sandbox.Model.Account;
import dev.settle.sandbox.Model.PayPalFacts;
import dev.settle.sandbox.Model.PayPalSetup;
import dev.settle.sandbox.Model.PayPalSetupStatus;
import dev.settle.sandbox.Model.Token;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * PayPal setups, as PayPal's vault setup tokens work: created by the merchant, answered by the
 * payer on the approval page (or by a test in the payer's place), completed into a single-use
 * token to attach.
 */
final class PayPalRules {
  private final BillingState state;
  private final Duration setupLifetime;

  PayPalRules(BillingState state, Duration setupLifetime) {
    this.state = state;
    this.setupLifetime = setupLifetime;
  }

  /** What the payer's approval page shows of a setup. */
  record PayerView(String setupId, String merchantName, PayPalSetupStatus status) {}

  /** The payer's answer on the approval page: where to send their browser, or why not. */
  record PayerAnswer(String location, PayPalSetupStatus refusedBecause) {}

  Map<String, Object> create(String customerId, String returnUrl, String cancelUrl) {
    synchronized (state) {
      Account account = state.account(customerId);
      Instant now = state.clock.instant();
      PayPalSetup setup = new PayPalSetup(state.ids.next("pps_"), account.customerId, returnUrl, cancelUrl, now,
          now.plus(setupLifetime));
      state.payPalSetups.put(setup.id, setup);
      return view(setup);
    }
  }

  Map<String, Object> get(String customerId, String setupId) {
    synchronized (state) {
      return view(find(state.account(customerId), setupId));
    }
  }

  /**
   * Turns an approved setup into a single-use PayPal token. The setup is completed when that token
   * is attached ({@link PaymentMethodRules}); until then every completion answers the same token,
   * so a completion whose attach was refused (Portal I's {@code portal_single_method}) can be
   * repeated once the account has room, with the same idempotency key or a new one.
   */
  Map<String, Object> complete(String customerId, String setupId) {
    synchronized (state) {
      PayPalSetup setup = find(state.account(customerId), setupId);
      switch (setup.statusAt(state.clock.instant())) {
        case PAYER_ACTION_REQUIRED -> throw ApiError.conflict("payer_action_required", "setup_id",
            "The payer has not approved this setup yet. Send them to its approval_url first.");
        case CANCELLED -> throw ApiError.conflict("setup_cancelled", "setup_id",
            "The payer cancelled this setup. Create a new one.");
        case EXPIRED -> throw ApiError.conflict("setup_expired", "setup_id",
            "This setup expired before the payer approved it. Create a new one.");
        case COMPLETED -> throw ApiError.conflict("setup_already_completed", "setup_id",
            "This setup was already completed; each setup gives one token.");
        case APPROVED -> {
          // Handled below.
        }
      }
      Token token = setup.tokenId == null ? null : state.tokens.get(setup.tokenId);
      if (token == null) {
        token = new Token(state.ids.next("tok_"), state.clock.instant(), null, setup.payer, setup.id);
        state.tokens.put(token.id, token);
        setup.tokenId = token.id;
      }
      return Views.token(token);
    }
  }

  /** What the approval page shows; null for an unknown setup. */
  PayerView forPayer(String setupId) {
    synchronized (state) {
      PayPalSetup setup = state.payPalSetups.get(setupId);
      if (setup == null) {
        return null;
      }
      return new PayerView(setup.id, state.accounts.get(setup.customerId).name, setup.statusAt(state.clock.instant()));
    }
  }

  /**
   * The payer approves with {@code email}: back to {@code return_url} with the setup's id and an
   * approval token id. Approving an approved setup again sends them back the same way; a setup
   * that is no longer waiting (expired, cancelled, completed) is refused. Null for an unknown setup.
   */
  PayerAnswer approve(String setupId, String email) {
    synchronized (state) {
      PayPalSetup setup = state.payPalSetups.get(setupId);
      if (setup == null) {
        return null;
      }
      PayPalSetupStatus status = setup.statusAt(state.clock.instant());
      if (status == PayPalSetupStatus.PAYER_ACTION_REQUIRED) {
        setup.status = PayPalSetupStatus.APPROVED;
        setup.payer = new PayPalFacts(email, PayPalIds.payerId(state.ids));
        setup.approvalTokenId = PayPalIds.approvalTokenId(state.ids);
      } else if (status != PayPalSetupStatus.APPROVED) {
        return new PayerAnswer(null, status);
      }
      return new PayerAnswer(PayPalIds.withQuery(setup.returnUrl,
          "approval_session_id", setup.id, "approval_token_id", setup.approvalTokenId), null);
    }
  }

  /** The payer cancels: back to {@code cancel_url} with the setup's id. Null for an unknown setup. */
  PayerAnswer cancel(String setupId) {
    synchronized (state) {
      PayPalSetup setup = state.payPalSetups.get(setupId);
      if (setup == null) {
        return null;
      }
      PayPalSetupStatus status = setup.statusAt(state.clock.instant());
      if (status == PayPalSetupStatus.PAYER_ACTION_REQUIRED) {
        setup.status = PayPalSetupStatus.CANCELLED;
      } else if (status != PayPalSetupStatus.CANCELLED) {
        return new PayerAnswer(null, status);
      }
      return new PayerAnswer(PayPalIds.withQuery(setup.cancelUrl, "approval_session_id", setup.id), null);
    }
  }

  /**
   * Approves in the payer's place, for tests and the sandbox's controls: where the payer's
   * browser would be sent. Unknown setups are 404, setups no longer waiting 409, emails without
   * an {@code @} 400.
   */
  String approveAsPayer(String setupId, String email) {
    if (email == null || !Fields.EMAIL.matcher(email.strip()).matches()) {
      throw ApiError.parameterInvalid("email", "email must be an email address such as buyer@example.com.");
    }
    return redirect(setupId, approve(setupId, email.strip()));
  }

  /** Cancels in the payer's place; as {@link #approveAsPayer}. */
  String cancelAsPayer(String setupId) {
    return redirect(setupId, cancel(setupId));
  }

  private static String redirect(String setupId, PayerAnswer answer) {
    if (answer == null) {
      throw ApiError.notFound("setup_id", "No PayPal setup " + setupId + ".");
    }
    if (answer.location() == null) {
      throw ApiError.conflict("setup_" + answer.refusedBecause().wireName(), "setup_id", "PayPal setup " + setupId
          + " is " + answer.refusedBecause().wireName() + "; the payer can no longer answer it.");
    }
    return answer.location();
  }

  private Map<String, Object> view(PayPalSetup setup) {
    return Views.payPalSetup(setup, state.clock.instant(),
        state.sandboxUrl(PayPalPages.APPROVE.substring(1) + "?setup=" + setup.id));
  }

  private PayPalSetup find(Account account, String setupId) {
    PayPalSetup setup = state.payPalSetups.get(setupId);
    if (setup == null || !setup.customerId.equals(account.customerId)) {
      throw ApiError.notFound("setup_id", "No PayPal setup " + setupId + " on account " + account.customerId + ".");
    }
    return setup;
  }
}
