package dev.settle;

import dev.settle.internal.http.ApiCall;
import dev.settle.internal.http.Wire;
import dev.settle.model.Invoice;
import dev.settle.model.InvoiceId;
import dev.settle.model.Payment;
import dev.settle.model.PaymentMethodId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The invoices of one account: list them, read one, pay one.
 *
 * <p>Thread-safe. Every payment carries an idempotency key from its first attempt; pass your
 * own through {@link RequestOptions} to make a payment that your service may start twice happen
 * once. Each call has an {@code …Async} twin that returns at once and completes on OkHttp's
 * threads.
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
    return new PagedIterable<>(account.transport(),
        cursor -> account.api().invoices(account.customer(), status, built.pageSize(), cursor));
  }

  /** One invoice. */
  public Invoice get(InvoiceId id) {
    return account.transport().read(getCall(id), RequestOptions.defaults());
  }

  /** Like {@link #get(InvoiceId)}, without blocking. */
  public CompletableFuture<Invoice> getAsync(InvoiceId id) {
    return account.transport().readAsync(getCall(id), RequestOptions.defaults());
  }

  /**
   * The invoice as the customer receives it: a PDF document with the payee's bank details in its
   * lower right corner.
   */
  public byte[] pdf(InvoiceId id) {
    return account.transport().read(
        account.api().invoicePdf(account.customer(), Objects.requireNonNull(id, "id").value()),
        RequestOptions.defaults());
  }

  /**
   * Writes the invoice's PDF to {@code file}, replacing it; returns the file.
   *
   * @throws java.io.UncheckedIOException if the file cannot be written
   */
  public Path downloadPdf(InvoiceId id, Path file) {
    byte[] document = pdf(id);
    try {
      return Files.write(file, document);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file, e);
    }
  }

  /**
   * Every attempt to pay the invoice, oldest first: payments by hand, renewal charges, and the
   * failed ones, each with the method it charged.
   */
  public PagedIterable<Payment> payments(InvoiceId id) {
    Objects.requireNonNull(id, "id");
    return new PagedIterable<>(account.transport(),
        cursor -> account.api().invoicePayments(account.customer(), id.value(), 100, cursor));
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
   * @throws OutcomeUnknownException if no attempt got an answer; repeat with its key
   */
  public Payment pay(InvoiceId id) {
    return pay(id, RequestOptions.defaults());
  }

  /** Like {@link #pay(InvoiceId)}, with per-call options such as your own idempotency key. */
  public Payment pay(InvoiceId id, RequestOptions options) {
    String key = PaymentMethods.idempotencyKey(options);
    return account.transport().write(payCall(id, null, key), key, options);
  }

  /** Like {@link #pay(InvoiceId, RequestOptions)}, without blocking. */
  public CompletableFuture<Payment> payAsync(InvoiceId id, RequestOptions options) {
    String key = PaymentMethods.idempotencyKey(options);
    return account.transport().writeAsync(payCall(id, null, key), key, options);
  }

  /** Pays an open invoice with the given stored method instead of the preferred one. */
  public Payment payWith(InvoiceId id, PaymentMethodId method) {
    return payWith(id, method, RequestOptions.defaults());
  }

  /** Like {@link #payWith(InvoiceId, PaymentMethodId)}, with per-call options. */
  public Payment payWith(InvoiceId id, PaymentMethodId method, RequestOptions options) {
    String key = PaymentMethods.idempotencyKey(options);
    return account.transport().write(payCall(id, method, key), key, options);
  }

  /** Like {@link #payWith(InvoiceId, PaymentMethodId, RequestOptions)}, without blocking. */
  public CompletableFuture<Payment> payWithAsync(
      InvoiceId id, PaymentMethodId method, RequestOptions options) {
    String key = PaymentMethods.idempotencyKey(options);
    return account.transport().writeAsync(payCall(id, method, key), key, options);
  }

  private ApiCall<Invoice> getCall(InvoiceId id) {
    return account.api().invoice(account.customer(), id.value());
  }

  private ApiCall<Payment> payCall(InvoiceId id, PaymentMethodId method, String key) {
    Objects.requireNonNull(id, "id");
    Wire.PayRequest body = new Wire.PayRequest(method == null ? null : method.value());
    return account.api().payInvoice(account.customer(), id.value(), key, body);
  }
}
