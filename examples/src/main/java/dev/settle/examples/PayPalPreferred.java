package dev.settle.examples;

import dev.settle.AccountClient;
import dev.settle.SettleClient;
import dev.settle.model.CustomerId;
import dev.settle.model.PaymentMethod;
import dev.settle.paypal.PayPal;
import dev.settle.paypal.PayPalAccount;
import dev.settle.paypal.PayPalApproval;
import dev.settle.paypal.PayPalSetup;
import java.io.PrintStream;
import java.net.URI;

/**
 * Saves a PayPal account through PayPal's approval step and makes it the preferred method, on a
 * Portal I account (where it replaces the stored card).
 *
 * <p>Run it with {@code mvn -q -pl examples -am package -DskipTests exec:java -Dexample=PayPalPreferred}.
 */
public final class PayPalPreferred {
  static final String CUSTOMER = "100002";

  private PayPalPreferred() {}

  public static void main(String[] args) {
    try (Backend backend = Backend.fromEnvironment(System.out);
        SettleClient settle = backend.client()) {
      run(settle, backend.sandbox(), System.out);
    }
  }

  static PaymentMethod run(SettleClient settle, SandboxControls sandbox, PrintStream out) {
    AccountClient account = settle.account(CustomerId.of(CUSTOMER));
    out.printf("1. Account %s (portal %s) pays with %s%n", CUSTOMER, account.get().portal(),
        Describe.method(account.get().preferredPaymentMethod().orElse(null)));

    PayPal paypal = PayPal.of(account);
    PayPalSetup setup = paypal.startSetup(
        URI.create("https://shop.example.com/paypal/return"), URI.create("https://shop.example.com/paypal/cancel"));
    out.printf("2. Send the customer to PayPal: %s (setup %s, %s)%n", setup.approvalUrl(), setup.id(), setup.status());

    URI back = sandbox.approvePayPal(setup.id().value(), "camille@example.com");
    out.printf("3. The customer approved; PayPal sent them back to %s%n", back);
    out.printf("   The setup is now %s%n", paypal.setup(setup.id()).status());

    PaymentMethod method = account.paymentMethods().switchPreferred(PayPalApproval.of(setup.id()));
    PayPalAccount wallet = method.details(PayPalAccount.class).orElseThrow();
    out.printf("4. Preferred method is now PayPal %s (payer %s, %s)%n", wallet.email(), wallet.payerId(), method.id());
    out.printf("5. Stored on the account: %s%n", Describe.method(account.get().preferredPaymentMethod().orElse(null)));
    return method;
  }
}
