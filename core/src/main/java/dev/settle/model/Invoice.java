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

  public abstract InvoiceId id();

  /** The number printed on the invoice, such as {@code INV-2026-0001}. */
  public abstract String number();

  public abstract InvoiceStatus status();

  public abstract Money total();

  public abstract Money amountDue();

  public abstract Money amountPaid();

  public abstract Instant issuedAt();

  public abstract Instant dueAt();

  /** When it was paid in full; empty while it is not. */
  public abstract Optional<Instant> paidAt();

  /** The payee's bank details, for paying by bank transfer. */
  public abstract BankDetails payee();

  /** The ISO 11649 creditor reference (RF…) to quote on a bank transfer. */
  public abstract String paymentReference();

  public abstract List<InvoiceLine> lines();

  /**
   * The server's id of the request that answered with this value, when it was the direct answer
   * to one (not an item of a list, not a value built by hand). Not part of equality.
   */
  @Value.Auxiliary
  public abstract Optional<String> requestId();

  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Invoice}, for tests of code that reads them. */
  public static final class Builder extends ImmutableInvoice.Builder {
    Builder() {}
  }
}
