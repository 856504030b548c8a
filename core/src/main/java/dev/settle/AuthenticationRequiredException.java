package dev.settle;

import static dev.settle.exception.ValidationException.required;

import dev.settle.exception.SettleException;
import dev.settle.model.InvoiceId;
import dev.settle.model.Payment;
import dev.settle.model.PaymentId;
import dev.settle.model.PaymentStatus;
import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The customer's bank asks them to authenticate (3-D Secure) before a payment is made or a card
 * is saved: the flow is not finished, and nothing may be taken as done.
 *
 * <p>Thrown rather than returned, so that code which only checks for exceptions cannot mistake
 * it for a success. Send the customer's browser to {@link #redirectUrl()}; the bank's page sends
 * them back to the {@link RequestOptions.Builder#returnUrl return URL} of the call. Then resume:
 *
 * <pre>{@code
 * try {
 *   invoices.pay(invoiceId, RequestOptions.builder().returnUrl(URI.create("https://shop.example/paid")).build());
 * } catch (AuthenticationRequiredException e) {
 *   session.put("payment", e.paymentId().orElseThrow());
 *   return redirect(e.redirectUrl());
 * }
 * // back on https://shop.example/paid:
 * Payment paid = invoices.confirmPayment(invoiceId, session.get("payment"));
 * }</pre>
 *
 * <p>For a payment, {@link #invoiceId()} and {@link #paymentId()} name it, and {@code
 * Invoices.confirmPayment} answers it once the customer is back (or throws this again while they
 * have not answered the bank). For a card being saved, {@link #setupId()} names the card setup,
 * which the card module's {@code CardAuthentication.of(CardSetupId.of(setupId))} completes with
 * {@code add} or {@code switchPreferred}; until then the account is unchanged. Nothing is lost
 * if the customer never comes back: the payment is never taken and the card never stored.
 *
 * <p>The redirect URL may carry the bank's session, so it is kept out of the message and of
 * {@code toString()}.
 */
public final class AuthenticationRequiredException extends SettleException {
  /** Where the customer goes: never in the message. */
  private final URI redirectUrl;
  /** The payment that waits, or null for a setup. */
  private final @Nullable Payment payment;
  /** The setup that waits, or null for a payment. */
  private final @Nullable String setupId;

  /**
   * A payment in {@link PaymentStatus#REQUIRES_ACTION}, which waits for the customer at its
   * {@link Payment#nextActionUrl()}.
   *
   * @param payment the payment as the server answered it
   * @throws IllegalArgumentException if the payment does not wait for the customer
   */
  public AuthenticationRequiredException(Payment payment) {
    super("The customer must authenticate payment " + required(payment, "payment").id()
            + " of invoice " + payment.invoiceId() + " with their bank: send them to redirectUrl(), then confirm it",
        payment.requestId().orElse(null), null);
    if (payment.status() != PaymentStatus.REQUIRES_ACTION || payment.nextActionUrl().isEmpty()) {
      throw new IllegalArgumentException("Payment " + payment.id() + " does not wait for the customer");
    }
    this.redirectUrl = payment.nextActionUrl().get();
    this.payment = payment;
    this.setupId = null;
  }

  /**
   * A payment method being saved whose setup, {@code setupId}, waits for the customer at {@code
   * redirectUrl}: thrown by a provider's tokenization.
   *
   * @param setupId the setup's id, such as a card setup's {@code cs_…}
   * @param redirectUrl the bank's page, where the customer authenticates
   * @param requestId the id of the request that answered so, if known
   */
  public AuthenticationRequiredException(String setupId, URI redirectUrl, @Nullable String requestId) {
    super("The customer must authenticate with their bank before setup " + required(setupId, "setupId")
        + " can be saved: send them to redirectUrl(), then complete the setup", requestId, null);
    this.redirectUrl = required(redirectUrl, "redirectUrl");
    this.payment = null;
    this.setupId = setupId;
  }

  /** {@return where to send the customer's browser: the bank's page, which sends them back when done} */
  public URI redirectUrl() {
    return redirectUrl;
  }

  /** {@return the payment waiting for the customer, as the server answered it; empty for a setup} */
  public Optional<Payment> payment() {
    return Optional.ofNullable(payment);
  }

  /** {@return the invoice being paid; empty for a setup} */
  public Optional<InvoiceId> invoiceId() {
    return payment().map(Payment::invoiceId);
  }

  /** {@return the payment to confirm once the customer is back; empty for a setup} */
  public Optional<PaymentId> paymentId() {
    return payment().map(Payment::id);
  }

  /**
   * {@return the setup to complete once the customer is back (a card setup's {@code cs_…}); empty
   * for a payment}
   */
  public Optional<String> setupId() {
    return Optional.ofNullable(setupId);
  }
}
