package dev.settle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.AccountClient;
import dev.settle.AuthenticationRequiredException;
import dev.settle.RequestOptions;
import dev.settle.card.CardAuthentication;
import dev.settle.card.CardSetupId;
import dev.settle.model.CustomerId;
import dev.settle.model.Invoice;
import dev.settle.model.InvoiceCollection;
import dev.settle.model.InvoiceId;
import dev.settle.model.InvoiceStatus;
import dev.settle.model.License;
import dev.settle.model.LicenseId;
import dev.settle.model.LicenseStatus;
import dev.settle.model.Payment;
import dev.settle.model.PaymentMethod;
import dev.settle.model.PaymentStatus;
import dev.settle.model.WebhookEndpoint;
import dev.settle.sandbox.InvoiceDraft;
import dev.settle.webhooks.Dunning;
import dev.settle.webhooks.InvoicePaymentActionRequired;
import dev.settle.webhooks.InvoicePaymentFailed;
import dev.settle.webhooks.LicenseReactivated;
import dev.settle.webhooks.LicenseSuspended;
import dev.settle.webhooks.WebhookEvent;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Renewals and other automatic invoices charged without the customer, with each test card, and
 * the dunning of a failed one followed a day at a time, on both portals, through the client and
 * through the typed webhook events it verifies.
 */
class DunningIT extends SandboxFixture {
  private static final LicenseId LICENSE = LicenseId.of("lic_demo200001");
  private static final URI BACK = URI.create("https://shop.example/card-done");
  private AccountClient account;

  @BeforeEach
  void portalTwoAccount() {
    account = settle.account(CustomerId.of("200001"));
  }

  private SandboxControls controls() {
    return new SandboxControls(sandbox.baseUrl(), sandbox.apiKey());
  }

  /** Makes {@code number} preferred as a customer would: through their bank when it asks. */
  private PaymentMethod prefer(String number) {
    return prefer(account, number);
  }

  private PaymentMethod prefer(AccountClient on, String number) {
    try {
      return on.paymentMethods().switchPreferred(SandboxErrorsIT.card(number),
          RequestOptions.builder().returnUrl(BACK).build());
    } catch (AuthenticationRequiredException asked) {
      controls().answerBank(asked.redirectUrl(), true);
      return on.paymentMethods().switchPreferred(
          CardAuthentication.of(CardSetupId.of(asked.setupId().orElseThrow())));
    }
  }

  /** An invoice of {@code customer} charged without the customer on {@code due}. */
  private InvoiceId automaticInvoice(String customer, Instant due) {
    return InvoiceId.of(sandbox.createInvoice(customer,
        invoice -> invoice.line("Workshop", 25000).dueAt(due).collection(InvoiceDraft.Collection.AUTOMATIC)));
  }

  /** Status, attempts and the day of the next try counted from {@code first}, or -1 for none. */
  private static String collection(AccountClient on, InvoiceId invoice, Instant first) {
    Invoice read = on.invoices().get(invoice);
    return read.status() + " " + read.attemptCount() + " "
        + read.nextPaymentAttempt().map(next -> Duration.between(first, next).toDays()).orElse(-1L);
  }

  private Instant renewal() {
    return account.licenses().get(LICENSE).renewsAt().orElseThrow();
  }

  private void advanceTo(Instant when) {
    sandbox.clock().advance(Duration.between(sandbox.clock().instant(), when));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "4242424242424242, SUCCEEDED,       ,                   ACTIVE",
      "4000002500003155, SUCCEEDED,       ,                   ACTIVE",
      "4000002760003184, REQUIRES_ACTION, ,                   RENEWAL_FAILED",
      "4000000000000341, FAILED,          generic_decline,    RENEWAL_FAILED",
      "4000000000005266, FAILED,          insufficient_funds, RENEWAL_FAILED",
      "4000000000009995, FAILED,          insufficient_funds, RENEWAL_FAILED"})
  void aRenewalIsChargedWithoutTheCustomerToEachTestCard(String number, PaymentStatus charged, String declineCode,
      LicenseStatus after) {
    PaymentMethod card = prefer(number);
    assertThat(card.usableOffSession()).isTrue();

    advanceTo(renewal());

    License license = account.licenses().get(LICENSE);
    InvoiceId invoice = license.lastRenewalInvoiceId().orElseThrow();
    assertThat(license.status()).isEqualTo(after);
    assertThat(account.invoices().get(invoice).collection()).isEqualTo(InvoiceCollection.AUTOMATIC);
    assertThat(account.invoices().payments(invoice).stream().toList()).singleElement().satisfies(payment -> {
      assertThat(payment.status()).isEqualTo(charged);
      assertThat(payment.paymentMethodId()).contains(card.id());
      assertThat(payment.declineCode().orElse(null)).isEqualTo(declineCode);
    });
  }

  @Test
  void aCardShortOfFundsIsRetriedAndPaysOnTheSecondRetry() {
    prefer("4000000000005266");
    Instant renewal = renewal();
    advanceTo(renewal);
    InvoiceId invoice = account.licenses().get(LICENSE).lastRenewalInvoiceId().orElseThrow();

    List<String> days = new ArrayList<>();
    for (int day = 0; day <= 4; day++) {
      advanceTo(renewal.plus(Duration.ofDays(day)));
      Invoice read = account.invoices().get(invoice);
      days.add(read.status() + " " + read.attemptCount() + " " + read.nextPaymentAttempt().map(Instant::toString)
          .orElse("none") + " " + account.licenses().get(LICENSE).status());
    }

    assertThat(days).containsExactly(
        "OPEN 1 " + renewal.plus(Duration.ofDays(1)) + " RENEWAL_FAILED",
        "OPEN 2 " + renewal.plus(Duration.ofDays(3)) + " RENEWAL_FAILED",
        "OPEN 2 " + renewal.plus(Duration.ofDays(3)) + " RENEWAL_FAILED",
        "PAID 3 none ACTIVE",
        "PAID 3 none ACTIVE");
  }

  @Test
  void eachStepOfTheDunningArrivesAsAVerifiedTypedEvent() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.start(sandbox.clock(), new PrintStream(OutputStream.nullOutputStream()))) {
      WebhookEndpoint endpoint = settle.webhookEndpoints().create(receiver.url(), List.of());
      receiver.trust(endpoint.secret().orElseThrow());
      prefer("4000000000000341");
      Instant renewal = renewal();
      for (int day = 0; day <= 14; day++) {
        advanceTo(renewal.plus(Duration.ofDays(day)));
      }
      assertThat(account.licenses().get(LICENSE).status()).isEqualTo(LicenseStatus.SUSPENDED);
      PaymentMethod mastercard = account.paymentMethods().list().stream()
          .filter(m -> m.id().value().equals("pm_demo200001mastercard")).findFirst().orElseThrow();
      account.paymentMethods().makePreferred(mastercard.id());   // tried at once

      sandbox.awaitDeliveries(sandbox.webhookDeliveries().size(), Duration.ofSeconds(10));
      List<WebhookEvent> events = new ArrayList<>(receiver.events());
      List<Dunning> failures = events.stream().filter(InvoicePaymentFailed.class::isInstance)
          .map(e -> ((InvoicePaymentFailed) e)).filter(e -> e.customerId().value().equals("200001"))
          .map(e -> e.dunning().orElseThrow()).toList();
      assertThat(failures).extracting(Dunning::attemptCount).containsExactly(1, 2, 3, 4, 5);
      assertThat(failures).extracting(Dunning::isFinal).containsExactly(false, false, false, false, true);
      assertThat(failures.get(0).nextPaymentAttempt()).contains(renewal.plus(Duration.ofDays(1)));
      assertThat(events).filteredOn(LicenseSuspended.class::isInstance).singleElement()
          .satisfies(e -> assertThat(e.createdAt()).isEqualTo(renewal.plus(Duration.ofDays(14))));
      assertThat(events).filteredOn(LicenseReactivated.class::isInstance).singleElement()
          .satisfies(e -> assertThat(((LicenseReactivated) e).licenseId()).isEqualTo(LICENSE));
      assertThat(account.licenses().get(LICENSE).status()).isEqualTo(LicenseStatus.ACTIVE);
    }
  }

  @Test
  void aRenewalTheBankInsistsOnIsPaidAtTheHostedPageTheEventCarries() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.start(sandbox.clock(), new PrintStream(OutputStream.nullOutputStream()))) {
      WebhookEndpoint endpoint = settle.webhookEndpoints().create(receiver.url(),
          List.of(dev.settle.model.WebhookEventType.INVOICE_PAYMENT_ACTION_REQUIRED));
      receiver.trust(endpoint.secret().orElseThrow());
      prefer("4000002760003184");

      advanceTo(renewal());
      sandbox.awaitDeliveries(1, Duration.ofSeconds(10));
      InvoicePaymentActionRequired action = (InvoicePaymentActionRequired) receiver.events().take();
      assertThat(account.invoices().get(action.invoiceId()).status()).isEqualTo(InvoiceStatus.OPEN);
      controls().answerBank(action.hostedUrl(), true);

      Invoice paid = account.invoices().get(action.invoiceId());
      assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
      assertThat(account.licenses().get(LICENSE).status()).isEqualTo(LicenseStatus.ACTIVE);
      Payment payment = account.invoices().payments(action.invoiceId()).stream().toList().get(0);
      assertThat(payment.id().value()).isEqualTo(action.paymentId());
      assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    }
  }

  @ParameterizedTest(name = "account {0}")
  @CsvSource({"100002", "200001"})
  void anyInvoiceDueIsCollectedOnItsDueDateOnEitherPortal(String customer) {
    AccountClient on = settle.account(CustomerId.of(customer));
    Instant due = sandbox.clock().instant().plus(Duration.ofDays(10));
    InvoiceId invoice = automaticInvoice(customer, due);
    assertThat(on.invoices().get(invoice).collection()).isEqualTo(InvoiceCollection.AUTOMATIC);
    assertThat(collection(on, invoice, sandbox.clock().instant())).isEqualTo("OPEN 0 10");

    advanceTo(due.minusSeconds(1));
    assertThat(collection(on, invoice, due)).isEqualTo("OPEN 0 0");
    advanceTo(due);

    assertThat(collection(on, invoice, due)).isEqualTo("PAID 1 -1");
    assertThat(on.invoices().payments(invoice).stream().toList()).singleElement().satisfies(payment -> {
      assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
      assertThat(payment.paymentMethodId()).isEqualTo(on.get().preferredPaymentMethod().map(PaymentMethod::id));
    });
  }

  @ParameterizedTest(name = "account {0}")
  @CsvSource({"100002", "200001"})
  void aFailedRenewalIsRetriedThenPastDueThenSuspendedAndANewCardBringsItBackOnEitherPortal(String customer) {
    AccountClient on = settle.account(CustomerId.of(customer));
    License license = on.licenses().list().stream().filter(License::autoRenewal).findFirst().orElseThrow();
    assertThat(license.customerId()).isEqualTo(CustomerId.of(customer));
    prefer(on, "4000000000000341");
    Instant renewal = license.renewsAt().orElseThrow();

    List<String> days = new ArrayList<>();
    for (int day = 0; day <= 14; day++) {
      advanceTo(renewal.plus(Duration.ofDays(day)));
      License read = on.licenses().get(license.id());
      days.add(day + " " + read.status() + " " + collection(on, read.lastRenewalInvoiceId().orElseThrow(), renewal));
    }
    assertThat(days).containsExactly(
        "0 RENEWAL_FAILED OPEN 1 1", "1 RENEWAL_FAILED OPEN 2 3", "2 RENEWAL_FAILED OPEN 2 3",
        "3 RENEWAL_FAILED OPEN 3 5", "4 RENEWAL_FAILED OPEN 3 5", "5 RENEWAL_FAILED OPEN 4 7",
        "6 RENEWAL_FAILED OPEN 4 7", "7 PAST_DUE OPEN 5 -1", "8 PAST_DUE OPEN 5 -1", "9 PAST_DUE OPEN 5 -1",
        "10 PAST_DUE OPEN 5 -1", "11 PAST_DUE OPEN 5 -1", "12 PAST_DUE OPEN 5 -1", "13 PAST_DUE OPEN 5 -1",
        "14 SUSPENDED OPEN 5 -1");

    prefer(on, "4242424242424242");

    License back = on.licenses().get(license.id());
    assertThat(back.status()).isEqualTo(LicenseStatus.ACTIVE);
    assertThat(collection(on, back.lastRenewalInvoiceId().orElseThrow(), renewal)).isEqualTo("PAID 6 -1");
  }

  @ParameterizedTest(name = "account {0}")
  @CsvSource({"100002", "200001"})
  void aNewPreferredCardDuringDunningIsTriedAtOnceAndASoftDeclineResumesTheSchedule(String customer) {
    AccountClient on = settle.account(CustomerId.of(customer));
    prefer(on, "4000000000000341");
    Instant due = sandbox.clock().instant().plus(Duration.ofDays(2));
    InvoiceId invoice = automaticInvoice(customer, due);
    advanceTo(due.plus(Duration.ofDays(2)));
    assertThat(collection(on, invoice, due)).isEqualTo("OPEN 2 3");

    prefer(on, "4000000000009995");
    assertThat(collection(on, invoice, due)).as("tried at once, the schedule kept").isEqualTo("OPEN 3 3");
    advanceTo(due.plus(Duration.ofDays(3)));
    assertThat(collection(on, invoice, due)).isEqualTo("OPEN 4 5");
    advanceTo(due.plus(Duration.ofDays(8)));
    assertThat(collection(on, invoice, due)).isEqualTo("OPEN 6 -1");
    prefer(on, "4242424242424242");

    assertThat(collection(on, invoice, due)).isEqualTo("PAID 7 -1");
    assertThat(on.invoices().payments(invoice).stream().map(payment -> payment.declineCode().orElse("paid")).toList())
        .containsExactly("generic_decline", "generic_decline", "insufficient_funds", "insufficient_funds",
            "insufficient_funds", "insufficient_funds", "paid");
  }
}
