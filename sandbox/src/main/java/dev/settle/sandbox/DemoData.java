package dev.settle.sandbox;

import dev.settle.sandbox.Model.Account;
import dev.settle.sandbox.Model.CardFacts;
import dev.settle.sandbox.Model.InvoiceLine;
import dev.settle.sandbox.Model.License;
import dev.settle.sandbox.SettleSandbox.DemoAccount;
import dev.settle.sandbox.SettleSandbox.Portal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The accounts every sandbox starts with (and {@link SettleSandbox#reset()} restores). Ids are
 * fixed so that tests and the README can name them; times are relative to the sandbox clock.
 */
final class DemoData {
  static final List<DemoAccount> ACCOUNTS = List.of(
      new DemoAccount("100001", Portal.I, "Atelier Dupont", "EUR"),
      new DemoAccount("100002", Portal.I, "Brasserie Martin", "EUR"),
      new DemoAccount("200001", Portal.II, "Nordlicht Studio GmbH", "EUR"),
      new DemoAccount("300001", Portal.II, "Sakura Kogyo K.K.", "JPY"));

  private DemoData() {}

  static void populate(Billing billing, Instant now) {
    int year = now.atZone(ZoneOffset.UTC).getYear();

    // Portal I, nothing stored: adding a first card, paying once, bank transfer.
    Account dupont = billing.accounts().add("100001", Portal.I, "Atelier Dupont",
        "billing@atelier-dupont.example", "EUR", daysAgo(now, 400));
    License dupontPro = billing.licenses().add(dupont, "lic_demo100001", "Settle Pro (annual)", 11900, daysAgo(now, 400));
    LicenseRules.activate(dupontPro, daysAgo(now, 200));
    billing.invoices().add(dupont, "in_demo100001a",
        List.of(new InvoiceLine("Settle Pro (annual)", 11900, dupontPro.id)), daysAgo(now, 40));
    billing.invoices().add(dupont, "in_demo100001b",
        List.of(new InvoiceLine("Two additional seats", 4900, null)), daysAgo(now, 10));

    // Portal I with its one card: switching means remove, then add.
    Account martin = billing.accounts().add("100002", Portal.I, "Brasserie Martin",
        "compta@brasserie-martin.example", "EUR", daysAgo(now, 300));
    billing.paymentMethods().add(martin, "pm_demo100002visa",
        card(Cards.Brand.VISA, "4242", 12, year + 3, "Claire Martin"), true, daysAgo(now, 300));
    License martinPro = billing.licenses().add(martin, "lic_demo100002a", "Settle Pro (annual)", 11900, daysAgo(now, 300));
    LicenseRules.activate(martinPro, daysAgo(now, 300));
    martinPro.autoRenewal = true;
    billing.licenses().add(martin, "lic_demo100002", "Settle Starter (annual)", 4900, daysAgo(now, 2));

    // Portal II with many methods possible: switching means add, then mark preferred.
    Account nordlicht = billing.accounts().add("200001", Portal.II, "Nordlicht Studio GmbH",
        "finance@nordlicht.example", "EUR", daysAgo(now, 500));
    billing.paymentMethods().add(nordlicht, "pm_demo200001mastercard",
        card(Cards.Brand.MASTERCARD, "4444", 8, year + 2, "Jonas Berg"), true, daysAgo(now, 500));
    License team = billing.licenses().add(nordlicht, "lic_demo200001", "Settle Team (annual)", 49900, daysAgo(now, 500));
    LicenseRules.activate(team, daysAgo(now, 95));
    team.autoRenewal = true;
    billing.invoices().add(nordlicht, "in_demo200001a",
        List.of(new InvoiceLine("Settle Team (annual)", 49900, team.id)), daysAgo(now, 95))
        .markPaid(daysAgo(now, 94));
    billing.invoices().add(nordlicht, "in_demo200001b",
        List.of(new InvoiceLine("Five additional seats", 9900, null)), daysAgo(now, 60));
    billing.invoices().add(nordlicht, "in_demo200001c",
        List.of(new InvoiceLine("Priority support, one quarter", 14900, null)), daysAgo(now, 30));
    billing.invoices().add(nordlicht, "in_demo200001d",
        List.of(new InvoiceLine("Five additional seats", 9900, null),
            new InvoiceLine("Onboarding workshop", 25000, null)), daysAgo(now, 3));

    // Portal II in a currency without minor digits.
    Account sakura = billing.accounts().add("300001", Portal.II, "Sakura Kogyo K.K.", null, "JPY", daysAgo(now, 100));
    License sakuraTeam = billing.licenses().add(sakura, "lic_demo300001", "Settle Team (annual)", 59800, daysAgo(now, 100));
    LicenseRules.activate(sakuraTeam, daysAgo(now, 100));
    billing.invoices().add(sakura, "in_demo300001a",
        List.of(new InvoiceLine("Settle Team (annual)", 59800, null)), daysAgo(now, 7));
  }

  private static CardFacts card(Cards.Brand brand, String last4, int expMonth, int expYear, String holder) {
    return new CardFacts(brand, last4, expMonth, expYear, holder, Cards.Behavior.SUCCEEDS);
  }

  private static Instant daysAgo(Instant now, int days) {
    return now.minus(Duration.ofDays(days));
  }
}
