package dev.settle.model;

/** How an invoice is collected. */
public enum InvoiceCollection {
  /**
   * Charged to the account's preferred method by the billing system, without the customer: a
   * renewal when it is issued, any other invoice on its due date; a failed charge is retried on
   * the dunning schedule.
   */
  AUTOMATIC,
  /** Waits for the customer to pay it: by card, PayPal or bank transfer. */
  MANUAL,
  /** A way this version of Settle does not know; a newer server may send more. */
  UNKNOWN
}
