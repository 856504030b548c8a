package dev.settle.banktransfer;

import dev.settle.exception.ValidationException;
import dev.settle.model.InvoiceId;
import dev.settle.model.Money;
import org.immutables.value.Value;

/**
 * What a customer needs to pay one invoice by bank transfer: whom to pay (name, IBAN, BIC), how
 * much, and the reference to quote so the payment is matched to the invoice.
 *
 * <p>Read them with {@link BankTransfer#instructions}. Every field was checked on arrival.
 * {@link #toPrintable()} lays them out as a person copies them into a banking app; for euro
 * invoices {@link #epcQrCode()} gives a QR code that the app reads instead.
 */
@Value.Immutable
public abstract class BankTransferInstructions {
  BankTransferInstructions() {}

  /** {@return the invoice these instructions pay} */
  public abstract InvoiceId invoiceId();

  /** {@return the payee, the account holder's name to type as the beneficiary} */
  public abstract String payeeName();

  /** {@return the payee's IBAN} */
  public abstract Iban iban();

  /** {@return the BIC of the payee's bank} */
  public abstract Bic bic();

  /** {@return the amount to transfer: what is still due on the invoice, in its currency} */
  public abstract Money amount();

  /** {@return the reference to quote; without it the payment cannot be matched to the invoice} */
  public abstract CreditorReference reference();

  static ImmutableBankTransferInstructions.Builder builder() {
    return ImmutableBankTransferInstructions.builder();
  }

  /**
   * {@return whether {@link #epcQrCode()} can be offered: the amount is in euros and at least 0.01}
   */
  public boolean hasEpcQrCode() {
    return EpcQrCode.fits(this);
  }

  /**
   * These instructions as an EPC QR code ("GiroCode"), which banking apps in the euro area read.
   *
   * @return the QR code
   * @throws ValidationException with param {@code currency} when the invoice is not in euros
   *     (EPC069-12 carries euro amounts only, so no QR code is offered), or listing the fields
   *     ({@code amount}, {@code name}) that do not fit the standard
   */
  public EpcQrCode epcQrCode() {
    return EpcQrCode.of(this);
  }

  /**
   * The instructions laid out as a person copies them, one field a line, IBAN and reference in
   * groups of four:
   *
   * <pre>
   * Payee:     Settle Software GmbH
   * IBAN:      DE89 3704 0044 0532 0130 00
   * BIC:       COBADEFFXXX
   * Amount:    EUR 119.00
   * Reference: RF18 5390 0754 7034
   * </pre>
   *
   * @return the lines, separated by LF
   */
  public String toPrintable() {
    return "Payee:     " + payeeName() + "\n"
        + "IBAN:      " + iban().printable() + "\n"
        + "BIC:       " + bic().value() + "\n"
        + "Amount:    " + amount() + "\n"
        + "Reference: " + reference().printable() + "\n";
  }

  @Override
  public String toString() {
    return "BankTransferInstructions{invoiceId=" + invoiceId()
        + ", payee=" + payeeName()
        + ", iban=" + iban().printable()
        + ", bic=" + bic()
        + ", amount=" + amount()
        + ", reference=" + reference().printable()
        + "}";
  }

  @Value.Check
  void check() {
    if (payeeName().isBlank()) {
      throw new ValidationException(
          "name", ValidationException.Reason.REQUIRED, "The payee's name is required");
    }
  }
}
