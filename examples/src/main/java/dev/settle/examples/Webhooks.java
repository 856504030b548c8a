package dev.settle.examples;

import dev.settle.AccountClient;
import dev.settle.SettleClient;
import dev.settle.model.CustomerId;
import dev.settle.model.WebhookEndpoint;
import dev.settle.sandbox.SettleSandbox;
import java.io.PrintStream;
import java.util.List;

/**
 * Registers a webhook endpoint served by {@link WebhookReceiver}, then runs the renewals flow:
 * each renewal and payment arrives as a signed event that the receiver verifies and prints.
 *
 * <p>Run it with {@code mvn -q -pl examples -am package -DskipTests exec:java -Dexample=Webhooks}. It starts
 * its own sandbox, whose moved clock the receiver checks timestamps against.
 */
public final class Webhooks {
  private Webhooks() {}

  public static void main(String[] args) throws InterruptedException {
    try (SettleSandbox sandbox = SettleSandbox.builder().build().start();
        WebhookReceiver receiver = WebhookReceiver.start(sandbox.clock(), System.out)) {
      SettleClient settle = SettleClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build();
      run(settle, new SandboxControls(sandbox.baseUrl(), sandbox.apiKey()), receiver, System.out);
      sandbox.awaitDeliveries(sandbox.webhookDeliveries().size(), java.time.Duration.ofSeconds(10));
    }
  }

  static WebhookEndpoint run(SettleClient settle, SandboxControls sandbox, WebhookReceiver receiver, PrintStream out) {
    WebhookEndpoint endpoint = settle.webhookEndpoints().create(receiver.url(), List.of());
    receiver.trust(endpoint.secret().orElseThrow());
    out.printf("Registered %s for all events at %s%n", endpoint.id(), endpoint.url());

    AccountClient account = settle.account(CustomerId.of(Renewals.CUSTOMER));
    Renewals.run(settle, sandbox, out);
    out.printf("Account %s has %d open invoices%n", account.customerId(),
        account.invoices().list().stream().filter(i -> i.amountDue().minorUnits() > 0).count());
    return endpoint;
  }
}
