package dev.settle.sandbox;

import static dev.settle.sandbox.Html.document;
import static dev.settle.sandbox.Html.escape;

import dev.settle.sandbox.Model.PayPalSetupStatus;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The stand-in for PayPal's approval page, where a setup's {@code approval_url} sends the payer.
 * {@code GET /sandbox/paypal/approve?setup=<id>} shows the page: the merchant's name, an email
 * field and two plain HTML forms, no JavaScript. Posting to {@code /sandbox/paypal/approve}
 * (fields {@code setup}, {@code email}) approves and redirects to the setup's {@code return_url};
 * posting to {@code /sandbox/paypal/cancel} (field {@code setup}) cancels and redirects to its
 * {@code cancel_url}. Not part of the API contract and not authenticated with the API key, as the
 * payer's browser opens it. Every page is well-formed XHTML, so tests can parse it.
 */
final class PayPalPages {
  static final String PATH_PREFIX = "/sandbox/paypal/";
  static final String APPROVE = "/sandbox/paypal/approve";
  static final String CANCEL = "/sandbox/paypal/cancel";
  static final String DEFAULT_EMAIL = "buyer@example.com";
  static final String TITLE = "PayPal sandbox — approve";

  private final PayPalRules payPal;

  PayPalPages(PayPalRules payPal) {
    this.payPal = payPal;
  }

  Response respond(String method, String path, String rawQuery, byte[] body, String requestId) {
    if (!path.equals(APPROVE) && !path.equals(CANCEL)) {
      throw ApiError.unknownRoute(method, path);
    }
    boolean page = path.equals(APPROVE) && method.equals("GET");
    if (!page && !method.equals("POST")) {
      return Response.error(ApiError.methodNotAllowed(method, path), requestId)
          .withHeader("Allow", path.equals(APPROVE) ? "GET, POST" : "POST");
    }
    Map<String, String> fields = form(rawQuery);
    if (!page) {
      fields.putAll(form(new String(body, StandardCharsets.UTF_8)));
    }
    String setupId = fields.get("setup");
    if (setupId == null || setupId.isEmpty()) {
      return message(400, "Missing setup", "This page needs the setup=<id> of a PayPal setup.");
    }
    if (page) {
      return page(setupId);
    }
    PayPalRules.PayerAnswer answer;
    if (path.equals(APPROVE)) {
      String email = fields.getOrDefault("email", DEFAULT_EMAIL).trim();
      if (!Fields.EMAIL.matcher(email).matches()) {
        return message(400, "Enter your email", "Go back and enter the email address of your PayPal account.");
      }
      answer = payPal.approve(setupId, email);
    } else {
      answer = payPal.cancel(setupId);
    }
    if (answer == null) {
      return unknown(setupId);
    }
    if (answer.location() == null) {
      return closed(answer.refusedBecause());
    }
    return Response.html(303, document("Redirecting",
        "<p>Returning to the merchant: <a href=\"" + escape(answer.location()) + "\">continue</a>.</p>"))
        .withHeader("Location", answer.location());
  }

  private Response page(String setupId) {
    PayPalRules.PayerView setup = payPal.forPayer(setupId);
    if (setup == null) {
      return unknown(setupId);
    }
    if (setup.status() != PayPalSetupStatus.PAYER_ACTION_REQUIRED) {
      return closed(setup.status());
    }
    String id = escape(setup.setupId());
    String body = "<p><strong>" + escape(setup.merchantName()) + "</strong> asks to save your PayPal account"
        + " for future payments, such as the yearly renewal of a license.</p>"
        + "<form method=\"post\" action=\"" + APPROVE + "\">"
        + "<input type=\"hidden\" name=\"setup\" value=\"" + id + "\"/>"
        + "<p><label for=\"email\">Email of your PayPal account</label> "
        + "<input type=\"email\" id=\"email\" name=\"email\" value=\"" + DEFAULT_EMAIL + "\" required=\"required\"/></p>"
        + "<p><button type=\"submit\" id=\"approve\">Approve</button></p>"
        + "</form>"
        + "<form method=\"post\" action=\"" + CANCEL + "\">"
        + "<input type=\"hidden\" name=\"setup\" value=\"" + id + "\"/>"
        + "<p><button type=\"submit\" id=\"cancel\">Cancel</button></p>"
        + "</form>"
        + "<p><small>Sandbox: nothing is sent to PayPal. The payer " + Model.PayPalFacts.DECLINING_EMAIL
        + " is approved, but PayPal declines every charge to them.</small></p>";
    return Response.html(200, document(TITLE, body));
  }

  private static Response unknown(String setupId) {
    return message(404, "No such setup", "There is no PayPal setup " + setupId + ".");
  }

  private static Response closed(PayPalSetupStatus status) {
    String why = switch (status) {
      case EXPIRED -> "This PayPal setup has expired. Go back to the merchant and start again.";
      case CANCELLED -> "This PayPal setup was cancelled. Go back to the merchant and start again.";
      case COMPLETED -> "This PayPal setup is already completed; your PayPal account is saved.";
      case APPROVED -> "You already approved this PayPal setup.";
      default -> "This PayPal setup cannot be answered now.";
    };
    return message(409, "Setup " + status.wireName(), why);
  }

  private static Response message(int status, String title, String text) {
    return Response.html(status, document(title, "<p>" + escape(text) + "</p>"));
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> fields = new HashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return fields;
    }
    for (String pair : encoded.split("&")) {
      int equals = pair.indexOf('=');
      try {
        String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
        String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        fields.putIfAbsent(name, value);
      } catch (IllegalArgumentException malformed) {
        // A field that is not well encoded is left out, as if it had not been sent.
      }
    }
    return fields;
  }
}
