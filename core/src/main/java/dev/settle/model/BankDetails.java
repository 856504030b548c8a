package dev.settle.model;

import org.immutables.value.Value;

/**
 * The payee's bank account, as printed in the lower right corner of every invoice: what a
 * customer paying by bank transfer sends money to.
 */
@Value.Immutable
public abstract class BankDetails {
  BankDetails() {}

  /** {@return the account holder's name} */
  @Value.Parameter
  public abstract String name();

  /** {@return the IBAN, without spaces} */
  @Value.Parameter
  public abstract String iban();

  /** {@return the BIC (SWIFT code) of the payee's bank} */
  @Value.Parameter
  public abstract String bic();

  /**
   * Returns the bank details.
   *
   * @param name the account holder's name
   * @param iban the IBAN, without spaces
   * @param bic the BIC of the payee's bank
   * @return the bank details
   */
  public static BankDetails of(String name, String iban, String bic) {
    return ImmutableBankDetails.of(name, iban, bic);
  }
}
