package dev.settle.sandbox;

import dev.settle.sandbox.Route.Key;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Simulated incoming bank transfers over HTTP, for clients in another process: {@code POST
 * /sandbox/transfers} receives one as {@link SettleSandbox#receiveTransfer} does, {@code GET
 * /sandbox/transfers} lists all received. Not part of the API contract; they need the API key,
 * and answer errors in the API's one error shape.
 */
final class TransferRoutes {
  static final String PATH = "/sandbox/transfers";
  /** A generous cap, far above any invoice, that keeps sums of amounts clear of overflow. */
  static final long MAX_AMOUNT = 1_000_000_000_000_000L;
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  /** SEPA's unstructured remittance information: one line of at most 140 characters. */
  private static final Pattern REFERENCE = Pattern.compile("(?s)(?=.*\\S).{1,140}");

  private TransferRoutes() {}

  static List<Route> routes(TransferRules transfers, SandboxClock clock) {
    return List.of(
        new Route("POST", PATH, 201, Key.NONE, true, Set.of(), call -> {
          Fields body = Fields.of(call.body()).allowOnly("amount", "currency", "reference", "value_date");
          long amount = body.requiredLong("amount", 1, MAX_AMOUNT);
          String currency = body.requiredString("currency", CURRENCY, "an upper-case ISO 4217 code such as EUR");
          if (!isCurrency(currency)) {
            throw ApiError.parameterInvalid("currency", "currency must be an ISO 4217 code such as EUR.");
          }
          String reference = body.requiredString("reference", REFERENCE,
              "a non-blank string of at most 140 characters");
          Instant valueDate = body.optionalInstant("value_date");
          Instant when = valueDate == null ? clock.instant() : valueDate;
          if (when.isAfter(clock.instant())) {
            throw ApiError.parameterInvalid("value_date", "value_date must not be later than the sandbox's now.");
          }
          return view(transfers.receive(amount, currency, reference, when));
        }),
        new Route("GET", PATH, 200, Key.NONE, false, Set.of(),
            call -> Json.object("data", transfers.all().stream().map(TransferRoutes::view).toList())));
  }

  static boolean isCurrency(String code) {
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static Map<String, Object> view(TransferReceipt receipt) {
    return Json.object(
        "id", receipt.id(),
        "amount", receipt.amountMinor(),
        "currency", receipt.currency(),
        "reference", receipt.reference(),
        "value_date", Views.timestamp(receipt.valueDate()),
        "customer_id", receipt.customerId(),
        "invoice_id", receipt.invoiceId(),
        "payment_id", receipt.paymentId(),
        "outcome", receipt.outcome().wireName(),
        "amount_applied", receipt.amountApplied(),
        "excess", receipt.excess());
  }
}
