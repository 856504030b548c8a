package dev.settle.sandbox;

import static dev.settle.exception.ValidationException.required;

import dev.settle.sandbox.Model.InvoiceLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An invoice for {@link SettleSandbox#createInvoice(String, java.util.function.Consumer)} to issue:
 * its lines, and if they matter, its currency, due date and how it is collected.
 *
 * <pre>{@code
 * String invoiceId = sandbox.createInvoice("200001", invoice -> invoice
 *     .line("Five additional seats", 9900)
 *     .line("Onboarding workshop", 25000)
 *     .dueAt(Instant.parse("2026-12-31T00:00:00Z"))
 *     .collection(InvoiceDraft.Collection.AUTOMATIC));
 * }</pre>
 *
 * <p>The same checks apply as to {@code POST /sandbox/accounts/{customer_id}/invoices}, when the
 * invoice is created. Not thread-safe; filled in by one caller.
 */
public final class InvoiceDraft {
  /** How an invoice is collected. */
  public enum Collection {
    /** Charged to the account's preferred method when it is due, as renewal invoices are. */
    AUTOMATIC,
    /** Waits for the customer to pay it: by card, PayPal or bank transfer. */
    MANUAL;

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  final List<InvoiceLine> lines = new ArrayList<>();
  String currency;
  Instant dueAt;
  Collection collection = Collection.MANUAL;

  InvoiceDraft() {}

  /**
   * Adds a line.
   *
   * @param description what the line is for
   * @param amountMinor its amount, in minor units of the invoice's currency (cents for EUR)
   * @return this draft
   */
  public InvoiceDraft line(String description, long amountMinor) {
    required(description, "description");
    lines.add(new InvoiceLine(description, amountMinor, null));
    return this;
  }

  /**
   * Sets the invoice's currency; the account's unless set.
   *
   * @param currency an upper-case ISO 4217 code
   * @return this draft
   */
  public InvoiceDraft currency(String currency) {
    this.currency = required(currency, "currency");
    return this;
  }

  /**
   * Sets when it is due; 30 days after issue unless set.
   *
   * @param dueAt not before the sandbox's now
   * @return this draft
   */
  public InvoiceDraft dueAt(Instant dueAt) {
    this.dueAt = required(dueAt, "dueAt");
    return this;
  }

  /**
   * Sets how it is collected; {@link Collection#MANUAL} unless set.
   *
   * @param collection charged to the preferred method when due, or paid by hand
   * @return this draft
   */
  public InvoiceDraft collection(Collection collection) {
    this.collection = required(collection, "collection");
    return this;
  }
}
