package dev.settle;

import dev.settle.internal.http.Wire;
import dev.settle.model.Invoice;
import dev.settle.model.InvoiceId;
import dev.settle.model.Payment;
import dev.settle.model.PaymentMethodId;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The invoices of one account: list them, read one, pay one.
 *
 * <p>Thread-safe. Every payment carries an idempotency key from its first attempt; pass your
 * own through {@link RequestOptions} to make a payment that your service may start twice happen
 * once.
 */
public final class Invoices {
  private final AccountClient account;

  Invoices(AccountClient account) {
    this.account = account;
  }

  /** All invoices, newest first, fetched lazily page by page. */
  public PagedIterable<Invoice> list() {
    return list(query -> {});
  }

  /** The invoices {@code query} selects, newest first, fetched lazily page by page. */
  public PagedIterable<Invoice> list(Consumer<InvoiceQuery.Builder> query) {
    InvoiceQuery.Builder builder = InvoiceQuery.builder();
    query.accept(builder);
    InvoiceQuery built = builder.build();
    String status = built.status().map(s -> s.name().toLowerCase(Locale.ROOT)).orElse(null);
    return new PagedIterable<>(
        cursor -> {
          Wire.Page<Invoice> page =
              account.transport().read(
                  account.api().invoices(account.customer(), status, built.pageSize(), cursor),
                  RequestOptions.defaults());
          return Pages.of(page);
        });
  }

  /** One invoice. */
  public Invoice get(InvoiceId id) {
    return account.transport().read(account.api().invoice(account.customer(), id.value()), RequestOptions.defaults());
  }

  /**
   * Every attempt to pay the invoice, oldest first: payments by hand, renewal charges, and the
   * failed ones, each with the method it charged.
   */
  public PagedIterable<Payment> payments(InvoiceId id) {
    Objects.requireNonNull(id, "id");
    return new PagedIterable<>(
        cursor ->
            Pages.of(
                account.transport().read(
                    account.api().invoicePayments(account.customer(), id.value(), 100, cursor),
                    RequestOptions.defaults())));
  }

  /**
   * Pays an open invoice with the account's preferred method.
   *
   * <p>The result may be {@link dev.settle.model.PaymentStatus#REQUIRES_ACTION}: the customer
   * must authenticate at {@link Payment#nextActionUrl()} before the money moves.
   *
   * @throws PaymentDeclinedException if the charge was refused; {@code declineCode()} says why
   * @throws ConflictException if the invoice is not open ({@code invoice_not_open}) or the
   *     account has no preferred method ({@code no_preferred_payment_method})
   */
  public Payment pay(InvoiceId id) {
    return pay(id, RequestOptions.defaults());
  }

  /** Like {@link #pay(InvoiceId)}, with per-call options such as your own idempotency key. */
  public Payment pay(InvoiceId id, RequestOptions options) {
    return charge(id, null, options);
  }

  /** Pays an open invoice with the given stored method instead of the preferred one. */
  public Payment payWith(InvoiceId id, PaymentMethodId method) {
    return payWith(id, method, RequestOptions.defaults());
  }

  /** Like {@link #payWith(InvoiceId, PaymentMethodId)}, with per-call options. */
  public Payment payWith(InvoiceId id, PaymentMethodId method, RequestOptions options) {
    return charge(id, Objects.requireNonNull(method, "method").value(), options);
  }

  private Payment charge(InvoiceId id, String method, RequestOptions options) {
    Objects.requireNonNull(id, "id");
    String key = PaymentMethods.idempotencyKey(options);
    return account.transport().write(
        account.api().payInvoice(account.customer(), id.value(), key, new Wire.PayRequest(method)), key, options);
  }



}
