package dev.settle.sandbox;

import dev.settle.sandbox.Model.Account;
import dev.settle.sandbox.Model.Invoice;
import dev.settle.sandbox.Model.InvoiceStatus;
import dev.settle.sandbox.Model.Payment;
import dev.settle.sandbox.Model.PaymentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Incoming bank transfers, as the payee's bank reports them: matched to the invoice whose payment
 * reference they quote, applied to it when it is open and in their currency, and kept whatever
 * became of them.
 */
final class TransferRules {
  private final BillingState state;
  private final InvoiceRules invoices;

  TransferRules(BillingState state, InvoiceRules invoices) {
    this.state = state;
    this.invoices = invoices;
  }

  /**
   * An incoming transfer, matched to the invoice whose payment reference it quotes (spaces and
   * case aside). What is applied to an open invoice in its currency is recorded as a succeeded
   * payment without a payment method, made at the value date; partial transfers add up, and the
   * one that brings the amount due to zero pays the invoice (and brings its license back, as any
   * payment does). Whatever is not applied is the receipt's excess. Every transfer is kept.
   */
  TransferReceipt receive(long amount, String currency, String reference, Instant valueDate) {
    synchronized (state) {
      state.catchUp();
      String quoted = reference.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
      Account account = null;
      Invoice invoice = null;
      for (Account candidate : state.accounts.values()) {
        for (Invoice each : candidate.invoices.values()) {
          if (each.paymentReference.equals(quoted)) {
            account = candidate;
            invoice = each;
          }
        }
      }
      TransferReceipt.Outcome outcome;
      long applied = 0;
      String paymentId = null;
      if (invoice == null) {
        outcome = TransferReceipt.Outcome.UNMATCHED;
      } else if (invoice.status != InvoiceStatus.OPEN) {
        outcome = TransferReceipt.Outcome.ALREADY_PAID;
      } else if (!invoice.currency.equals(currency)) {
        outcome = TransferReceipt.Outcome.CURRENCY_MISMATCH;
      } else {
        long due = invoice.amountDue();
        applied = Math.min(amount, due);
        Payment payment = new Payment(state.ids.next("py_"), state.nextSequence(), account.customerId, invoice.id,
            applied, invoice.currency, null, valueDate);
        payment.status = PaymentStatus.SUCCEEDED;
        state.payments.put(payment.id, payment);
        paymentId = payment.id;
        if (applied < due) {
          invoice.amountPaid += applied;
          outcome = TransferReceipt.Outcome.PARTIALLY_PAID;
        } else {
          invoices.markPaid(account, invoice, valueDate, null);
          outcome = amount > due ? TransferReceipt.Outcome.OVERPAID : TransferReceipt.Outcome.PAID;
        }
      }
      if (account != null) {
        BillingState.note(account, valueDate, "transfer", "Bank transfer of " + Views.money(amount, currency)
            + " quoting " + invoice.number + ": " + outcome.wireName().replace('_', ' '));
      }
      TransferReceipt receipt = new TransferReceipt(state.ids.next("tr_"), amount, currency, reference, valueDate,
          account == null ? null : account.customerId, invoice == null ? null : invoice.id, paymentId, outcome,
          applied, amount - applied);
      state.transfers.add(receipt);
      return receipt;
    }
  }

  /** {@link #receive} for {@link SettleSandbox#receiveTransfer}, its arguments checked by their Java names. */
  TransferReceipt receiveFromJava(long amountMinor, String currency, String reference, Instant valueDate) {
    if (amountMinor <= 0 || amountMinor > TransferRoutes.MAX_AMOUNT) {
      throw new IllegalArgumentException("amountMinor must be from 1 to " + TransferRoutes.MAX_AMOUNT);
    }
    if (currency == null || !currency.matches("[A-Z]{3}") || !TransferRoutes.isCurrency(currency)) {
      throw new IllegalArgumentException("currency must be an upper-case ISO 4217 code, not " + currency);
    }
    if (reference == null || reference.isBlank() || reference.length() > 140) {
      throw new IllegalArgumentException("reference must be non-blank and at most 140 characters");
    }
    Instant now = state.clock.instant();
    Instant when = valueDate == null ? now : valueDate;
    if (when.isAfter(now)) {
      throw new IllegalArgumentException("valueDate " + valueDate + " is later than the sandbox's now, " + now);
    }
    return receive(amountMinor, currency, reference, when);
  }

  /** Every transfer received since the last reset, in the order received. */
  List<TransferReceipt> all() {
    synchronized (state) {
      return List.copyOf(state.transfers);
    }
  }
}
