package dev.settle;

import static dev.settle.exception.ValidationException.required;

import dev.settle.exception.MalformedResponseException;
import dev.settle.internal.http.Wire;
import dev.settle.model.CustomerId;
import dev.settle.model.InvoiceId;
import dev.settle.model.Payment;
import dev.settle.model.PaymentId;
import dev.settle.model.PaymentMethodId;
import dev.settle.model.PaymentStatus;
import dev.settle.spi.ApiCall;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Charging one account's invoices, behind {@link Invoices}' payment operations: what a charge
 * sends (the method, the return URL, the idempotency key) and what its answer means. A payment
 * that waits for the customer's bank is never a result: it is an
 * {@link AuthenticationRequiredException}, or a malformed answer when it names no page to send
 * the customer to. Confirming a payment charges nothing, so it needs no key.
 */
final class Charges {
  private final CustomerId customer;
  private final Backend backend;

  Charges(CustomerId customer, Backend backend) {
    this.customer = customer;
    this.backend = backend;
  }

  /** Charges the invoice with {@code method}, or the preferred method when null. */
  Payment pay(InvoiceId id, @Nullable PaymentMethodId method, RequestOptions options) {
    return Steps.blocking(backend, options, payCall(id, method, options), Charges::settled);
  }

  CompletableFuture<Payment> payAsync(InvoiceId id, @Nullable PaymentMethodId method, RequestOptions options) {
    return Steps.async(backend, options, payCall(id, method, options), Charges::settled);
  }

  /** Answers a payment that waited for the customer, once they are back from their bank. */
  Payment confirm(InvoiceId id, PaymentId payment, RequestOptions options) {
    ApiCall<Payment> call = confirmCall(id, payment);
    return Steps.blocking(backend, required(options, "options"), call, Charges::settled);
  }

  CompletableFuture<Payment> confirmAsync(InvoiceId id, PaymentId payment, RequestOptions options) {
    ApiCall<Payment> call = confirmCall(id, payment);
    return Steps.async(backend, required(options, "options"), call, Charges::settled);
  }

  private ApiCall<Payment> payCall(InvoiceId id, @Nullable PaymentMethodId method, RequestOptions options) {
    Wire.PayRequest body = new Wire.PayRequest(method == null ? null : method.value(),
        options.returnUrl().map(URI::toString).orElse(null));
    return backend.api.payInvoice(customer, required(id, "id"), Backend.key(options), body);
  }

  private ApiCall<Payment> confirmCall(InvoiceId id, PaymentId payment) {
    return backend.api.confirmPayment(customer, required(id, "id"), required(payment, "payment"));
  }

  /** The payment a charge answered, unless it waits for the customer: that is never a result. */
  private static Payment settled(Payment payment) {
    if (payment.status() == PaymentStatus.REQUIRES_ACTION) {
      if (payment.nextActionUrl().isEmpty()) {
        throw new MalformedResponseException("A payment waiting for the customer came without next_action.url",
            200, payment.requestId().orElse(null), null);
      }
      throw new AuthenticationRequiredException(payment);
    }
    return payment;
  }
}
