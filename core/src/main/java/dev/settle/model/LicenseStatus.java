package dev.settle.model;

/** Where a license stands. */
public enum LicenseStatus {
  /** Bought and waiting to be activated. */
  PURCHASED,
  /** In use. */
  ACTIVE,
  /** The automatic renewal could not be charged; the renewal invoice is open. */
  RENEWAL_FAILED,
  /** Ran out without renewal. */
  EXPIRED,
  /** A status this version of Settle does not know; a newer server may send more. */
  UNKNOWN
}
