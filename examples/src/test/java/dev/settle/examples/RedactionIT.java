package dev.settle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.AccountClient;
import dev.settle.AuthenticationRequiredException;
import dev.settle.HttpLogger;
import dev.settle.RequestOptions;
import dev.settle.SettleClient;
import dev.settle.card.CardAuthentication;
import dev.settle.card.CardDetails;
import dev.settle.card.CardSetupId;
import dev.settle.exception.SettleException;
import dev.settle.model.CustomerId;
import dev.settle.model.InvoiceId;
import dev.settle.model.PaymentMethod;
import dev.settle.model.WebhookEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every example flow and a set of failures with the HTTP log at its most verbose level,
 * capturing everything that is printed or logged, every exception message and every result's
 * {@code toString}, then looks for card data, tokens and the API key in all of it.
 */
class RedactionIT extends SandboxFixture {
  private static final String[][] CARDS = {
    {"4242424242424242", "318"}, {"4000000000000002", "927"}, {"4000000000009995", "464"},
    {"4000000000000127", "771"}, {"378282246310005", "5190"},
  };

  /** Every card number the example flows use. */
  private static final String[] EXAMPLE_CARDS = {
    "4242424242424242", "5555555555554444", "3566002020360505", "4000000000000002", "4000000000000341",
    "4000002500003155"
  };

  @Test
  void noCardNumberCvcTokenOrApiKeyAppearsAnywhere(@TempDir Path folder) throws Exception {
    List<String> secrets = new ArrayList<>();
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    List<String> seen = new ArrayList<>();
    List<String> httpLog = new CopyOnWriteArrayList<>();
    SettleClient logged = settle.newBuilder().httpLogger(httpLog::add, HttpLogger.Level.BODY).build();
    SandboxControls controls = new SandboxControls(sandbox.baseUrl(), sandbox.apiKey());
    System.setOut(out);
    System.setErr(out);
    try {
      seen.add(Quickstart.run(logged, CustomerId.of("200001"), out).toString());
      Observability.run(logged.newBuilder(), controls, out);
      SwitchPreferred.run(logged, out);
      seen.add(PayPalPreferred.run(logged, controls, out).toString());
      Renewals.run(logged, controls, out);
      seen.add(PayByBankTransfer.run(logged, controls, folder, out).toString());
      try (WebhookReceiver receiver = WebhookReceiver.start(sandbox.clock(), out)) {
        WebhookEndpoint endpoint = Webhooks.run(logged, controls, receiver, out);
        secrets.add(endpoint.secret().orElseThrow());
        seen.add(endpoint.toString());
        sandbox.awaitDeliveries(sandbox.webhookDeliveries().size(), Duration.ofSeconds(10));
      }
      Dunning.run(logged, controls, out);
      AccountClient account = logged.account(CustomerId.of("200001"));
      seen.add(authenticatedFlows(account, controls, InvoiceId.of(sandbox.createInvoice("200001", 9900, "Seats"))));
      for (String[] card : CARDS) {
        CardDetails details = CardDetails.builder()
            .number(card[0]).expiry(12, 2030).cvc(card[1]).holderName("Test Holder").build();
        seen.add(details.toString());
        try {
          seen.add(account.paymentMethods().add(details).toString());
        } catch (SettleException e) {
          seen.add(e.toString());
        }
      }
      seen.add(account.get().toString());
      seen.add(logged.toString());
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    seen.add(captured.toString(StandardCharsets.UTF_8));
    seen.addAll(httpLog);

    String everything = String.join("\n", seen);
    assertThat(everything).contains("4242").contains("PAID").contains("--> POST /v1/tokens")
        .contains("\"cvc\":\"****\"");
    assertThat(httpLog).as("the log shows bodies").anyMatch(line -> line.contains("\"last4\""));
    for (String number : EXAMPLE_CARDS) {
      assertThat(everything).doesNotContain(number).doesNotContain(number.substring(0, 12));
    }
    assertThat(everything).doesNotContain("\"cvc\":\"123\"").doesNotContainPattern("tok_[A-Za-z0-9]+");
    for (String[] card : CARDS) {
      assertThat(everything).doesNotContain(card[0]).doesNotContain(card[0].substring(0, 12));
      assertThat(everything).doesNotContainPattern("\\b" + card[1] + "\\b");
    }
    assertThat(everything).doesNotContain(sandbox.apiKey());
    assertThat(secrets).singleElement().satisfies(secret -> assertThat(everything).doesNotContain(secret));
    assertThat(everything).as("webhooks were received").contains("license.renewed");
    assertThat(everything).as("the dunning ran").contains("SUSPENDED").contains("cs_");
  }

  /** Saves a card through the bank's authentication and pays with it: every exception and result. */
  private static String authenticatedFlows(AccountClient account, SandboxControls bank, InvoiceId open) {
    List<String> seen = new ArrayList<>();
    RequestOptions back = RequestOptions.builder().returnUrl(URI.create("https://shop.example/back")).build();
    CardDetails card = CardDetails.builder().number("4000002500003155").expiry(12, 2030).cvc("123").build();
    try {
      account.paymentMethods().switchPreferred(card, back);
    } catch (AuthenticationRequiredException asked) {
      seen.add(asked.toString());
      seen.add(bank.answerBank(asked.redirectUrl(), true).orElseThrow().toString());
      PaymentMethod saved = account.paymentMethods().switchPreferred(
          CardAuthentication.of(CardSetupId.of(asked.setupId().orElseThrow())), back);
      seen.add(saved.toString());
    }
    try {
      account.invoices().pay(open, back);
    } catch (AuthenticationRequiredException asked) {
      seen.add(asked.toString());
      bank.answerBank(asked.redirectUrl(), true);
      seen.add(account.invoices().confirmPayment(open, asked.paymentId().orElseThrow()).toString());
    }
    return String.join("\n", seen);
  }
}
