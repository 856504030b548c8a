package dev.settle.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An invoice: what is owed, by when, and how to pay it by bank transfer.
 *
 * <p>Amounts are all in the invoice's currency: {@link #total()} is what was billed,
 * {@link #amountPaid()} what has arrived, {@link #amountDue()} what is still owed.
 */
@Value.Immutable
public abstract class Invoice {
  Invoice() {}

  /**
   * The invoice's id.
   *
   * @return the id
   */
  public abstract InvoiceId id();

  /**
   * The number printed on the invoice, such as {@code INV-2026-0001}.
   *
   * @return the invoice number
   */
  public abstract String number();

  /**
   * Where the invoice stands: open, paid, void or uncollectible.
   *
   * @return the status
   */
  public abstract InvoiceStatus status();

  /**
   * What was billed.
   *
   * @return the total
   */
  public abstract Money total();

  /**
   * What is still owed.
   *
   * @return the amount due
   */
  public abstract Money amountDue();

  /**
   * What has arrived so far.
   *
   * @return the amount paid
   */
  public abstract Money amountPaid();

  /**
   * When the invoice was issued.
   *
   * @return the issue time
   */
  public abstract Instant issuedAt();

  /**
   * When payment is due.
   *
   * @return the due time
   */
  public abstract Instant dueAt();

  /**
   * When it was paid in full; empty while it is not.
   *
   * @return the time it was paid in full, or empty
   */
  public abstract Optional<Instant> paidAt();

  /**
   * The payee's bank details, for paying by bank transfer.
   *
   * @return the payee's name, IBAN and BIC
   */
  public abstract BankDetails payee();

  /**
   * The ISO 11649 creditor reference (RF…) to quote on a bank transfer.
   *
   * @return the creditor reference
   */
  public abstract String paymentReference();

  /**
   * What the invoice bills, line by line.
   *
   * @return the lines
   */
  public abstract List<InvoiceLine> lines();

  /**
   * The server's id of the request that answered with this value, when it was the direct answer
   * to one (not an item of a list, not a value built by hand). Not part of equality.
   *
   * @return the request id, or empty
   */
  @Value.Auxiliary
  public abstract Optional<String> requestId();

  /**
   * A builder of invoices, for tests of code that reads them.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Invoice}, for tests of code that reads them. */
  public static final class Builder extends ImmutableInvoice.Builder {
    Builder() {}
  }
}
