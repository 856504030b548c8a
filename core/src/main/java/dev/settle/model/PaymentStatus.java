package dev.settle.model;

/** Where a payment attempt stands. */
public enum PaymentStatus {
  /** The money was taken. */
  SUCCEEDED,
  /** The charge was refused; see {@link Payment#declineCode()}. */
  FAILED,
  /** The customer must authenticate at {@link Payment#nextActionUrl()} (3-D Secure). */
  REQUIRES_ACTION,
  /** Accepted and still being processed. */
  PENDING,
  /** A status this version of Settle does not know; a newer server may send more. */
  UNKNOWN
}
