package dev.settle.sandbox;

import static dev.settle.sandbox.Html.document;
import static dev.settle.sandbox.Html.escape;

import dev.settle.sandbox.Model.CardSetup;
import dev.settle.sandbox.Model.Payment;

/**
 * The stand-in for a card issuer's 3-D Secure page, where a payment in {@code requires_action} or
 * a card setup sends the customer. {@code GET /sandbox/3ds/{payment or setup id}} shows the page;
 * posting to its {@code /authenticate} or {@code /fail} is the customer's answer, which settles
 * the payment or the setup one way or the other. The customer is then sent back to the return URL
 * of the payment or setup (303, with {@code payment_id} or {@code setup_id} added), or shown a
 * page to close when there is none. Not part of the API contract and not authenticated with the
 * API key, as the customer's browser opens it. Of a card it shows the brand and last four digits.
 */
final class AuthenticationPages {
  static final String PATH_PREFIX = "/sandbox/3ds/";

  private final InvoiceRules invoices;
  private final CardSetupRules cardSetups;

  AuthenticationPages(InvoiceRules invoices, CardSetupRules cardSetups) {
    this.invoices = invoices;
    this.cardSetups = cardSetups;
  }

  Response respond(String method, String path, String requestId) {
    String[] parts = path.substring(PATH_PREFIX.length()).split("/", -1);
    String id = parts[0];
    if (parts.length == 1 && method.equals("GET")) {
      return page(id);
    }
    if (parts.length == 2 && (parts[1].equals("authenticate") || parts[1].equals("fail"))) {
      if (!method.equals("POST")) {
        return Response.error(ApiError.methodNotAllowed(method, path), requestId).withHeader("Allow", "POST");
      }
      return answer(id, parts[1].equals("authenticate"));
    }
    if (parts.length == 1) {
      return Response.error(ApiError.methodNotAllowed(method, path), requestId).withHeader("Allow", "GET");
    }
    throw ApiError.unknownRoute(method, path);
  }

  private Response answer(String id, boolean authenticated) {
    String status;
    String returnUrl;
    String param;
    if (id.startsWith("cs_")) {
      CardSetup setup = cardSetups.authenticate(id, authenticated);
      status = setup.status.wireName();
      returnUrl = setup.returnUrl;
      param = "setup_id";
    } else {
      Payment payment = invoices.authenticate(id, authenticated);
      status = payment.status.wireName();
      returnUrl = payment.returnUrl;
      param = "payment_id";
    }
    if (returnUrl == null) {
      return Response.html(200, document("Authentication " + status,
          "<p>The bank has your answer: <strong>" + status + "</strong>. You can close this window.</p>"));
    }
    String location = PayPalIds.withQuery(returnUrl, param, id);
    return Response.html(303, document("Redirecting", "<p>Back to <a href=\"" + escape(location) + "\">the shop</a>.</p>"))
        .withHeader("Location", location);
  }

  private Response page(String id) {
    String what;
    String status;
    if (id.startsWith("cs_")) {
      CardSetup setup = cardSetups.find(id);
      if (setup == null) {
        throw ApiError.notFound("card_setup_id", "No such card setup: " + id + ".");
      }
      what = "Saving your " + setup.card.brand().displayName + " card ending in " + setup.card.last4()
          + " for later payments";
      status = setup.status.wireName();
    } else {
      Payment payment = invoices.findPayment(id);
      if (payment == null) {
        throw ApiError.notFound("payment_id", "No such payment: " + id + ".");
      }
      what = "Payment " + id + " of " + Views.money(payment.amount, payment.currency);
      status = payment.status.wireName();
    }
    String path = PATH_PREFIX + escape(id);
    String body = "<p>" + escape(what) + " asks you to confirm it is you.</p>"
        + "<p>Status: <strong>" + escape(status) + "</strong></p>"
        + "<form method=\"post\" action=\"" + path + "/authenticate\">"
        + "<button type=\"submit\">Authenticate</button></form>"
        + "<form method=\"post\" action=\"" + path + "/fail\">"
        + "<button type=\"submit\">Fail authentication</button></form>";
    return Response.html(200, document("Settle sandbox: authenticate", body));
  }
}
