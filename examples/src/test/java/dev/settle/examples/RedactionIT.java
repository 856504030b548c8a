package dev.settle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.AccountClient;
import dev.settle.SettleException;
import dev.settle.card.CardDetails;
import dev.settle.model.CustomerId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the whole flow and its failures while capturing everything that is printed, every
 * exception message and every result's {@code toString}, then looks for the card data and the
 * API key in all of it.
 */
class RedactionIT extends SandboxFixture {
  private static final String[][] CARDS = {
    {"4242424242424242", "318"}, {"4000000000000002", "927"}, {"4000000000009995", "464"},
    {"4000000000000127", "771"}, {"378282246310005", "5190"},
  };

  @Test
  void noCardNumberCvcOrApiKeyAppearsAnywhere() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    List<String> seen = new ArrayList<>();
    System.setOut(out);
    System.setErr(out);
    try {
      seen.add(Quickstart.run(settle, CustomerId.of("200001"), out).toString());
      AccountClient account = settle.account(CustomerId.of("200001"));
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
      seen.add(settle.toString());
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    seen.add(captured.toString(StandardCharsets.UTF_8));

    String everything = String.join("\n", seen);
    assertThat(everything).contains("4242").contains("PAID");
    for (String[] card : CARDS) {
      assertThat(everything).doesNotContain(card[0]).doesNotContain(card[0].substring(0, 12));
      assertThat(everything).doesNotContainPattern("\\b" + card[1] + "\\b");
    }
    assertThat(everything).doesNotContain(sandbox.apiKey());
  }
}
