package dev.settle.sandbox;

import dev.settle.sandbox.InvoiceDraft.Collection;
import dev.settle.sandbox.Model.InvoiceLine;
import dev.settle.sandbox.Route.Key;
import dev.settle.sandbox.SettleSandbox.Portal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The sandbox's controls over HTTP, under {@code /sandbox/}: what {@link SettleSandbox} offers in
 * Java, for clients in another process or another language. Each calls the same rule class as
 * its Java helper. They need the API key, answer errors in the API's one error shape, are never
 * faulted, and are documented in {@code sandbox-controls.yaml} (not in the API's contract).
 */
final class ControlRoutes {
  /** The most one call may move the clock: a hundred years of 365 days. */
  static final long MAX_ADVANCE_SECONDS = 100L * 365 * 24 * 60 * 60;
  private static final Pattern TEXT = Pattern.compile("(?s).{1,500}");
  private static final Pattern PORTAL = Pattern.compile("I|II");
  private static final Pattern COLLECTION = Pattern.compile("automatic|manual");
  private static final Pattern SETUP_ID = Pattern.compile("pps_[A-Za-z0-9]{1,64}");

  private ControlRoutes() {}

  static List<Route> routes(Billing billing, WebhookDispatcher webhooks, SandboxClock clock, Consumer<Instant> reset) {
    String account = "/sandbox/accounts/{customer_id}";
    String setup = "/sandbox/paypal_setups/{setup_id}";
    return List.of(
        route("GET", "/sandbox/accounts", 200, false, call -> Json.object("data", billing.accounts().all())),
        route("POST", "/sandbox/accounts", 201, true, call -> {
          Fields body = Fields.of(call.body()).allowOnly("portal", "name", "currency", "customer_id", "email");
          Portal portal = Portal.valueOf(body.requiredString("portal", PORTAL, "I or II"));
          return billing.accounts().create(body.optionalString("customer_id", null, "a string"), portal,
              body.requiredString("name", TEXT, "1 to 500 characters"),
              body.requiredString("currency", null, "an upper-case ISO 4217 code such as EUR"),
              body.optionalString("email", null, "a string"));
        }),
        route("POST", account + "/invoices", 201, true, call -> {
          Fields body = Fields.of(call.body()).allowOnly("lines", "currency", "due_at", "collection");
          String collection = body.optionalString("collection", COLLECTION, "automatic or manual");
          return billing.invoices().create(call.path().get("customer_id"), lines(body),
              body.optionalString("currency", null, "an upper-case ISO 4217 code such as EUR"),
              body.optionalInstant("due_at"),
              collection == null ? null : Collection.valueOf(collection.toUpperCase(Locale.ROOT)));
        }),
        route("POST", account + "/licenses", 201, true, call -> {
          Fields body = Fields.of(call.body()).allowOnly("product", "seats", "price", "renews_at", "auto_renewal");
          Boolean autoRenewal = body.optionalBoolean("auto_renewal");
          return billing.licenses().create(call.path().get("customer_id"),
              body.requiredString("product", TEXT, "1 to 500 characters"),
              body.has("seats") ? body.requiredInteger("seats", 1, LicenseRules.MAX_SEATS) : 1,
              body.requiredLong("price", 1, TransferRoutes.MAX_AMOUNT), body.optionalInstant("renews_at"),
              autoRenewal == null || autoRenewal);
        }),
        route("POST", "/sandbox/reset", 200, true, call -> {
          Instant now = Fields.of(call.body()).allowOnly("now").optionalInstant("now");
          reset.accept(now);
          return now(clock);
        }),
        route("GET", "/sandbox/clock", 200, false, call -> now(clock)),
        route("POST", "/sandbox/clock/advance", 200, true, call -> {
          clock.advance(advance(Fields.of(call.body()).allowOnly("seconds", "days", "months", "years"), clock));
          return now(clock);
        }),
        route("POST", setup + "/approve", 200, true, call -> {
          String email = Fields.of(call.body()).allowOnly("email").optionalString("email", null, "a string");
          String to = billing.payPal().approveAsPayer(setupId(call), email == null ? PayPalPages.DEFAULT_EMAIL : email);
          return Json.object("setup_id", setupId(call), "status", "approved", "redirect_url", to);
        }),
        route("POST", setup + "/cancel", 200, false, call -> Json.object("setup_id", setupId(call),
            "status", "cancelled", "redirect_url", billing.payPal().cancelAsPayer(setupId(call)))),
        route("GET", "/sandbox/dunning", 200, false, call -> dunning(billing.collections().schedule())),
        route("POST", "/sandbox/dunning", 200, true, call -> {
          Fields body = Fields.of(call.body()).allowOnly("retry_days", "suspend_after_days");
          List<Long> days = body.requiredLongs("retry_days", DunningSchedule.MAX_RETRIES, 1, DunningSchedule.MAX_DAYS);
          long suspendAfter = body.requiredLong("suspend_after_days", 0, DunningSchedule.MAX_DAYS);
          DunningSchedule.check(days, suspendAfter);
          DunningSchedule schedule = DunningSchedule.of(days.stream().map(Long::intValue).toList(), (int) suspendAfter);
          billing.collections().schedule(schedule);
          return dunning(schedule);
        }),
        route("GET", "/sandbox/webhook_deliveries", 200, false,
            call -> Json.object("data", webhooks.snapshot().stream().map(ControlRoutes::delivery).toList())));
  }

  private static Route route(String method, String template, int status, boolean hasBody, Route.Handler handler) {
    return new Route(method, template, status, Key.NONE, hasBody, Set.of(), handler);
  }

  private static Map<String, Object> now(SandboxClock clock) {
    return Json.object("now", Views.timestamp(clock.instant()));
  }

  private static String setupId(Route.Call call) {
    String id = call.path().get("setup_id");
    if (!SETUP_ID.matcher(id).matches()) {
      throw ApiError.notFound("setup_id", "No PayPal setup " + id + ".");
    }
    return id;
  }

  private static List<InvoiceLine> lines(Fields body) {
    List<Fields> items = body.requiredObjects("lines", InvoiceRules.MAX_LINES);
    List<InvoiceLine> lines = new ArrayList<>();
    for (Fields item : items) {
      item.allowOnly("description", "amount");
      lines.add(new InvoiceLine(item.requiredString("description", TEXT, "1 to 500 characters"),
          item.requiredLong("amount", 1, TransferRoutes.MAX_AMOUNT), null));
    }
    return lines;
  }

  /** One of {@code seconds}, {@code days}, {@code months} or {@code years}: calendar months and years in UTC. */
  private static Duration advance(Fields body, SandboxClock clock) {
    List<String> given = body.present("seconds", "days", "months", "years");
    if (given.size() > 1) {
      throw ApiError.parameterInvalid(given.get(1), "Give one of seconds, days, months and years.");
    }
    String unit = given.isEmpty() ? "seconds" : given.get(0);
    Instant now = clock.instant();
    Instant to = switch (unit) {
      case "days" -> now.plus(Duration.ofDays(body.requiredLong("days", 0, 36_500)));
      case "months" -> now.atZone(ZoneOffset.UTC).plusMonths(body.requiredLong("months", 0, 1_200)).toInstant();
      case "years" -> now.atZone(ZoneOffset.UTC).plusYears(body.requiredLong("years", 0, 100)).toInstant();
      default -> now.plusSeconds(body.requiredLong("seconds", 0, MAX_ADVANCE_SECONDS));
    };
    return Duration.between(now, to);
  }

  private static Map<String, Object> dunning(DunningSchedule schedule) {
    return Json.object(
        "retry_days", schedule.retryDays().stream().map(Integer::longValue).toList(),
        "suspend_after_days", (long) schedule.suspendAfterDays());
  }

  private static Map<String, Object> delivery(WebhookDelivery delivery) {
    return Json.object(
        "event_id", delivery.eventId(),
        "type", delivery.type(),
        "endpoint_id", delivery.endpointId(),
        "url", delivery.url(),
        "attempts", (long) delivery.attempts(),
        "status", delivery.status().name().toLowerCase(Locale.ROOT),
        "last_response_status", (long) delivery.lastResponseStatus());
  }
}
