package dev.settle.model;

import java.util.Optional;
import org.immutables.value.Value;

/** One line of an invoice, such as a license's yearly price. */
@Value.Immutable
public abstract class InvoiceLine {
  InvoiceLine() {}

  /** {@return what the line bills, as printed on the invoice} */
  public abstract String description();

  /** {@return the line's amount} */
  public abstract Money amount();

  /** {@return the license the line bills, when it bills one} */
  public abstract Optional<LicenseId> licenseId();

  /** {@return a builder of invoice lines, for tests of code that reads them} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link InvoiceLine}. */
  public static final class Builder extends ImmutableInvoiceLine.Builder {
    Builder() {}
  }
}
