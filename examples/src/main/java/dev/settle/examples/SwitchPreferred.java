package dev.settle.examples;

import dev.settle.AccountClient;
import dev.settle.PreferredSwitchException;
import dev.settle.SettleClient;
import dev.settle.card.CardDetails;
import dev.settle.model.CustomerId;
import dev.settle.model.PaymentMethod;
import java.io.PrintStream;
import java.time.Year;
import java.util.stream.Collectors;

/**
 * Switches the preferred card on a Portal I and on a Portal II account with the same call, then
 * tries a card that the issuer declines on Portal I and shows the old card put back.
 *
 * <p>Run it with {@code mvn -q -pl examples -am package -DskipTests exec:java -Dexample=SwitchPreferred}.
 */
public final class SwitchPreferred {
  static final String PORTAL_ONE = "100002";
  static final String PORTAL_TWO = "200001";

  private SwitchPreferred() {}

  public static void main(String[] args) {
    try (Backend backend = Backend.fromEnvironment(System.out);
        SettleClient settle = backend.client()) {
      run(settle, System.out);
    }
  }

  static void run(SettleClient settle, PrintStream out) {
    String[][] switches = {{PORTAL_ONE, "5555 5555 5555 4444"}, {PORTAL_TWO, "3566 0020 2036 0505"}};
    for (String[] change : switches) {
      String customer = change[0];
      AccountClient account = settle.account(CustomerId.of(customer));
      out.printf("Account %s (portal %s)%n", customer, account.get().portal());
      out.printf("  before: %s%n", stored(account));
      PaymentMethod card = account.paymentMethods().switchPreferred(card(change[1], "Grace Hopper"));
      out.printf("  switched to %s%n", Describe.method(card));
      out.printf("  after:  %s%n", stored(account));
    }

    AccountClient portalOne = settle.account(CustomerId.of(PORTAL_ONE));
    out.printf("Account %s: switching to a card the issuer declines%n", PORTAL_ONE);
    try {
      portalOne.paymentMethods().switchPreferred(card("4000 0000 0000 0002", "Grace Hopper"));
    } catch (PreferredSwitchException e) {
      out.printf("  refused: %s%n", e.getCause().getMessage());
      out.printf("  old method put back: %s; preferred now: %s%n", e.previousRestored(),
          e.preferredAfter().map(Describe::method).orElse("none"));
    }
    out.printf("  stored: %s%n", stored(portalOne));
  }

  private static CardDetails card(String number, String holder) {
    return CardDetails.builder()
        .number(number).expiry(12, Year.now().getValue() + 2).cvc("123").holderName(holder).build();
  }

  private static String stored(AccountClient account) {
    return account.paymentMethods().list().stream().map(Describe::method).collect(Collectors.joining("; "));
  }
}
