package dev.settle.sandbox;

import dev.settle.sandbox.Model.Account;
import dev.settle.sandbox.Model.InvoiceStatus;
import dev.settle.sandbox.Model.PaymentMethod;
import dev.settle.sandbox.SettleSandbox.Portal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Accounts: reading one, and opening new ones on either portal. */
final class AccountRules {
  private final BillingState state;

  AccountRules(BillingState state) {
    this.state = state;
  }

  Map<String, Object> account(String customerId) {
    synchronized (state) {
      return Views.account(state.account(customerId));
    }
  }

  String createAccount(Portal portal, String name, String currency) {
    synchronized (state) {
      String customerId = state.nextCustomerId();
      add(customerId, portal, name, null, currency, state.clock.instant());
      return customerId;
    }
  }

  /** Adds an account as it is, for the demo data and the checked ways in. */
  Account add(String customerId, Portal portal, String name, String email, String currency, Instant createdAt) {
    synchronized (state) {
      Account account = new Account(customerId, portal, name, email, currency, createdAt);
      state.accounts.put(customerId, account);
      return account;
    }
  }

  /** One line per account, for the standalone sandbox's start-up message. */
  List<String> summaries() {
    synchronized (state) {
      List<String> lines = new ArrayList<>();
      for (Account account : state.accounts.values()) {
        long open = account.invoices.values().stream().filter(i -> i.status == InvoiceStatus.OPEN).count();
        PaymentMethod preferred = account.preferred();
        lines.add(String.format(Locale.ROOT, "%-8s Portal %-3s %-3s %-28s %s, %d open invoice(s)",
            account.customerId, account.portal, account.currency, account.name,
            preferred == null ? "no preferred method"
                : preferred.card != null ? "preferred " + preferred.card.brand().wireName + " " + preferred.card.last4()
                : "preferred PayPal " + preferred.paypal.email(),
            open));
      }
      return lines;
    }
  }
}
