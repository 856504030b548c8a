package dev.settle.model;

import java.util.Optional;
import org.immutables.value.Value;

/** One line of an invoice, such as a license's yearly price. */
@Value.Immutable
public abstract class InvoiceLine {
  InvoiceLine() {}

  /**
   * What the line bills, as printed on the invoice.
   *
   * @return the description
   */
  public abstract String description();

  /**
   * The line's amount.
   *
   * @return the amount
   */
  public abstract Money amount();

  /**
   * The license the line bills, when it bills one.
   *
   * @return the license, or empty
   */
  public abstract Optional<LicenseId> licenseId();

  /**
   * A builder of invoice lines, for tests of code that reads them.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link InvoiceLine}. */
  public static final class Builder extends ImmutableInvoiceLine.Builder {
    Builder() {}
  }
}
