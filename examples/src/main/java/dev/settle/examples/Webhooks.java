package dev.settle.examples;

import dev.settle.AccountClient;
import dev.settle.SettleClient;
import dev.settle.model.CustomerId;
import dev.settle.model.WebhookEndpoint;
import dev.settle.webhooks.LicenseRenewed;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * Registers a webhook endpoint served by {@link WebhookReceiver}, then runs the renewals flow:
 * each renewal and payment arrives as a signed event that the receiver verifies and prints.
 *
 * <p>Run it with {@code mvn -q -pl examples -am package -DskipTests exec:java -Dexample=Webhooks}.
 * The receiver checks timestamps against the sandbox's time, which the renewals move a year at a
 * time; the sandbox must be on this machine, as it delivers to loopback addresses only.
 */
public final class Webhooks {
  private static final Duration DELIVERED_WITHIN = Duration.ofSeconds(10);

  private Webhooks() {}

  public static void main(String[] args) throws InterruptedException {
    try (Backend backend = Backend.fromEnvironment(System.out);
        SettleClient settle = backend.client();
        WebhookReceiver receiver = WebhookReceiver.start(backend.sandbox().clock(), System.out)) {
      run(settle, backend.sandbox(), receiver, System.out);
    }
  }

  /** Runs the flow, and waits until the receiver has verified both renewals of the license. */
  static WebhookEndpoint run(SettleClient settle, SandboxControls sandbox, WebhookReceiver receiver, PrintStream out)
      throws InterruptedException {
    WebhookEndpoint endpoint = settle.webhookEndpoints().create(receiver.url(), List.of());
    receiver.trust(endpoint.secret().orElseThrow());
    out.printf("Registered %s for all events at %s%n", endpoint.id(), endpoint.url());

    AccountClient account = settle.account(CustomerId.of(Renewals.CUSTOMER));
    Renewals.run(settle, sandbox, out);
    boolean renewed = receiver.await(event -> event instanceof LicenseRenewed renewal
        && renewal.licenseId().equals(Renewals.LICENSE), 2, DELIVERED_WITHIN);
    out.printf("%s; account %s has %d open invoices%n",
        renewed ? "Both renewals arrived as verified events" : "The renewals did not all arrive within "
            + DELIVERED_WITHIN.toSeconds() + " s",
        account.customerId(), account.invoices().list().stream().filter(i -> i.amountDue().minorUnits() > 0).count());
    return endpoint;
  }
}
