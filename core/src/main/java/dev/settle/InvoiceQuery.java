package dev.settle;

import static dev.settle.exception.ValidationException.required;

import dev.settle.exception.ValidationException;
import dev.settle.model.InvoiceStatus;
import java.util.Optional;

/**
 * Which invoices to list and how many to fetch per request.
 *
 * <pre>{@code
 * account.invoices().list(q -> q.status(InvoiceStatus.OPEN).pageSize(50));
 * }</pre>
 */
public final class InvoiceQuery {
  private final InvoiceStatus status;
  private final int pageSize;

  private InvoiceQuery(Builder builder) {
    this.status = builder.status;
    this.pageSize = builder.pageSize;
  }

  /** {@return the status to select; empty selects all} */
  public Optional<InvoiceStatus> status() {
    return Optional.ofNullable(status);
  }

  /**
   * Invoices per request, 1 to 100.
   *
   * @return the page size
   */
  public int pageSize() {
    return pageSize;
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link InvoiceQuery}. */
  public static final class Builder {
    private InvoiceStatus status;
    private int pageSize = 100;

    private Builder() {}

    /**
     * Lists only invoices in {@code status}.
     *
     * @param status the status to select
     * @return this builder
     * @throws ValidationException for {@link InvoiceStatus#UNKNOWN}, which the server cannot
     *     filter on
     */
    public Builder status(InvoiceStatus status) {
      if (required(status, "status") == InvoiceStatus.UNKNOWN) {
        throw new ValidationException("status", "UNKNOWN is not a status to filter on");
      }
      this.status = status;
      return this;
    }

    /**
     * Sets how many invoices each request fetches.
     *
     * @param pageSize 1 to 100
     * @return this builder
     * @throws ValidationException outside 1 to 100
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > 100) {
        throw new ValidationException("limit", "A page holds 1 to 100 invoices");
      }
      this.pageSize = pageSize;
      return this;
    }

    InvoiceQuery build() {
      return new InvoiceQuery(this);
    }
  }
}
