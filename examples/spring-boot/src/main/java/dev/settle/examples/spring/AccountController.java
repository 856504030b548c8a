package dev.settle.examples.spring;

import dev.settle.AuthenticationRequiredException;
import dev.settle.PreferredSwitchException;
import dev.settle.RequestOptions;
import dev.settle.SettleClient;
import dev.settle.card.Card;
import dev.settle.card.CardAuthentication;
import dev.settle.card.CardBrand;
import dev.settle.card.CardDetails;
import dev.settle.card.CardSetupId;
import dev.settle.exception.ApiException;
import dev.settle.exception.SettleException;
import dev.settle.exception.ValidationException;
import dev.settle.model.Account;
import dev.settle.model.CustomerId;
import dev.settle.model.Invoice;
import dev.settle.model.InvoiceId;
import dev.settle.model.InvoiceStatus;
import dev.settle.model.Payment;
import dev.settle.model.PaymentId;
import dev.settle.model.PaymentMethod;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The shop's view of a customer's billing, in sentences: the account, a new preferred card, an
 * invoice paid. Card numbers and CVCs go to Settle and nowhere else; no answer repeats them.
 *
 * <p>When the customer's bank asks them to authenticate a card or a payment (3-D Secure), their
 * browser is sent to the bank's page, which sends it back to a return URL of this service: {@code
 * …/preferred-card/done?setup_id=cs_…} or {@code …/invoices/{id}/paid?payment_id=py_…}, which
 * finish what was started.
 */
@RestController
final class AccountController {
  private final SettleClient settle;

  AccountController(SettleClient settle) {
    this.settle = settle;
  }

  @GetMapping(path = "/accounts/{customerId}", produces = MediaType.TEXT_PLAIN_VALUE)
  String account(@PathVariable String customerId) {
    Account account = settle.account(CustomerId.of(customerId)).get();
    String open = settle.account(account.customerId()).invoices().list(q -> q.status(InvoiceStatus.OPEN)).stream()
        .map(invoice -> "  " + invoice.id() + "  " + invoice.number() + "  " + invoice.amountDue() + " due "
            + invoice.dueAt().toString().substring(0, 10))
        .collect(Collectors.joining("\n"));
    return "Account " + account.customerId() + ", " + account.name() + ", on Portal " + account.portal() + ".\n"
        + "Preferred: " + describe(account.preferredPaymentMethod().orElse(null)) + ".\n"
        + (open.isEmpty() ? "No open invoice.\n" : "Open invoices:\n" + open + "\n");
  }

  @PostMapping(path = "/accounts/{customerId}/preferred-card", produces = MediaType.TEXT_PLAIN_VALUE)
  String switchPreferredCard(@PathVariable String customerId, @RequestParam String number,
      @RequestParam int expMonth, @RequestParam int expYear, @RequestParam String cvc,
      @RequestParam(required = false) String holder) {
    CardDetails.Builder card = CardDetails.builder().number(number).expiry(expMonth, expYear).cvc(cvc);
    if (holder != null) {
      card.holderName(holder);
    }
    PaymentMethod preferred = settle.account(CustomerId.of(customerId)).paymentMethods()
        .switchPreferred(card.build(), backTo("/accounts/{customerId}/preferred-card/done", customerId));
    return "Preferred now: " + describe(preferred) + ".\n";
  }

  /** Where the bank sends the customer back after they authenticated their new card. */
  @GetMapping(path = "/accounts/{customerId}/preferred-card/done", produces = MediaType.TEXT_PLAIN_VALUE)
  String cardAuthenticated(@PathVariable String customerId, @RequestParam("setup_id") String setupId) {
    PaymentMethod preferred = settle.account(CustomerId.of(customerId)).paymentMethods()
        .switchPreferred(CardAuthentication.of(CardSetupId.of(setupId)));
    return "Preferred now: " + describe(preferred) + ".\n";
  }

  @PostMapping(path = "/accounts/{customerId}/invoices/{invoiceId}/pay", produces = MediaType.TEXT_PLAIN_VALUE)
  String pay(@PathVariable String customerId, @PathVariable String invoiceId) {
    Payment payment = settle.account(CustomerId.of(customerId)).invoices().pay(InvoiceId.of(invoiceId),
        backTo("/accounts/{customerId}/invoices/{invoiceId}/paid", customerId, invoiceId));
    return paid(customerId, payment);
  }

  /** Where the bank sends the customer back after they authenticated the payment; safe to reload. */
  @GetMapping(path = "/accounts/{customerId}/invoices/{invoiceId}/paid", produces = MediaType.TEXT_PLAIN_VALUE)
  String paymentAuthenticated(@PathVariable String customerId, @PathVariable String invoiceId,
      @RequestParam("payment_id") String paymentId) {
    Payment payment = settle.account(CustomerId.of(customerId)).invoices()
        .confirmPayment(InvoiceId.of(invoiceId), PaymentId.of(paymentId));
    return paid(customerId, payment);
  }

  private String paid(String customerId, Payment payment) {
    Invoice invoice = settle.account(CustomerId.of(customerId)).invoices().get(payment.invoiceId());
    return "Payment " + payment.id() + " of " + payment.amount() + " for " + invoice.number() + ": "
        + payment.status().toString().toLowerCase(java.util.Locale.ROOT) + "; the invoice is "
        + invoice.status().toString().toLowerCase(java.util.Locale.ROOT) + ".\n";
  }

  /**
   * The customer's bank asks them to authenticate: their browser goes to the bank's page (303),
   * which is neither a success nor an error of this service.
   */
  @ExceptionHandler(AuthenticationRequiredException.class)
  ResponseEntity<String> authenticate(AuthenticationRequiredException e) {
    return ResponseEntity.status(HttpStatus.SEE_OTHER).location(e.redirectUrl()).contentType(MediaType.TEXT_PLAIN)
        .body("Your bank asks you to confirm it is you; continue on its page.\n");
  }

  /** Settle's messages say what went wrong without card data or keys, so they can be shown. */
  @ExceptionHandler(SettleException.class)
  ResponseEntity<String> refused(SettleException e) {
    HttpStatus status = e instanceof ValidationException ? HttpStatus.BAD_REQUEST
        : e instanceof PreferredSwitchException ? HttpStatus.CONFLICT
        : e instanceof ApiException api ? HttpStatus.resolve(api.statusCode()) : HttpStatus.BAD_GATEWAY;
    String after = e instanceof PreferredSwitchException s
        ? " Preferred now: " + describe(s.preferredAfter().orElse(null)) + "." : "";
    return ResponseEntity.status(status == null ? HttpStatus.BAD_GATEWAY : status).contentType(MediaType.TEXT_PLAIN)
        .body(e.getMessage() + after + "\n");
  }

  /** Options whose return URL is {@code path} on this service, as the customer's browser reaches it. */
  private static RequestOptions backTo(String path, Object... variables) {
    return RequestOptions.builder()
        .returnUrl(ServletUriComponentsBuilder.fromCurrentContextPath().path(path).buildAndExpand(variables).toUri())
        .build();
  }

  private static String describe(PaymentMethod method) {
    if (method == null) {
      return "none";
    }
    return method.details(Card.class)
        .map(card -> card.brand().map(CardBrand::displayName).orElse(card.brandName()) + " ending in "
            + card.lastFour() + ", expires " + card.expiry())
        .orElse(method.kind()) + " (" + method.id() + ")";
  }
}
