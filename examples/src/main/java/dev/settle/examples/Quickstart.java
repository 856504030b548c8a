package dev.settle.examples;

import dev.settle.AccountClient;
import dev.settle.SettleClient;
import dev.settle.card.CardDetails;
import dev.settle.model.Account;
import dev.settle.model.CustomerId;
import dev.settle.model.Invoice;
import dev.settle.model.InvoiceStatus;
import dev.settle.model.Payment;
import dev.settle.model.PaymentMethod;
import java.io.PrintStream;
import java.time.Year;

/**
 * The first flow: add a Visa card to a customer's account, make it the preferred method, and pay
 * an open invoice with it.
 *
 * <p>Run it with {@code mvn -q -pl examples -am package -DskipTests exec:java}. The customer is
 * {@code SETTLE_CUSTOMER_ID} when set, else the sandbox's Portal II demo account.
 */
public final class Quickstart {
  static final String DEMO_CUSTOMER = "200001";

  private Quickstart() {}

  public static void main(String[] args) {
    try (Backend backend = Backend.fromEnvironment(System.out);
        SettleClient settle = backend.client()) {
      String customer = System.getenv().getOrDefault("SETTLE_CUSTOMER_ID", DEMO_CUSTOMER);
      run(settle, CustomerId.of(customer), System.out);
    }
  }

  /** Runs the flow for {@code customer}, printing each step; returns the payment. */
  static Payment run(SettleClient settle, CustomerId customer, PrintStream out) {
    AccountClient account = settle.account(customer);

    Account before = account.get();
    out.printf("1. Account %s is on portal %s; preferred method: %s%n",
        before.customerId(), before.portal(), Describe.method(before.preferredPaymentMethod().orElse(null)));

    CardDetails visa = CardDetails.builder()
        .number("4242 4242 4242 4242")
        .expiry(12, Year.now().getValue() + 3)
        .cvc("123")
        .holderName("Ada Lovelace")
        .build();
    PaymentMethod card = account.paymentMethods().add(visa);
    out.printf("2. Added %s%n", Describe.method(card));

    PaymentMethod preferred = account.paymentMethods().makePreferred(card.id());
    out.printf("3. Preferred method is now %s%n", Describe.method(preferred));

    Invoice invoice = account.invoices().list(q -> q.status(InvoiceStatus.OPEN)).stream()
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Account " + customer + " has no open invoice"));
    out.printf("4. Paying invoice %s (%s), %s due by %s%n",
        invoice.number(), invoice.id(), invoice.amountDue(), invoice.dueAt());

    Payment payment = account.invoices().pay(invoice.id());
    out.printf("5. Payment %s: %s, %s%n", payment.id(), payment.status(), payment.amount());

    Invoice after = account.invoices().get(invoice.id());
    out.printf("6. Invoice %s is now %s; amount due %s%n", after.number(), after.status(), after.amountDue());
    return payment;
  }
}
