package dev.settle.model;

import org.immutables.value.Value;

/**
 * The payee's bank account, as printed in the lower right corner of every invoice: what a
 * customer paying by bank transfer sends money to.
 */
@Value.Immutable
public abstract class BankDetails {
  BankDetails() {}

  /**
   * The account holder's name.
   *
   * @return the holder's name
   */
  @Value.Parameter
  public abstract String name();

  /**
   * The IBAN, without spaces.
   *
   * @return the IBAN
   */
  @Value.Parameter
  public abstract String iban();

  /**
   * The BIC (SWIFT code) of the payee's bank.
   *
   * @return the BIC
   */
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
