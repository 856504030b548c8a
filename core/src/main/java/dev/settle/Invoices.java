package dev.settle;

import static dev.settle.exception.ValidationException.required;

import dev.settle.model.CustomerId;
import dev.settle.model.Invoice;
import dev.settle.model.InvoiceId;
import dev.settle.model.Payment;
import dev.settle.model.PaymentId;
import dev.settle.model.PaymentMethodId;
import dev.settle.spi.ApiCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The invoices of one account: list them, read one, pay one.
 *
 * <p>A payment whose charge the customer's bank asks them to authenticate (3-D Secure) ends in an
 * {@link AuthenticationRequiredException}, never in a returned payment: send the customer to its
 * {@link AuthenticationRequiredException#redirectUrl() redirect URL}, and when they are back at
 * the {@link RequestOptions.Builder#returnUrl return URL}, {@link #confirmPayment(InvoiceId,
 * PaymentId)} answers the payment. The invoice is paid once however often that is repeated.
 *
 * <p>Thread-safe. Every payment carries an idempotency key from its first attempt; pass your
 * own through {@link RequestOptions} to make a payment that your service may start twice happen
 * once. Each operation has four forms: blocking and {@code …Async}, each with and without
 * {@link RequestOptions}. Cancelling an {@code …Async} future cancels the request in flight; a
 * payment cancelled after it may have left is as unknown as one that lost its answer: repeat it
 * with your own key to learn what happened.
 */
public final class Invoices {
  private final CustomerId customer;
  private final Backend backend;
  private final Charges charges;

  Invoices(CustomerId customer, Backend backend) {
    this.customer = customer;
    this.backend = backend;
    this.charges = new Charges(customer, backend);
  }

  /** {@return all invoices, newest first, fetched lazily page by page} */
  public PagedIterable<Invoice> list() {
    return list(query -> { });
  }

  /**
   * Like {@link #list()}, each page's request made with {@code options}.
   *
   * @param options the options of every page's request
   * @return the invoices; a page is requested when iteration reaches it
   */
  public PagedIterable<Invoice> list(RequestOptions options) {
    return list(query -> { }, options);
  }

  /**
   * The invoices {@code query} selects, newest first, fetched lazily page by page.
   *
   * @param query sets the filter (status) and the page size on the builder it is given
   * @return the selected invoices; a page is requested when iteration reaches it
   */
  public PagedIterable<Invoice> list(Consumer<InvoiceQuery.Builder> query) {
    return list(query, RequestOptions.defaults());
  }

  /**
   * Like {@link #list(Consumer)}, each page's request made with {@code options}.
   *
   * @param query sets the filter (status) and the page size on the builder it is given
   * @param options the options of every page's request
   * @return the selected invoices; a page is requested when iteration reaches it
   */
  public PagedIterable<Invoice> list(Consumer<InvoiceQuery.Builder> query, RequestOptions options) {
    required(query, "query");
    required(options, "options");
    InvoiceQuery.Builder builder = InvoiceQuery.builder();
    query.accept(builder);
    InvoiceQuery built = builder.build();
    String status = built.status().map(s -> s.name().toLowerCase(Locale.ROOT)).orElse(null);
    return new PagedIterable<>(backend, options,
        cursor -> backend.api.listInvoices(customer, status, built.pageSize(), cursor));
  }

  /**
   * One invoice.
   *
   * @param id the invoice
   * @return the invoice
   */
  public Invoice get(InvoiceId id) {
    return get(id, RequestOptions.defaults());
  }

  /**
   * Like {@link #get(InvoiceId)}, with per-call options.
   *
   * @param id the invoice
   * @param options options for this call, such as its timeout
   * @return the invoice
   */
  public Invoice get(InvoiceId id, RequestOptions options) {
    return backend.call(getCall(id), required(options, "options"));
  }

  /**
   * Like {@link #get(InvoiceId)}, without blocking.
   *
   * @param id the invoice
   * @return a future of the invoice
   */
  public CompletableFuture<Invoice> getAsync(InvoiceId id) {
    return getAsync(id, RequestOptions.defaults());
  }

  /**
   * Like {@link #get(InvoiceId, RequestOptions)}, without blocking.
   *
   * @param id the invoice
   * @param options options for this call, such as its timeout
   * @return a future of the invoice
   */
  public CompletableFuture<Invoice> getAsync(InvoiceId id, RequestOptions options) {
    return backend.callAsync(getCall(id), required(options, "options"));
  }

  /**
   * The invoice as the customer receives it: a PDF document with the payee's bank details in its
   * lower right corner.
   *
   * @param id the invoice
   * @return the PDF document's bytes
   */
  public byte[] pdf(InvoiceId id) {
    return pdf(id, RequestOptions.defaults());
  }

  /**
   * Like {@link #pdf(InvoiceId)}, with per-call options.
   *
   * @param id the invoice
   * @param options options for this call, such as its timeout
   * @return the PDF document's bytes
   */
  public byte[] pdf(InvoiceId id, RequestOptions options) {
    return backend.call(pdfCall(id), required(options, "options"));
  }

  /**
   * Like {@link #pdf(InvoiceId)}, without blocking.
   *
   * @param id the invoice
   * @return a future of the PDF document's bytes
   */
  public CompletableFuture<byte[]> pdfAsync(InvoiceId id) {
    return pdfAsync(id, RequestOptions.defaults());
  }

  /**
   * Like {@link #pdf(InvoiceId, RequestOptions)}, without blocking.
   *
   * @param id the invoice
   * @param options options for this call, such as its timeout
   * @return a future of the PDF document's bytes
   */
  public CompletableFuture<byte[]> pdfAsync(InvoiceId id, RequestOptions options) {
    return backend.callAsync(pdfCall(id), required(options, "options"));
  }

  /**
   * Writes the invoice's PDF to {@code file}, replacing it; returns the file.
   *
   * @param id the invoice
   * @param file where to write the document
   * @return {@code file}
   * @throws UncheckedIOException if the file cannot be written
   */
  public Path downloadPdf(InvoiceId id, Path file) {
    return downloadPdf(id, file, RequestOptions.defaults());
  }

  /**
   * Like {@link #downloadPdf(InvoiceId, Path)}, with per-call options.
   *
   * @param id the invoice
   * @param file where to write the document
   * @param options options for this call, such as its timeout
   * @return {@code file}
   */
  public Path downloadPdf(InvoiceId id, Path file, RequestOptions options) {
    required(file, "file");
    return write(file, pdf(id, options));
  }

  /**
   * Like {@link #downloadPdf(InvoiceId, Path)}, without blocking; the file is written on an OkHttp
   * thread.
   *
   * @param id the invoice
   * @param file where to write the document
   * @return a future of {@code file}, complete once it is written
   */
  public CompletableFuture<Path> downloadPdfAsync(InvoiceId id, Path file) {
    return downloadPdfAsync(id, file, RequestOptions.defaults());
  }

  /**
   * Like {@link #downloadPdf(InvoiceId, Path, RequestOptions)}, without blocking.
   *
   * @param id the invoice
   * @param file where to write the document
   * @param options options for this call, such as its timeout
   * @return a future of {@code file}, complete once it is written
   */
  public CompletableFuture<Path> downloadPdfAsync(InvoiceId id, Path file, RequestOptions options) {
    ApiCall<byte[]> call = pdfCall(id);
    required(file, "file");
    return Steps.async(backend, required(options, "options"), call, document -> write(file, document));
  }

  /**
   * Every attempt to pay the invoice, oldest first: payments by hand, automatic charges, and the
   * failed ones, each with the method it charged.
   *
   * @param id the invoice
   * @return its payments; a page is requested when iteration reaches it
   */
  public PagedIterable<Payment> payments(InvoiceId id) {
    return payments(id, RequestOptions.defaults());
  }

  /**
   * Like {@link #payments(InvoiceId)}, each page's request made with {@code options}.
   *
   * @param id the invoice
   * @param options the options of every page's request
   * @return its payments; a page is requested when iteration reaches it
   */
  public PagedIterable<Payment> payments(InvoiceId id, RequestOptions options) {
    required(id, "id");
    return new PagedIterable<>(backend, required(options, "options"),
        cursor -> backend.api.listInvoicePayments(customer, id, 100, cursor));
  }

  /**
   * Pays an open invoice with the account's preferred method, as a payment by the customer
   * (on-session): their bank may ask them to authenticate it.
   *
   * @param id the open invoice
   * @return the payment, succeeded (or pending)
   * @throws AuthenticationRequiredException if the customer must authenticate the charge first;
   *     nothing is taken until they do. Pass a {@link RequestOptions.Builder#returnUrl return URL}
   *     for the bank's page to send them back to, then {@link #confirmPayment(InvoiceId, PaymentId)}
   * @throws PaymentDeclinedException if the charge was refused; {@code declineCode()} says why
   * @throws dev.settle.exception.ConflictException if the invoice is not open
   *     ({@code invoice_not_open}) or the account has no preferred method
   *     ({@code no_preferred_payment_method})
   * @throws OutcomeUnknownException if it may have been charged; repeat with its key
   */
  public Payment pay(InvoiceId id) {
    return pay(id, RequestOptions.defaults());
  }

  /**
   * Like {@link #pay(InvoiceId)}, with per-call options such as your own idempotency key and a
   * return URL. Repeated with the same key, it charges nothing more and answers the payment as it
   * stands: succeeded once the customer authenticated it.
   *
   * @param id the open invoice
   * @param options your idempotency key, a return URL, or a timeout for this call
   * @return the payment, succeeded (or pending)
   */
  public Payment pay(InvoiceId id, RequestOptions options) {
    return charges.pay(id, null, required(options, "options"));
  }

  /**
   * Like {@link #pay(InvoiceId)}, without blocking.
   *
   * @param id the open invoice
   * @return a future of the payment
   */
  public CompletableFuture<Payment> payAsync(InvoiceId id) {
    return payAsync(id, RequestOptions.defaults());
  }

  /**
   * Like {@link #pay(InvoiceId, RequestOptions)}, without blocking.
   *
   * @param id the open invoice
   * @param options your idempotency key, a return URL, or a timeout for this call
   * @return a future of the payment
   */
  public CompletableFuture<Payment> payAsync(InvoiceId id, RequestOptions options) {
    return charges.payAsync(id, null, required(options, "options"));
  }

  /**
   * Pays an open invoice with the given stored method instead of the preferred one; as {@link
   * #pay(InvoiceId)}, it may throw {@link AuthenticationRequiredException}.
   *
   * @param id the open invoice
   * @param method a method stored on this account
   * @return the payment, succeeded (or pending)
   */
  public Payment payWith(InvoiceId id, PaymentMethodId method) {
    return payWith(id, method, RequestOptions.defaults());
  }

  /**
   * Like {@link #payWith(InvoiceId, PaymentMethodId)}, with per-call options.
   *
   * @param id the open invoice
   * @param method a method stored on this account
   * @param options your idempotency key, a return URL, or a timeout for this call
   * @return the payment, succeeded (or pending)
   */
  public Payment payWith(InvoiceId id, PaymentMethodId method, RequestOptions options) {
    return charges.pay(id, required(method, "method"), required(options, "options"));
  }

  /**
   * Like {@link #payWith(InvoiceId, PaymentMethodId)}, without blocking.
   *
   * @param id the open invoice
   * @param method a method stored on this account
   * @return a future of the payment
   */
  public CompletableFuture<Payment> payWithAsync(InvoiceId id, PaymentMethodId method) {
    return payWithAsync(id, method, RequestOptions.defaults());
  }

  /**
   * Like {@link #payWith(InvoiceId, PaymentMethodId, RequestOptions)}, without blocking.
   *
   * @param id the open invoice
   * @param method a method stored on this account
   * @param options your idempotency key, a return URL, or a timeout for this call
   * @return a future of the payment
   */
  public CompletableFuture<Payment> payWithAsync(InvoiceId id, PaymentMethodId method, RequestOptions options) {
    return charges.payAsync(id, required(method, "method"), required(options, "options"));
  }

  /**
   * Answers a payment that waited for the customer's authentication, once they are back from
   * their bank's page: it charges nothing itself (the customer's answer to the bank did), so it
   * is safe to repeat, as often as the customer reloads the page, and the invoice is paid once.
   *
   * @param id the invoice the payment is for
   * @param payment the payment that waited, from {@link AuthenticationRequiredException#payment()}
   * @return the payment, succeeded
   * @throws AuthenticationRequiredException while the customer has not answered the bank; its
   *     redirect URL is the same
   * @throws PaymentDeclinedException if the customer failed to authenticate or the bank refused
   *     ({@code declineCode()} {@code authentication_failed}); the invoice stays open
   * @throws dev.settle.exception.NotFoundException if the payment is not one of this invoice's
   */
  public Payment confirmPayment(InvoiceId id, PaymentId payment) {
    return confirmPayment(id, payment, RequestOptions.defaults());
  }

  /**
   * Like {@link #confirmPayment(InvoiceId, PaymentId)}, with per-call options.
   *
   * @param id the invoice the payment is for
   * @param payment the payment that waited
   * @param options a timeout for this call
   * @return the payment, succeeded
   */
  public Payment confirmPayment(InvoiceId id, PaymentId payment, RequestOptions options) {
    return charges.confirm(id, payment, options);
  }

  /**
   * Like {@link #confirmPayment(InvoiceId, PaymentId)}, without blocking.
   *
   * @param id the invoice the payment is for
   * @param payment the payment that waited
   * @return a future of the payment
   */
  public CompletableFuture<Payment> confirmPaymentAsync(InvoiceId id, PaymentId payment) {
    return confirmPaymentAsync(id, payment, RequestOptions.defaults());
  }

  /**
   * Like {@link #confirmPayment(InvoiceId, PaymentId, RequestOptions)}, without blocking.
   *
   * @param id the invoice the payment is for
   * @param payment the payment that waited
   * @param options a timeout for this call
   * @return a future of the payment
   */
  public CompletableFuture<Payment> confirmPaymentAsync(InvoiceId id, PaymentId payment, RequestOptions options) {
    return charges.confirmAsync(id, payment, options);
  }

  @Override
  public String toString() {
    return "Invoices{customerId=" + customer + "}";
  }

  private ApiCall<Invoice> getCall(InvoiceId id) {
    return backend.api.getInvoice(customer, required(id, "id"));
  }

  private ApiCall<byte[]> pdfCall(InvoiceId id) {
    return backend.api.getInvoicePdf(customer, required(id, "id"));
  }

  private static Path write(Path file, byte[] document) {
    try {
      return Files.write(file, document);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file, e);
    }
  }
}
