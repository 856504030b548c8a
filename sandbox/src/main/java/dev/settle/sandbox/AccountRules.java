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
import java.util.Objects;
import java.util.regex.Pattern;

/** Accounts: reading one, and opening new ones on either portal. */
final class AccountRules {
  static final Pattern CUSTOMER_ID = Pattern.compile("[0-9]{6,12}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private final BillingState state;

  AccountRules(BillingState state) {
    this.state = state;
  }

  Map<String, Object> account(String customerId) {
    synchronized (state) {
      return Views.account(state.account(customerId));
    }
  }

  /**
   * Opens an account with nothing stored, for the Java helper and {@code POST /sandbox/accounts}
   * alike: answers its view.
   *
   * @param customerId the customer number to use, or null for the next free one from 900001
   * @param email the billing email, or null
   */
  Map<String, Object> create(String customerId, Portal portal, String name, String currency, String email) {
    Objects.requireNonNull(portal, "portal");
    if (name == null || name.isBlank() || name.length() > 200) {
      throw ApiError.parameterInvalid("name", "name must be 1 to 200 characters, not blank.");
    }
    requireCurrency("currency", currency);
    if (email != null && !Fields.EMAIL.matcher(email).matches()) {
      throw ApiError.parameterInvalid("email", "email must be an email address such as billing@example.com.");
    }
    if (customerId != null && !CUSTOMER_ID.matcher(customerId).matches()) {
      throw ApiError.parameterInvalid("customer_id", "customer_id must be 6 to 12 digits.");
    }
    synchronized (state) {
      if (customerId != null && state.accounts.containsKey(customerId)) {
        throw ApiError.conflict("account_exists", "customer_id", "An account with customer id " + customerId
            + " exists already.");
      }
      Account account = add(customerId != null ? customerId : state.nextCustomerId(), portal, name, email, currency,
          state.clock.instant());
      return Views.account(account);
    }
  }

  /** Every account, oldest first, as the API shows each. */
  List<Map<String, Object>> all() {
    synchronized (state) {
      state.catchUp();
      return state.accounts.values().stream().map(Views::account).toList();
    }
  }

  /** Refuses anything but an upper-case ISO 4217 code, naming {@code param}. */
  static void requireCurrency(String param, String currency) {
    if (currency == null || !CURRENCY.matcher(currency).matches() || !TransferRoutes.isCurrency(currency)) {
      throw ApiError.parameterInvalid(param, param + " must be an upper-case ISO 4217 code such as EUR.");
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
