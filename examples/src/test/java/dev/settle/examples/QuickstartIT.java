package dev.settle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.AccountClient;
import dev.settle.card.Card;
import dev.settle.card.CardBrand;
import dev.settle.model.CustomerId;
import dev.settle.model.InvoiceStatus;
import dev.settle.model.Payment;
import dev.settle.model.PaymentMethod;
import dev.settle.model.PaymentStatus;
import dev.settle.testing.ChildJvm;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The quickstart against a real sandbox, through the packaged jars of every module. */
class QuickstartIT extends SandboxFixture {

  @Test
  void addsAVisaMakesItPreferredAndPaysAnOpenInvoice() {
    CustomerId customer = CustomerId.of(Quickstart.DEMO_CUSTOMER);
    AccountClient account = settle.account(customer);
    long openBefore = account.invoices().list(q -> q.status(InvoiceStatus.OPEN)).stream().count();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    Payment payment = Quickstart.run(settle, customer, new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(payment.requestId()).as("the sandbox's request id").hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
    PaymentMethod preferred = account.get().preferredPaymentMethod().orElseThrow();
    Card card = preferred.details(Card.class).orElseThrow();
    assertThat(card.brand()).hasValue(CardBrand.VISA);
    assertThat(card.lastFour()).isEqualTo("4242");
    assertThat(payment.paymentMethodId()).hasValue(preferred.id());
    assertThat(account.invoices().get(payment.invoiceId()).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(account.invoices().list(q -> q.status(InvoiceStatus.OPEN)).stream().count()).isEqualTo(openBefore - 1);
    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
    assertThat(lines).hasSize(6);
    assertThat(lines.get(0)).startsWith("1. Account 200001 is on portal II");
    assertThat(lines.get(2)).contains("Visa ending in 4242").contains("preferred");
    assertThat(lines.get(4)).contains("SUCCEEDED");
    assertThat(lines.get(5)).contains("PAID");
  }

  @Test
  void theDemoEndsAsSoonAsItHasPrintedItsLastLine() throws Exception {
    ChildJvm.Run demo = ChildJvm.run(Quickstart.class, Duration.ofSeconds(120));

    assertThat(demo.exitStatus()).as("exit status; it printed %s", demo.lines()).isZero();
    assertThat(demo.lines()).hasSize(7);
    assertThat(demo.lines().get(0)).startsWith("Started an embedded sandbox at http://127.0.0.1:");
    assertThat(demo.lines().get(6)).startsWith("6. Invoice ").contains("is now PAID");
    assertThat(demo.exitAfterLastLine()).as("from the last line to the end").isLessThan(Duration.ofSeconds(1));
    System.out.printf("The packaged Quickstart ended %d ms after its last line%n", demo.exitAfterLastLine().toMillis());
  }

  @Test
  void runsOnThePackagedJarsWithOkHttpFromOkhttpJvm() {
    assertThat(jarOf(Card.class)).endsWith(".jar").contains("settle-card");
    assertThat(jarOf(dev.settle.SettleClient.class)).endsWith(".jar").contains("settle-core");
    assertThat(jarOf(okhttp3.OkHttpClient.class)).contains("okhttp-jvm").endsWith(".jar");
  }

  private static String jarOf(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation().getPath();
  }
}
