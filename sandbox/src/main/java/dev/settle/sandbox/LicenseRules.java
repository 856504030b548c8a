package dev.settle.sandbox;

import dev.settle.sandbox.InvoiceDraft.Collection;
import dev.settle.sandbox.Model.Account;
import dev.settle.sandbox.Model.Invoice;
import dev.settle.sandbox.Model.InvoiceLine;
import dev.settle.sandbox.Model.InvoiceStatus;
import dev.settle.sandbox.Model.License;
import dev.settle.sandbox.Model.LicenseStatus;
import dev.settle.sandbox.Model.Payment;
import dev.settle.sandbox.Model.PaymentMethod;
import dev.settle.sandbox.Model.PaymentStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Licenses and what happens to them as time passes: activation, automatic renewal charged to the
 * preferred method once a year, expiry without it; and, interleaved in time order, the notices
 * of stored cards about to expire.
 */
final class LicenseRules {
  static final Duration RENEWAL_PAYMENT_TERMS = Duration.ofDays(14);
  /** payment_method.expiring goes out this long before the end of a card's expiry month. */
  static final Duration EXPIRY_NOTICE = Duration.ofDays(30);
  static final int MAX_SEATS = 100_000;

  private final BillingState state;
  private final InvoiceRules invoices;

  LicenseRules(BillingState state, InvoiceRules invoices) {
    this.state = state;
    this.invoices = invoices;
  }

  Map<String, Object> list(String customerId, Pages.Request page) {
    synchronized (state) {
      Account account = state.account(customerId);
      return Pages.page("lic", List.copyOf(account.licenses.values()), license -> license.sequence,
          license -> Views.license(account, license), page);
    }
  }

  Map<String, Object> get(String customerId, String licenseId) {
    synchronized (state) {
      Account account = state.account(customerId);
      return Views.license(account, BillingState.license(account, licenseId));
    }
  }

  Map<String, Object> activate(String customerId, String licenseId) {
    synchronized (state) {
      Account account = state.account(customerId);
      License license = BillingState.license(account, licenseId);
      if (license.status == LicenseStatus.PURCHASED) {
        activate(license, state.clock.instant());
      } else if (license.status != LicenseStatus.ACTIVE) {
        throw ApiError.conflict("license_not_activatable", "license_id",
            "This license is " + license.status.wireName() + "; only a purchased license can be activated.");
      }
      return Views.license(account, license);
    }
  }

  Map<String, Object> autoRenewal(String customerId, String licenseId, boolean enabled) {
    synchronized (state) {
      Account account = state.account(customerId);
      License license = BillingState.license(account, licenseId);
      license.autoRenewal = enabled;
      return Views.license(account, license);
    }
  }

  /**
   * Sells a license, for the Java helper and {@code POST /sandbox/accounts/{id}/licenses} alike:
   * active and renewing at {@code renewsAt} (within the coming year, as it was activated a year
   * before), or purchased and waiting for activation when {@code renewsAt} is null. Answers its
   * view with its seats.
   */
  Map<String, Object> create(String customerId, String product, int seats, long yearlyPrice, Instant renewsAt,
      boolean autoRenewal) {
    if (product == null || product.isBlank() || product.length() > 200) {
      throw ApiError.parameterInvalid("product", "product must be 1 to 200 characters, not blank.");
    }
    if (seats < 1 || seats > MAX_SEATS) {
      throw ApiError.parameterInvalid("seats", "seats must be an integer from 1 to " + MAX_SEATS + ".");
    }
    if (yearlyPrice < 1 || yearlyPrice > TransferRoutes.MAX_AMOUNT) {
      throw ApiError.parameterInvalid("price", "price must be an integer from 1 to " + TransferRoutes.MAX_AMOUNT + ".");
    }
    synchronized (state) {
      Account account = state.account(customerId);
      Instant now = state.clock.instant();
      if (renewsAt != null && (!renewsAt.isAfter(now) || renewsAt.isAfter(anniversary(now, 1)))) {
        throw ApiError.parameterInvalid("renews_at", "renews_at must be later than the sandbox's now and at most a "
            + "year later.");
      }
      License license = add(account, state.ids.next("lic_"), product, yearlyPrice, now);
      license.seats = seats;
      license.autoRenewal = autoRenewal;
      if (renewsAt != null) {
        activate(license, renewsAt.atZone(ZoneOffset.UTC).minusYears(1).toInstant());
        license.renewsAt = renewsAt;
      }
      Map<String, Object> view = Views.license(account, license);
      view.put("seats", (long) license.seats);
      return view;
    }
  }

  /** Adds a purchased license as it is, for the demo data. */
  License add(Account account, String id, String product, long price, Instant createdAt) {
    synchronized (state) {
      License license = new License(id, state.nextSequence(), product, price, account.currency, createdAt);
      account.licenses.put(license.id, license);
      return license;
    }
  }

  static void activate(License license, Instant when) {
    license.status = LicenseStatus.ACTIVE;
    license.activatedAt = when;
    license.years = 1;
    license.renewsAt = anniversary(when, 1);
  }

  /**
   * Does what the billing system would have done up to now, in time order: for each license
   * whose {@code renews_at} has come, renews it for a year (with auto-renewal on) or lets it
   * expire (with it off). A license renews once per year however time moved: each renewal moves
   * {@code renews_at} a year on, and a license overdue by several years is renewed once for each.
   * Runs when the clock is advanced, and before any request reads the state, so that a ticking
   * base clock renews as well.
   */
  void renewDue() {
    synchronized (state) {
      Instant now = state.clock.instant();
      while (true) {
        Account dueAccount = null;
        License due = null;
        for (Account account : state.accounts.values()) {
          for (License license : account.licenses.values()) {
            boolean running = license.status == LicenseStatus.ACTIVE || license.status == LicenseStatus.RENEWAL_FAILED;
            if (!running || license.renewsAt == null || license.renewsAt.isAfter(now)) {
              continue;
            }
            if (due == null || license.renewsAt.isBefore(due.renewsAt)
                || (license.renewsAt.equals(due.renewsAt) && license.sequence < due.sequence)) {
              dueAccount = account;
              due = license;
            }
          }
        }
        // A card's expiry notice falls between renewals in time order; at the same instant, first.
        if (sendExpiryNotice(now, due == null ? null : due.renewsAt)) {
          continue;
        }
        if (due == null) {
          return;
        }
        renew(dueAccount, due);
      }
    }
  }

  /**
   * Sends payment_method.expiring for the stored card whose notice is due first, if one is due
   * by {@code now} and not after {@code before} (when set): once per card, when the clock passes 30
   * days before the end of its expiry month (or at once, for a card stored later than that).
   */
  private boolean sendExpiryNotice(Instant now, Instant before) {
    Account noticeAccount = null;
    PaymentMethod notice = null;
    Instant noticeAt = null;
    for (Account account : state.accounts.values()) {
      for (PaymentMethod method : account.paymentMethods.values()) {
        if (method.card == null || state.expiryNoticed.contains(method.id)) {
          continue;
        }
        Instant at = YearMonth.of(method.card.expYear(), method.card.expMonth()).plusMonths(1).atDay(1)
            .atStartOfDay(ZoneOffset.UTC).toInstant().minus(EXPIRY_NOTICE);
        if (at.isBefore(method.createdAt)) {
          at = method.createdAt;
        }
        if (!at.isAfter(now) && (before == null || !at.isAfter(before)) && (noticeAt == null || at.isBefore(noticeAt))) {
          noticeAccount = account;
          notice = method;
          noticeAt = at;
        }
      }
    }
    if (notice == null) {
      return false;
    }
    state.expiryNoticed.add(notice.id);
    state.events.paymentMethodExpiring(noticeAccount, notice, noticeAt);
    return true;
  }

  /**
   * One renewal date of one license, as of that date: a renewal invoice charged at once to the
   * method preferred now, or expiry when auto-renewal is off.
   */
  private void renew(Account account, License license) {
    Instant when = license.renewsAt;
    if (!license.autoRenewal) {
      license.status = LicenseStatus.EXPIRED;
      license.renewsAt = null;   // it will not renew; the contract has no field for when it ended
      BillingState.note(account, when, "renewal", license.product + " expired: automatic renewal is off");
      return;
    }
    license.years++;
    license.renewsAt = anniversary(license.activatedAt, license.years);
    String description = license.product + ", renewal from " + when.atZone(ZoneOffset.UTC).toLocalDate();
    Invoice invoice = invoices.add(account, null, List.of(new InvoiceLine(description, license.price, license.id)),
        when, RENEWAL_PAYMENT_TERMS, license.currency);
    invoice.renewalOf = license.id;
    invoice.collection = Collection.AUTOMATIC;
    license.lastRenewalInvoiceId = invoice.id;
    BillingState.note(account, when, "renewal", license.product + " renewal invoiced: " + invoice.number + ", "
        + Views.money(invoice.total, invoice.currency));
    // Marked failed first, so that a successful charge (which settles the invoice) decides.
    license.status = LicenseStatus.RENEWAL_FAILED;
    PaymentMethod method = account.preferred();
    Payment payment = method == null ? null : invoices.charge(account, invoice, method, when);
    updateRenewalStatus(account, license);
    if (payment == null || payment.status != PaymentStatus.SUCCEEDED) {
      state.events.licenseRenewalFailed(account, license, invoice, payment, when);
      BillingState.note(account, when, "renewal", license.product + " renewal failed: "
          + (payment == null ? "no preferred payment method" : "the charge did not succeed") + "; " + invoice.number
          + " stays open");
    }
  }

  /** A running license is active while none of its renewal invoices is left open, else renewal_failed. */
  static void updateRenewalStatus(Account account, License license) {
    if (license.status != LicenseStatus.ACTIVE && license.status != LicenseStatus.RENEWAL_FAILED) {
      return;
    }
    boolean owing = account.invoices.values().stream()
        .anyMatch(invoice -> license.id.equals(invoice.renewalOf) && invoice.status == InvoiceStatus.OPEN);
    license.status = owing ? LicenseStatus.RENEWAL_FAILED : LicenseStatus.ACTIVE;
  }

  /** Counted from the activation, so that a license activated on 29 February keeps its day. */
  private static Instant anniversary(Instant activatedAt, int years) {
    return activatedAt.atZone(ZoneOffset.UTC).plusYears(years).toInstant();
  }
}
