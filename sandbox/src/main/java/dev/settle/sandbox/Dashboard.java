package dev.settle.sandbox;

import static dev.settle.sandbox.Html.escape;

import dev.settle.sandbox.Model.Account;
import dev.settle.sandbox.Model.Invoice;
import dev.settle.sandbox.Model.License;
import dev.settle.sandbox.Model.PaymentMethod;
import dev.settle.sandbox.Model.TimelineEntry;
import dev.settle.sandbox.Route.Key;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /sandbox/dashboard}: the state of the billing system as an HTML fragment, which the
 * dashboard's page ({@link DashboardPage}) fetches with the API key and puts in place while it
 * is open. Server-rendered, every value escaped. It shows what a person testing needs and
 * nothing secret: of a card the brand, last four and expiry; never a token, the API key or a
 * webhook secret.
 */
final class Dashboard {
  static final String PATH = "/sandbox/dashboard";
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private final Billing billing;
  private final WebhookDispatcher webhooks;
  private final SandboxFaults faults;

  Dashboard(Billing billing, WebhookDispatcher webhooks, SandboxFaults faults) {
    this.billing = billing;
    this.webhooks = webhooks;
    this.faults = faults;
  }

  Route route() {
    return new Route("GET", PATH, 200, Key.NONE, false, Set.of(), call -> Response.html(200, fragment()));
  }

  String fragment() {
    StringBuilder html = new StringBuilder();
    BillingState state = billing.state();
    synchronized (state) {
      state.catchUp();
      Instant now = state.clock.instant();
      html.append("<section aria-labelledby=\"clock-heading\"><h2 id=\"clock-heading\">Clock</h2>")
          .append("<p>Sandbox time: <time id=\"now\" datetime=\"").append(Views.timestamp(now)).append("\">")
          .append(MINUTES.format(now)).append("</time></p></section>");
      faults(html);
      html.append("<section aria-labelledby=\"accounts-heading\"><h2 id=\"accounts-heading\">Accounts</h2>");
      if (state.accounts.isEmpty()) {
        html.append("<p>No accounts. Create one with <code>POST /sandbox/accounts</code>.</p>");
      }
      for (Account account : state.accounts.values()) {
        account(html, state, account);
      }
      html.append("</section>");
    }
    deliveries(html, webhooks.snapshot());
    return html.toString();
  }

  private void faults(StringBuilder html) {
    html.append("<section aria-labelledby=\"faults-heading\"><h2 id=\"faults-heading\">Fault switches</h2>");
    List<Map<String, Object>> settings = FaultApi.settings(faults);
    if (settings.isEmpty()) {
      html.append("<p id=\"faults-state\">None switched on.</p>");
    } else {
      html.append("<ul id=\"faults-state\">");
      for (Map<String, Object> rule : settings) {
        StringBuilder text = new StringBuilder(rule.containsKey("route") ? (String) rule.get("route") : "All API requests");
        rule.forEach((name, value) -> {
          if (!name.equals("route")) {
            text.append(", ").append(name.replace('_', ' ')).append(' ').append(value);
          }
        });
        html.append("<li>").append(escape(text.toString())).append("</li>");
      }
      html.append("</ul>");
    }
    html.append("<p>Injected since they were last cleared: ");
    faults.injected().forEach((kind, count) -> html.append(escape(kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')))
        .append(' ').append(count).append(kind.ordinal() < SandboxFaults.Kind.values().length - 1 ? ", " : "."));
    html.append("</p></section>");
  }

  private void account(StringBuilder html, BillingState state, Account account) {
    String id = escape(account.customerId);
    html.append("<article class=\"account\" id=\"account-").append(id).append("\" aria-labelledby=\"account-")
        .append(id).append("-heading\"><h3 id=\"account-").append(id).append("-heading\">").append(id).append(" · ")
        .append(escape(account.name)).append("</h3><p>Portal ").append(account.portal).append(" · ")
        .append(escape(account.currency)).append("</p>");

    html.append("<table class=\"methods\"><caption>Stored payment methods</caption><thead><tr>")
        .append(th("Preferred")).append(th("Method")).append(th("Expiry")).append("</tr></thead><tbody>");
    if (account.paymentMethods.isEmpty()) {
      html.append("<tr><td colspan=\"3\">None stored.</td></tr>");
    }
    for (PaymentMethod method : account.paymentMethods.values()) {
      boolean preferred = method.id.equals(account.preferredPaymentMethodId);
      html.append("<tr id=\"method-").append(escape(method.id)).append("\" data-preferred=\"").append(preferred)
          .append("\"><td>").append(preferred ? "<span role=\"img\" aria-label=\"preferred\">✔</span>" : "")
          .append("</td><td>").append(escape(method.label())).append("</td><td>")
          .append(method.card == null ? "—" : String.format(Locale.ROOT, "%02d/%d", method.card.expMonth(),
              method.card.expYear()))
          .append("</td></tr>");
    }
    html.append("</tbody></table>");

    html.append("<table class=\"invoices\"><caption>Invoices</caption><thead><tr>").append(th("Number"))
        .append(th("Status")).append(th("Amount due")).append(th("Total")).append(th("Due"))
        .append(th("Collection")).append(th("Attempts")).append(th("Next try")).append("</tr></thead><tbody>");
    if (account.invoices.isEmpty()) {
      html.append("<tr><td colspan=\"8\">None issued.</td></tr>");
    }
    for (Invoice invoice : account.invoices.values()) {
      long attempts = state.payments.values().stream().filter(p -> p.invoiceId.equals(invoice.id)).count();
      html.append("<tr id=\"invoice-").append(escape(invoice.id)).append("\"><td>").append(escape(invoice.number))
          .append("</td><td>").append(invoice.status.wireName()).append("</td><td>")
          .append(escape(Views.money(invoice.amountDue(), invoice.currency))).append("</td><td>")
          .append(escape(Views.money(invoice.total, invoice.currency))).append("</td><td>")
          .append(Views.date(invoice.dueAt)).append("</td><td>").append(invoice.collection.wireName())
          .append("</td><td>").append(attempts).append("</td><td>")
          .append(invoice.nextPaymentAttempt() == null ? "—" : Views.date(invoice.nextPaymentAttempt()))
          .append("</td></tr>");
    }
    html.append("</tbody></table>");

    html.append("<table class=\"licenses\"><caption>Licenses</caption><thead><tr>").append(th("Product"))
        .append(th("Seats")).append(th("Status")).append(th("Automatic renewal")).append(th("Next renewal"))
        .append("</tr></thead><tbody>");
    if (account.licenses.isEmpty()) {
      html.append("<tr><td colspan=\"5\">None.</td></tr>");
    }
    for (License license : account.licenses.values()) {
      html.append("<tr id=\"license-").append(escape(license.id)).append("\"><td>").append(escape(license.product))
          .append("</td><td>").append(license.seats).append("</td><td>").append(license.status.wireName())
          .append("</td><td>").append(license.autoRenewal ? "on" : "off").append("</td><td>")
          .append(license.renewsAt == null ? "—" : Views.date(license.renewsAt)).append("</td></tr>");
    }
    html.append("</tbody></table>");

    html.append("<h4 id=\"timeline-").append(id).append("\">Timeline</h4>");
    List<TimelineEntry> timeline = account.timeline.stream()
        .sorted(Comparator.comparing(TimelineEntry::at).thenComparing(TimelineEntry::sequence))
        .toList();
    if (timeline.isEmpty()) {
      html.append("<p>Nothing has happened yet: payments, renewals and dunning show here.</p>");
    } else {
      html.append("<ol class=\"timeline\" aria-labelledby=\"timeline-").append(id).append("\">");
      for (TimelineEntry entry : timeline) {
        html.append("<li class=\"").append(escape(entry.kind())).append("\"><time datetime=\"")
            .append(Views.timestamp(entry.at())).append("\">").append(Views.date(entry.at())).append("</time> ")
            .append(escape(entry.text())).append("</li>");
      }
      html.append("</ol>");
    }
    html.append("</article>");
  }

  private static void deliveries(StringBuilder html, List<WebhookDelivery> deliveries) {
    html.append("<section aria-labelledby=\"deliveries-heading\"><h2 id=\"deliveries-heading\">Webhook deliveries</h2>");
    if (deliveries.isEmpty()) {
      html.append("<p>None yet. Register an endpoint with <code>POST /v1/webhook_endpoints</code>.</p></section>");
      return;
    }
    html.append("<table id=\"deliveries\"><caption>Events sent to webhook endpoints, oldest first</caption><thead><tr>")
        .append(th("Event")).append(th("Endpoint")).append(th("Status")).append(th("Attempts"))
        .append(th("Last answer")).append("</tr></thead><tbody>");
    for (WebhookDelivery delivery : deliveries) {
      html.append("<tr><td>").append(escape(delivery.type())).append("</td><td>").append(escape(withoutQuery(delivery.url())))
          .append("</td><td>").append(delivery.status().name().toLowerCase(Locale.ROOT)).append("</td><td>")
          .append(delivery.attempts()).append("</td><td>")
          .append(delivery.lastResponseStatus() == 0 ? "—" : Integer.toString(delivery.lastResponseStatus()))
          .append("</td></tr>");
    }
    html.append("</tbody></table></section>");
  }

  /** An endpoint's URL without its query, where a careless receiver may have put a secret of its own. */
  private static String withoutQuery(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  private static String th(String text) {
    return "<th scope=\"col\">" + text + "</th>";
  }
}
