package dev.settle.model;

/** Where an invoice stands. */
public enum InvoiceStatus {
  /** Issued and waiting for payment. */
  OPEN,
  /** Paid in full. */
  PAID,
  /** Cancelled; nothing is owed. */
  VOID,
  /** Given up on after failed collection. */
  UNCOLLECTIBLE,
  /** A status this version of Settle does not know; a newer server may send more. */
  UNKNOWN
}
