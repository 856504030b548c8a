package dev.settle.sandbox;

import dev.settle.sandbox.Model.InvoiceStatus;
import dev.settle.sandbox.Route.Key;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** The contract's operations, each mapped to its rule class after its input has been checked. */
final class Api {
  private static final Pattern TOKEN_ID = Pattern.compile("tok_[A-Za-z0-9]{1,64}");
  private static final Pattern CARD_NUMBER = Pattern.compile("[0-9]{12,19}");
  private static final Pattern CVC = Pattern.compile("[0-9]{3,4}");
  private static final Pattern HOLDER_NAME = Pattern.compile("(?s).{0,200}");
  private static final Pattern CARD_TYPE = Pattern.compile("card");
  private static final Set<String> PAGING = Set.of("limit", "starting_after");
  private static final Pattern URL = Pattern.compile("(?s).{1,4000}");
  private static final String URL_EXPECTED = "an absolute http or https URL of at most 4000 characters";

  private Api() {}

  static List<Route> routes(Billing billing) {
    String account = "/v1/accounts/{customer_id}";
    String method = account + "/payment_methods/{payment_method_id}";
    String invoice = account + "/invoices/{invoice_id}";
    String license = account + "/licenses/{license_id}";
    String setup = account + "/paypal_setups/{setup_id}";
    String cardSetup = account + "/card_setups/{card_setup_id}";
    return List.of(
        get(account, Set.of(), call -> billing.accounts().account(customerId(call))),

        get(account + "/payment_methods", PAGING,
            call -> billing.paymentMethods().list(customerId(call), page("pm", call))),
        new Route("POST", account + "/payment_methods", 201, Key.REQUIRED, true, Set.of(), call -> {
          Fields body = Fields.of(call.body()).allowOnly("token", "preferred");
          String token = body.requiredString("token", TOKEN_ID, "a token id (tok_…)");
          Boolean preferred = body.optionalBoolean("preferred");
          return billing.paymentMethods().attach(customerId(call), token, preferred);
        }),
        get(method, Set.of(), call -> billing.paymentMethods().get(customerId(call), call.path().get("payment_method_id"))),
        new Route("DELETE", method, 200, Key.OPTIONAL, false, Set.of(),
            call -> billing.paymentMethods().remove(customerId(call), call.path().get("payment_method_id"))),
        new Route("POST", method + "/make_preferred", 200, Key.NONE, false, Set.of(),
            call -> billing.paymentMethods().makePreferred(customerId(call), call.path().get("payment_method_id"))),

        new Route("POST", "/v1/tokens", 201, Key.REQUIRED, true, Set.of(), call -> billing.tokens().tokenize(cardInput(call))),

        get(account + "/invoices", Set.of("limit", "starting_after", "status"),
            call -> billing.invoices().list(customerId(call), page("in", call), invoiceStatus(call))),
        get(invoice, Set.of(), call -> billing.invoices().get(customerId(call), call.path().get("invoice_id"))),
        new Route("POST", invoice + "/pay", 200, Key.REQUIRED, true, Set.of(), call -> {
          Fields body = Fields.of(call.body()).allowOnly("payment_method_id", "return_url");
          String paymentMethodId = body.optionalString("payment_method_id", null, "a payment method id (pm_…)");
          String returnUrl = optionalHttpUrl(body, "return_url");
          String customerId = customerId(call);
          String invoiceId = call.path().get("invoice_id");
          String paymentId = billing.invoices().pay(customerId, invoiceId, paymentMethodId, returnUrl);
          return asItStands(200, () -> billing.invoices().payment(customerId, invoiceId, paymentId));
        }),
        new Route("POST", invoice + "/payments/{payment_id}/confirm", 200, Key.NONE, false, Set.of(),
            call -> billing.invoices().payment(customerId(call), call.path().get("invoice_id"),
                call.path().get("payment_id"))),
        get(invoice + "/payments", PAGING,
            call -> billing.invoices().payments(customerId(call), call.path().get("invoice_id"), page("py", call))),
        get(invoice + "/bank_transfer_instructions", Set.of(),
            call -> billing.invoices().bankTransferInstructions(customerId(call), call.path().get("invoice_id"))),
        get(invoice + "/pdf", Set.of(),
            call -> billing.invoices().pdf(customerId(call), call.path().get("invoice_id")).response()),

        get(account + "/licenses", PAGING, call -> billing.licenses().list(customerId(call), page("lic", call))),
        get(license, Set.of(), call -> billing.licenses().get(customerId(call), call.path().get("license_id"))),
        new Route("POST", license + "/activate", 200, Key.NONE, false, Set.of(),
            call -> billing.licenses().activate(customerId(call), call.path().get("license_id"))),
        new Route("POST", license + "/auto_renewal", 200, Key.NONE, true, Set.of(), call -> {
          boolean enabled = Fields.of(call.body()).allowOnly("enabled").requiredBoolean("enabled");
          return billing.licenses().autoRenewal(customerId(call), call.path().get("license_id"), enabled);
        }),

        new Route("POST", account + "/card_setups", 201, Key.REQUIRED, true, Set.of(), call -> {
          Fields body = Fields.of(call.body()).allowOnly("token", "return_url");
          String token = body.requiredString("token", TOKEN_ID, "a token id (tok_…)");
          String returnUrl = optionalHttpUrl(body, "return_url");
          String customerId = customerId(call);
          String setupId = (String) billing.cardSetups().create(customerId, token, returnUrl).get("id");
          return asItStands(201, () -> billing.cardSetups().answer(customerId, setupId));
        }),
        new Route("POST", cardSetup + "/complete", 200, Key.REQUIRED, false, Set.of(), call -> {
          String customerId = customerId(call);
          String setupId = call.path().get("card_setup_id");
          Map<String, Object> first = billing.cardSetups().complete(customerId, setupId);
          return asItStands(200, first, () -> billing.cardSetups().answer(customerId, setupId));
        }),

        new Route("POST", account + "/paypal_setups", 201, Key.REQUIRED, true, Set.of(), call -> {
          Fields body = Fields.of(call.body()).allowOnly("return_url", "cancel_url");
          String returnUrl = body.requiredString("return_url", URL, URL_EXPECTED);
          String cancelUrl = body.requiredString("cancel_url", URL, URL_EXPECTED);
          requireHttpUrl("return_url", returnUrl);
          requireHttpUrl("cancel_url", cancelUrl);
          return billing.payPal().create(customerId(call), returnUrl, cancelUrl);
        }),
        get(setup, Set.of(), call -> billing.payPal().get(customerId(call), call.path().get("setup_id"))),
        new Route("POST", setup + "/complete", 200, Key.REQUIRED, false, Set.of(),
            call -> billing.payPal().complete(customerId(call), call.path().get("setup_id"))));
    // The webhook endpoint operations are WebhookApi's.
  }

  /** The answer {@code current} gives now, replayed as it stands then if it waits for the customer. */
  private static Object asItStands(int status, Supplier<Map<String, Object>> current) {
    return asItStands(status, current.get(), current);
  }

  private static Object asItStands(int status, Map<String, Object> first, Supplier<Map<String, Object>> current) {
    return "requires_action".equals(first.get("status")) ? Response.asItStands(status, first, current::get) : first;
  }

  private static Route get(String template, Set<String> queryNames, Route.Handler handler) {
    return new Route("GET", template, 200, Key.NONE, false, queryNames, handler);
  }

  private static String optionalHttpUrl(Fields body, String name) {
    String url = body.optionalString(name, URL, URL_EXPECTED);
    if (url != null) {
      requireHttpUrl(name, url);
    }
    return url;
  }

  /** Where a payer's browser is sent back to must be a URL it can open. */
  private static void requireHttpUrl(String name, String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return;
      }
    } catch (URISyntaxException e) {
      // Refused below, like any other URL that is not absolute http(s).
    }
    throw ApiError.parameterInvalid(name, name + " must be " + URL_EXPECTED + ".");
  }

  private static String customerId(Route.Call call) {
    String customerId = call.path().get("customer_id");
    if (!AccountRules.CUSTOMER_ID.matcher(customerId).matches()) {
      throw ApiError.parameterInvalid("customer_id", "customer_id must be 6 to 12 digits.");
    }
    return customerId;
  }

  private static Pages.Request page(String kind, Route.Call call) {
    Map<String, String> query = call.query();
    Integer limit = null;
    if (query.containsKey("limit")) {
      try {
        limit = Integer.valueOf(query.get("limit"));
      } catch (NumberFormatException e) {
        limit = 0;
      }
      if (limit < 1 || limit > Pages.MAX_LIMIT) {
        throw ApiError.parameterInvalid("limit", "limit must be an integer from 1 to " + Pages.MAX_LIMIT + ".");
      }
    }
    String startingAfter = query.get("starting_after");
    if (startingAfter != null && (startingAfter.isEmpty() || startingAfter.length() > 200)) {
      throw ApiError.parameterInvalid("starting_after", "starting_after must be 1 to 200 characters.");
    }
    return Pages.request(kind, limit, startingAfter);
  }

  private static InvoiceStatus invoiceStatus(Route.Call call) {
    String status = call.query().get("status");
    if (status == null) {
      return null;
    }
    for (InvoiceStatus candidate : InvoiceStatus.values()) {
      if (candidate.wireName().equals(status)) {
        return candidate;
      }
    }
    throw ApiError.parameterInvalid("status", "status must be one of open, paid, void, uncollectible.");
  }

  private static TokenRules.CardInput cardInput(Route.Call call) {
    Fields body = Fields.of(call.body()).allowOnly("type", "card");
    body.requiredString("type", CARD_TYPE, "card");
    Fields card = body.requiredObject("card").allowOnly("number", "exp_month", "exp_year", "cvc", "holder_name");
    return new TokenRules.CardInput(
        card.requiredString("number", CARD_NUMBER, "a string of 12 to 19 digits"),
        card.requiredInteger("exp_month", 1, 12),
        card.requiredInteger("exp_year", 2000, 2200),
        card.requiredString("cvc", CVC, "a string of 3 or 4 digits"),
        card.optionalString("holder_name", HOLDER_NAME, "a string of at most 200 characters"));
  }
}
