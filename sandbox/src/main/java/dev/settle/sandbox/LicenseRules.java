package dev.settle.sandbox;

import dev.settle.sandbox.InvoiceDraft.Collection;
import dev.settle.sandbox.Model.Account;
import dev.settle.sandbox.Model.Invoice;
import dev.settle.sandbox.Model.InvoiceLine;
import dev.settle.sandbox.Model.InvoiceStatus;
import dev.settle.sandbox.Model.License;
import dev.settle.sandbox.Model.LicenseStatus;
import dev.settle.sandbox.Model.Payment;
import dev.settle.sandbox.Model.PaymentStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Licenses and what happens to them as time passes: activation, automatic renewal collected from
 * the preferred method once a year, expiry without it, and the stages of an unpaid renewal.
 */
final class LicenseRules implements DueSteps.Source {
  static final Duration RENEWAL_PAYMENT_TERMS = Duration.ofDays(14);
  static final int MAX_SEATS = 100_000;
  /** A renewal comes after a card's expiry notice of the same moment, and before collection. */
  private static final int RENEWAL = 1;

  private final BillingState state;
  private final InvoiceRules invoices;
  private final CollectionRules collections;

  LicenseRules(BillingState state, InvoiceRules invoices, CollectionRules collections) {
    this.state = state;
    this.invoices = invoices;
    this.collections = collections;
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
   * The first renewal date due by {@code now}: for each running license whose {@code renews_at}
   * has come, renewing it for a year (with auto-renewal on) or letting it expire (with it off). A
   * license renews once per year however time moved: each renewal moves {@code renews_at} a year
   * on, and a license overdue by several years is renewed once for each, at each date.
   */
  @Override
  public DueSteps.Step next(Instant now) {
    DueSteps.Step first = null;
    for (Account account : state.accounts.values()) {
      for (License license : account.licenses.values()) {
        if (license.status.isRunning() && license.renewsAt != null && !license.renewsAt.isAfter(now)) {
          first = DueSteps.Step.earlier(first,
              new DueSteps.Step(license.renewsAt, RENEWAL, license.sequence, () -> renew(account, license)));
        }
      }
    }
    return first;
  }

  /**
   * One renewal date of one license, as of that date: a renewal invoice collected at once from the
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
    Payment payment = collections.collect(account, invoice, when, "Renewal");
    updateRenewalStatus(account, license);
    if (payment == null || payment.status != PaymentStatus.SUCCEEDED) {
      state.events.licenseRenewalFailed(account, license, invoice, payment, when);
      BillingState.note(account, when, "renewal", license.product + " renewal failed: "
          + (payment == null ? "no preferred payment method" : "the charge did not succeed") + "; " + invoice.number
          + " stays open");
    }
  }

  /**
   * A running license is active while none of its renewal invoices is left open; else it is in
   * the stage of the furthest behind: renewal_failed while its charge is retried or waits, past
   * due after the schedule's last try, suspended after the grace.
   */
  static void updateRenewalStatus(Account account, License license) {
    if (!license.status.isRunning()) {
      return;
    }
    LicenseStatus status = LicenseStatus.ACTIVE;
    for (Invoice invoice : account.invoices.values()) {
      if (license.id.equals(invoice.renewalOf) && invoice.status == InvoiceStatus.OPEN) {
        LicenseStatus stage = invoice.dunning == null ? LicenseStatus.RENEWAL_FAILED
            : invoice.dunning.suspended ? LicenseStatus.SUSPENDED
            : invoice.dunning.pastDue ? LicenseStatus.PAST_DUE
            : LicenseStatus.RENEWAL_FAILED;
        status = stage.compareTo(status) > 0 ? stage : status;
      }
    }
    license.status = status;
  }

  /** Counted from the activation, so that a license activated on 29 February keeps its day. */
  private static Instant anniversary(Instant activatedAt, int years) {
    return activatedAt.atZone(ZoneOffset.UTC).plusYears(years).toInstant();
  }
}
