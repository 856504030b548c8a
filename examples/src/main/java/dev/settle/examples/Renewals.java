package dev.settle.examples;

import dev.settle.AccountClient;
import dev.settle.SettleClient;
import dev.settle.card.CardDetails;
import dev.settle.model.CustomerId;
import dev.settle.model.License;
import dev.settle.model.LicenseId;
import dev.settle.model.Payment;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Year;

/**
 * Moves the sandbox clock a year at a time and shows each automatic renewal charged to the method
 * that is preferred at that moment, switching the preferred card between two renewals.
 *
 * <p>Run it with {@code mvn -q -pl examples -am package -DskipTests exec:java -Dexample=Renewals}.
 */
public final class Renewals {
  static final String CUSTOMER = "200001";
  static final LicenseId LICENSE = LicenseId.of("lic_demo200001");

  private Renewals() {}

  public static void main(String[] args) {
    try (Backend backend = Backend.fromEnvironment(System.out);
        SettleClient settle = backend.client()) {
      run(settle, backend.sandbox(), System.out);
    }
  }

  static void run(SettleClient settle, SandboxControls sandbox, PrintStream out) {
    AccountClient account = settle.account(CustomerId.of(CUSTOMER));
    License license = account.licenses().setAutoRenewal(LICENSE, true);
    out.printf("License %s (%s, %s a year), automatic renewal on, renews %s%n",
        license.id(), license.product(), license.price(), license.renewsAt().orElseThrow());

    for (int year = 1; year <= 2; year++) {
      if (year == 2) {
        CardDetails visa = CardDetails.builder().number("4242 4242 4242 4242")
            .expiry(12, Year.now().getValue() + 5).cvc("123").holderName("Nordlicht Studio GmbH").build();
        out.printf("Switching the preferred method to %s%n",
            Describe.method(account.paymentMethods().switchPreferred(visa)));
      }
      out.printf("Moved the sandbox clock a year, to %s%n", sandbox.advanceClock(Duration.ofDays(365)));
      License renewed = account.licenses().get(LICENSE);
      Payment charge = account.invoices().payments(renewed.lastRenewalInvoiceId().orElseThrow())
          .stream().reduce((first, last) -> last).orElseThrow();
      out.printf("  renewal invoice %s: %s, %s, charged to %s; next renewal %s%n",
          charge.invoiceId(), charge.status(), charge.amount(),
          charge.paymentMethodId().map(id -> Describe.method(account.paymentMethods().get(id))).orElse("nothing"),
          renewed.renewsAt().orElseThrow());
    }
  }
}
