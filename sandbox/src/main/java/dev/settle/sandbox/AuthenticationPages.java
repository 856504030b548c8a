package dev.settle.sandbox;

import static dev.settle.sandbox.Html.document;
import static dev.settle.sandbox.Html.escape;

import java.util.Map;

/**
 * The stand-in for a card issuer's 3-D Secure page, where a payment in {@code requires_action}
 * sends the customer. {@code GET /sandbox/3ds/{payment id}} shows the page; posting to its
 * {@code /authenticate} or {@code /fail} completes the payment one way or the other. Not part of
 * the API contract and not authenticated with the API key, as the customer's browser opens it.
 */
final class AuthenticationPages {
  static final String PATH_PREFIX = "/sandbox/3ds/";

  private final InvoiceRules invoices;

  AuthenticationPages(InvoiceRules invoices) {
    this.invoices = invoices;
  }

  Response respond(String method, String path, String requestId) {
    String[] parts = path.substring(PATH_PREFIX.length()).split("/", -1);
    String paymentId = parts[0];
    if (parts.length == 1 && method.equals("GET")) {
      return page(paymentId);
    }
    if (parts.length == 2 && (parts[1].equals("authenticate") || parts[1].equals("fail"))) {
      if (!method.equals("POST")) {
        return Response.error(ApiError.methodNotAllowed(method, path), requestId).withHeader("Allow", "POST");
      }
      Map<String, Object> payment = invoices.completeAuthentication(paymentId, parts[1].equals("authenticate"));
      return Response.html(200, document("Payment " + payment.get("status"),
          "<p>The payment is now <strong>" + payment.get("status") + "</strong>. You can close this window.</p>"));
    }
    if (parts.length == 1) {
      return Response.error(ApiError.methodNotAllowed(method, path), requestId).withHeader("Allow", "GET");
    }
    throw ApiError.unknownRoute(method, path);
  }

  private Response page(String paymentId) {
    Map<String, Object> payment = invoices.payment(paymentId);
    if (payment == null) {
      throw ApiError.notFound("payment_id", "No such payment: " + paymentId + ".");
    }
    String id = escape(paymentId);
    String amount = escape(payment.get("amount") + " " + payment.get("currency") + " (minor units)");
    String body = "<p>Payment <code>" + id + "</code> of " + amount + " asks you to confirm it is you.</p>"
        + "<p>Status: <strong>" + escape(String.valueOf(payment.get("status"))) + "</strong></p>"
        + "<form method=\"post\" action=\"" + PATH_PREFIX + id + "/authenticate\">"
        + "<button type=\"submit\">Authenticate</button></form>"
        + "<form method=\"post\" action=\"" + PATH_PREFIX + id + "/fail\">"
        + "<button type=\"submit\">Fail authentication</button></form>";
    return Response.html(200, document("Settle sandbox: authenticate payment", body));
  }
}
