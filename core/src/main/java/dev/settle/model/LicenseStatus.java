package dev.settle.model;

/** Where a license stands. */
public enum LicenseStatus {
  /** Bought and waiting to be activated. */
  PURCHASED,
  /** In use. */
  ACTIVE,
  /**
   * The automatic renewal could not be charged; the renewal invoice is open and the billing
   * system retries it on its dunning schedule (soft declines only).
   */
  RENEWAL_FAILED,
  /**
   * The dunning schedule's last try passed with the renewal unpaid; still usable, and suspended
   * after the schedule's grace unless the invoice is paid.
   */
  PAST_DUE,
  /** Unpaid past the grace after the last try; paying the renewal invoice reactivates it. */
  SUSPENDED,
  /** Ran out without renewal. */
  EXPIRED,
  /** A status this version of Settle does not know; a newer server may send more. */
  UNKNOWN
}
