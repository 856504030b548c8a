package dev.settle.model;

import java.util.Optional;
import org.immutables.value.Value;

/** One line of an invoice, such as a license's yearly price. */
@Value.Immutable
public abstract class InvoiceLine {
  InvoiceLine() {}

  public abstract String description();

  public abstract Money amount();

  /** The license the line bills, when it bills one. */
  public abstract Optional<LicenseId> licenseId();

  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link InvoiceLine}. */
  public static final class Builder extends ImmutableInvoiceLine.Builder {
    Builder() {}
  }
}
