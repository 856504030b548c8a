package dev.settle.model;

import org.immutables.value.Value;

/**
 * The id of an invoice.
 *
 * <p>Checked when created ({@code in_…}), so a mistyped id fails before any request.
 */
@Value.Immutable
public abstract class InvoiceId {
  InvoiceId() {}

  /** {@return the id as the server wrote it} */
  @Value.Parameter
  public abstract String value();

  /**
   * Returns the id for {@code value}.
   *
   * @param value an id of the form {@code in_…}
   * @return the id
   * @throws dev.settle.exception.ValidationException if it is not of the form {@code in_…}
   */
  public static InvoiceId of(String value) {
    return ImmutableInvoiceId.of(Ids.check(value, "in_", "invoice_id"));
  }

  @Override
  public String toString() {
    return value();
  }
}
