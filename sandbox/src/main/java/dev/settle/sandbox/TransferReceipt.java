package dev.settle.sandbox;

import static dev.settle.exception.ValidationException.required;

import java.time.Instant;

/**
 * What the sandbox did with one simulated incoming bank transfer: which invoice its reference
 * matched, and how much of it went to that invoice.
 *
 * <p>Every transfer is kept, matched or not: {@link SettleSandbox#transfers()} lists them all.
 * The part of a transfer not applied to an invoice is its {@link #excess()}; it stays with the
 * sandbox (as money waits in a customer's cash balance at Stripe, or becomes credits at
 * Chargebee) and is never applied to another invoice on its own. So
 * {@code amountApplied() + excess() == amountMinor()} for every outcome.
 *
 * @param id the transfer's id, {@code tr_…}
 * @param amountMinor the amount received, in minor units of {@code currency}
 * @param currency the ISO 4217 currency the transfer was made in
 * @param reference the remittance information as the payer typed it
 * @param valueDate when the money was credited
 * @param customerId the account of the matched invoice, or null when no invoice matched
 * @param invoiceId the invoice whose payment reference the transfer quoted, or null when none
 * @param paymentId the payment recorded on the invoice ({@code py_…}), or null when nothing was
 *     applied to it
 * @param outcome what became of the transfer
 * @param amountApplied the part applied to the invoice: at most its amount due before the transfer
 * @param excess the part not applied to any invoice
 */
public record TransferReceipt(
    String id,
    long amountMinor,
    String currency,
    String reference,
    Instant valueDate,
    String customerId,
    String invoiceId,
    String paymentId,
    Outcome outcome,
    long amountApplied,
    long excess) {

  /**
   * Checks that the parts add up, so no receipt can lose or invent money.
   *
   * @param id the transfer's id
   * @param amountMinor the amount received
   * @param currency the transfer's currency
   * @param reference the remittance information
   * @param valueDate when the money was credited
   * @param customerId the matched account, or null
   * @param invoiceId the matched invoice, or null
   * @param paymentId the payment recorded, or null
   * @param outcome what became of the transfer
   * @param amountApplied the part applied to the invoice
   * @param excess the part not applied
   */
  public TransferReceipt {
    required(id, "id");
    required(currency, "currency");
    required(reference, "reference");
    required(valueDate, "valueDate");
    required(outcome, "outcome");
    if (amountApplied < 0 || excess < 0 || amountApplied + excess != amountMinor) {
      throw new IllegalArgumentException("amountApplied + excess must be amountMinor");
    }
  }

  /** What became of a transfer. */
  public enum Outcome {
    /** The exact amount due: the invoice is paid. */
    PAID,
    /** Less than the amount due: applied, and the invoice stays open for the rest. */
    PARTIALLY_PAID,
    /** More than the amount due: the invoice is paid and the rest is the {@linkplain TransferReceipt#excess() excess}. */
    OVERPAID,
    /** No invoice has the reference quoted: the whole transfer is kept, unapplied. */
    UNMATCHED,
    /**
     * The invoice was no longer open (paid by card, PayPal or an earlier transfer): nothing is
     * applied, and the whole transfer is kept as excess, to be refunded or credited by hand.
     */
    ALREADY_PAID,
    /** The invoice is in another currency: nothing is applied, and the whole transfer is kept. */
    CURRENCY_MISMATCH;

    /** The name on the wire, such as {@code partially_paid}. */
    String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
