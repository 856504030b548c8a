package dev.settle.examples;

import dev.settle.AccountClient;
import dev.settle.SettleClient;
import dev.settle.card.CardDetails;
import dev.settle.model.CustomerId;
import dev.settle.model.Invoice;
import dev.settle.model.InvoiceId;
import dev.settle.model.License;
import dev.settle.model.LicenseId;
import dev.settle.model.Payment;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A year with a failing card: the renewal is declined, retried on the dunning schedule a day at a
 * time, the license goes past due and is suspended, then the customer switches to a new card,
 * which is tried at once, and the license comes back.
 *
 * <p>Run it with {@code mvn -q -pl examples -am package -DskipTests exec:java -Dexample=Dunning}.
 */
public final class Dunning {
  static final String CUSTOMER = "200001";
  static final LicenseId LICENSE = LicenseId.of("lic_demo200001");
  /** A card that stores fine and is declined at every charge. */
  static final String FAILING_CARD = "4000 0000 0000 0341";
  static final String NEW_CARD = "5555 5555 5555 4444";
  /** Days after the renewal to follow; the customer switches cards on the last. */
  static final int DAYS = 16;
  private static final String DATE = "  %-10s  ";
  private static final String STATE = "%-8s  %-13s  %-9s  %-10s  %s%n";

  private Dunning() {}

  public static void main(String[] args) {
    try (Backend backend = Backend.fromEnvironment(System.out); SettleClient settle = backend.client()) {
      run(settle, backend.sandbox(), System.out);
    }
  }

  static void run(SettleClient settle, SandboxControls sandbox, PrintStream out) {
    AccountClient account = settle.account(CustomerId.of(CUSTOMER));
    License license = account.licenses().setAutoRenewal(LICENSE, true);
    Instant renewal = license.renewsAt().orElseThrow();
    out.printf("Account %s renews %s (%s a year) on %s, charged to its preferred method.%n",
        CUSTOMER, license.product(), license.price(), day(renewal));
    out.printf("The customer switches to %s: it stores fine, and its bank declines every charge.%n",
        Describe.method(account.paymentMethods().switchPreferred(card(FAILING_CARD))));

    sandbox.advanceClock(Duration.between(sandbox.now(), renewal));
    InvoiceId renewalInvoice = account.licenses().get(LICENSE).lastRenewalInvoiceId().orElseThrow();
    out.printf("On %s the renewal invoice is issued and charged without the customer; each day after, the "
        + "billing system retries it on its schedule:%n", day(renewal));
    out.printf(DATE + STATE, "date", "status", "invoice", "attempts", "next try", "license");
    String shown = "";
    for (int day = 0; day <= DAYS; day++) {
      if (day > 0) {
        sandbox.advanceClock(Duration.ofDays(1));
      }
      if (day == DAYS) {
        out.printf("On %s the customer switches to %s; the new preferred method is tried at once.%n",
            day(sandbox.now()), Describe.method(account.paymentMethods().switchPreferred(card(NEW_CARD))));
      }
      Invoice invoice = account.invoices().get(renewalInvoice);
      String state = String.format(STATE, invoice.status(), invoice.number(), invoice.attemptCount(),
          invoice.nextPaymentAttempt().map(Dunning::day).orElse("none"), account.licenses().get(LICENSE).status());
      // A row for each day something changed; the days nothing happens are left out.
      if (!state.equals(shown)) {
        out.printf(DATE, day(sandbox.now()));
        out.print(state);
        shown = state;
      }
    }

    List<Payment> attempts = account.invoices().payments(renewalInvoice).stream().toList();
    out.printf("Every attempt on the renewal invoice (%d):%n", attempts.size());
    for (int i = 0; i < attempts.size(); i++) {
      Payment attempt = attempts.get(i);
      out.printf("  %d. %s  %-9s  %s%s%n", i + 1, day(attempt.createdAt()), attempt.status(),
          attempt.paymentMethodId().map(id -> Describe.method(account.paymentMethods().get(id))).orElse("no method"),
          attempt.declineCode().map(code -> ", declined: " + code).orElse(""));
    }
    License after = account.licenses().get(LICENSE);
    out.printf("The license is %s again and renews next on %s.%n", after.status(),
        after.renewsAt().map(Dunning::day).orElse("never"));
  }

  private static CardDetails card(String number) {
    return CardDetails.builder().number(number).expiry(12, Year.now().getValue() + 5).cvc("123")
        .holderName("Nordlicht Studio GmbH").build();
  }

  private static String day(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
  }
}
