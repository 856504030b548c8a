package dev.settle.sandbox;

import dev.settle.sandbox.InvoiceDraft.Collection;
import dev.settle.sandbox.Model.Account;
import dev.settle.sandbox.Model.Invoice;
import dev.settle.sandbox.Model.InvoiceStatus;
import dev.settle.sandbox.Model.License;
import dev.settle.sandbox.Model.LicenseStatus;
import dev.settle.sandbox.Model.Payment;
import dev.settle.sandbox.Model.PaymentMethod;
import dev.settle.sandbox.Model.PaymentStatus;
import java.time.Instant;
import java.util.List;

/**
 * Automatic collection and dunning. An invoice collected automatically is charged to the
 * preferred method without the customer: a renewal when it is issued, any other on its due date.
 * A soft decline is retried on the {@link DunningSchedule}; a hard decline, a charge the customer
 * must authenticate, or no preferred method waits for the customer, and a method that becomes
 * preferred is tried at once. An unpaid renewal's license is past due from the schedule's last try
 * on and suspended after its grace; paying the invoice brings it back ({@link InvoiceRules#markPaid}).
 */
final class CollectionRules implements DueSteps.Source {
  private static final int FIRST_CHARGE = 2;
  private static final int RETRY = 3;
  private static final int PAST_DUE = 4;
  private static final int SUSPENSION = 5;

  private final BillingState state;
  private final InvoiceRules invoices;

  CollectionRules(BillingState state, InvoiceRules invoices) {
    this.state = state;
    this.invoices = invoices;
  }

  /**
   * One automatic charge of an open invoice at {@code when}, to the method preferred then;
   * {@code what} names it in the account's history. Answers the payment, or null when there was
   * no preferred method to charge.
   */
  Payment collect(Account account, Invoice invoice, Instant when, String what) {
    synchronized (state) {
      invoice.collectAt = null;
      PaymentMethod method = account.preferred();
      if (method == null) {
        dunning(invoice, when).waitsForCustomer = true;
        BillingState.note(account, when, "dunning", what + " of " + invoice.number
            + ": no preferred payment method to charge; it waits for the customer");
        updateLicense(account, invoice);
        return null;
      }
      Payment payment = invoices.attempt(account, invoice, method, when, false, null);
      invoice.attemptCount++;
      invoice.lastTriedMethodId = method.id;
      if (payment.status != PaymentStatus.SUCCEEDED) {
        Dunning dunning = dunning(invoice, when);
        dunning.waitsForCustomer = payment.decline == null || !payment.decline.soft;
        while (dunning.nextRetry() != null && !dunning.nextRetry().isAfter(when)) {
          dunning.retriesDone++;   // retries that passed while it waited for the customer are not made up
        }
      }
      invoices.settle(account, invoice, payment, method, when, what);
      if (payment.status != PaymentStatus.SUCCEEDED) {
        Instant next = invoice.nextPaymentAttempt();
        BillingState.note(account, when, "dunning", invoice.number + (next != null
            ? ": next try on " + Views.date(next)
            : ": no retry follows; it waits for the customer"));
        updateLicense(account, invoice);
      }
      return payment;
    }
  }

  DunningSchedule schedule() {
    synchronized (state) {
      return state.schedule;
    }
  }

  /** The schedule for dunnings that start from now on; those under way keep theirs. */
  void schedule(DunningSchedule schedule) {
    synchronized (state) {
      state.schedule = schedule;
    }
  }

  /**
   * Tries the method just made preferred for each automatic invoice of the account left unpaid
   * after a failed try, unless that method was the one tried last.
   */
  void preferredChanged(Account account) {
    synchronized (state) {
      PaymentMethod method = account.preferred();
      if (method == null) {
        return;
      }
      for (Invoice invoice : List.copyOf(account.invoices.values())) {
        if (invoice.status == InvoiceStatus.OPEN && invoice.collection == Collection.AUTOMATIC
            && invoice.dunning != null && !method.id.equals(invoice.lastTriedMethodId)) {
          collect(account, invoice, state.clock.instant(), "New preferred method tried at once");
        }
      }
    }
  }

  /** The first due by {@code now} of every open automatic invoice's first charge, retries and stages. */
  @Override
  public DueSteps.Step next(Instant now) {
    DueSteps.Step first = null;
    for (Account account : state.accounts.values()) {
      for (Invoice invoice : account.invoices.values()) {
        if (invoice.status != InvoiceStatus.OPEN || invoice.collection != Collection.AUTOMATIC) {
          continue;
        }
        Instant due = invoice.collectAt;
        first = DueSteps.Step.earlier(first, step(now, due, FIRST_CHARGE, invoice,
            () -> collect(account, invoice, due, "Automatic charge on the due date")));
        Dunning dunning = invoice.dunning;
        if (dunning == null) {
          continue;
        }
        Instant retry = dunning.nextRetry();
        first = DueSteps.Step.earlier(first, step(now, retry, RETRY, invoice, () -> {
          dunning.retriesDone++;
          collect(account, invoice, retry, "Retry " + dunning.retriesDone + " of " + dunning.retries.size());
        }));
        if (invoice.renewalOf != null) {
          first = DueSteps.Step.earlier(first, step(now, dunning.pastDue ? null : dunning.pastDueAt, PAST_DUE, invoice,
              () -> pastDue(account, invoice, dunning)));
          first = DueSteps.Step.earlier(first, step(now, dunning.suspended ? null : dunning.suspendAt, SUSPENSION,
              invoice, () -> suspend(account, invoice, dunning)));
        }
      }
    }
    return first;
  }

  private static DueSteps.Step step(Instant now, Instant at, int order, Invoice invoice, Runnable action) {
    return at == null || at.isAfter(now) ? null : new DueSteps.Step(at, order, invoice.sequence, action);
  }

  private void pastDue(Account account, Invoice invoice, Dunning dunning) {
    dunning.pastDue = true;
    License license = updateLicense(account, invoice);
    if (license != null && license.status == LicenseStatus.PAST_DUE) {
      BillingState.note(account, dunning.pastDueAt, "dunning", license.product + " past due: " + invoice.number
          + " is unpaid after the last try; suspended on " + Views.date(dunning.suspendAt) + " unless paid");
    }
  }

  private void suspend(Account account, Invoice invoice, Dunning dunning) {
    dunning.suspended = true;
    License license = account.licenses.get(invoice.renewalOf);
    LicenseStatus before = license == null ? null : license.status;
    updateLicense(account, invoice);
    if (license != null && license.status == LicenseStatus.SUSPENDED && before != LicenseStatus.SUSPENDED) {
      state.events.licenseSuspended(account, license, invoice, dunning.suspendAt);
      BillingState.note(account, dunning.suspendAt, "dunning", license.product + " suspended: " + invoice.number
          + " is unpaid; paying it reactivates the license");
    }
  }

  /** The dunning of an invoice whose automatic charge failed at {@code when}, started on the schedule in force. */
  private Dunning dunning(Invoice invoice, Instant when) {
    if (invoice.dunning == null) {
      invoice.dunning = new Dunning(when, state.schedule);
    }
    return invoice.dunning;
  }

  /** The license a renewal invoice is for, its status brought up to date; null for any other invoice. */
  private static License updateLicense(Account account, Invoice invoice) {
    License license = invoice.renewalOf == null ? null : account.licenses.get(invoice.renewalOf);
    if (license != null) {
      LicenseRules.updateRenewalStatus(account, license);
    }
    return license;
  }
}
