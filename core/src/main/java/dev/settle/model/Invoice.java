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

  /** {@return the invoice's id} */
  public abstract InvoiceId id();

  /** {@return the customer number of the account it bills, printed on the invoice} */
  public abstract CustomerId customerId();

  /** {@return the number printed on the invoice, such as {@code INV-2026-0001}} */
  public abstract String number();

  /** {@return where the invoice stands: open, paid, void or uncollectible} */
  public abstract InvoiceStatus status();

  /** {@return whether the billing system charges it by itself or waits for the customer to pay it} */
  public abstract InvoiceCollection collection();

  /**
   * {@return how many times the billing system charged it by itself} That is its first automatic
   * charge, then each retry of the dunning schedule and each charge of a newly preferred method.
   * Payments by hand are not counted; {@code Invoices.payments(id)} lists every attempt.
   */
  public abstract int attemptCount();

  /**
   * {@return when the billing system charges it next by itself} That is the due date before its
   * first automatic charge, then the dunning schedule's next retry. Empty when none is planned: it
   * is paid, collected by hand, or waits for the customer (a hard decline, an authentication, no
   * preferred method, or the schedule's end).
   */
  public abstract Optional<Instant> nextPaymentAttempt();

  /** {@return what was billed} */
  public abstract Money total();

  /** {@return what is still owed} */
  public abstract Money amountDue();

  /** {@return what has arrived so far} */
  public abstract Money amountPaid();

  /** {@return when the invoice was issued} */
  public abstract Instant issuedAt();

  /** {@return when payment is due} */
  public abstract Instant dueAt();

  /** {@return when it was paid in full; empty while it is not} */
  public abstract Optional<Instant> paidAt();

  /** {@return the payee's bank details, for paying by bank transfer} */
  public abstract BankDetails payee();

  /** {@return the ISO 11649 creditor reference (RF…) to quote on a bank transfer} */
  public abstract String paymentReference();

  /** {@return what the invoice bills, line by line} */
  public abstract List<InvoiceLine> lines();

  /**
   * The server's id of the request that answered with this value, when it was the direct answer
   * to one (not an item of a list, not a value built by hand). Not part of equality.
   *
   * @return the request id, or empty
   */
  @Value.Auxiliary
  public abstract Optional<String> requestId();

  /** {@return a builder of invoices, for tests of code that reads them} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Invoice}, for tests of code that reads them. */
  public static final class Builder extends ImmutableInvoice.Builder {
    Builder() {}
  }
}
