package dev.settle.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.settle.AccountClient;
import dev.settle.AuthenticationRequiredException;
import dev.settle.OutcomeUnknownException;
import dev.settle.PaymentDeclinedException;
import dev.settle.RequestOptions;
import dev.settle.card.CardAuthentication;
import dev.settle.card.CardSetupId;
import dev.settle.exception.ConflictException;
import dev.settle.model.CustomerId;
import dev.settle.model.Invoice;
import dev.settle.model.InvoiceCollection;
import dev.settle.model.InvoiceId;
import dev.settle.model.InvoiceStatus;
import dev.settle.model.Payment;
import dev.settle.model.PaymentMethod;
import dev.settle.model.PaymentMethodId;
import dev.settle.model.PaymentStatus;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Strong customer authentication as a client that retries and does not block sees it: the
 * asynchronous forms end in the same exception, a call repeated with its key while the customer is
 * at the bank answers the same payment or setup, and a call whose answer was lost is repeated with
 * {@link OutcomeUnknownException#retryOptions()}, return URL included.
 */
class AuthenticationRetriesIT extends SandboxFixture {
  private static final URI BACK = URI.create("https://shop.example/back?session=42");
  private static final String ONCE = "4000002500003155";
  private static final String EVERY_TIME = "4000002760003184";

  private SandboxControls bank() {
    return new SandboxControls(sandbox.baseUrl(), sandbox.apiKey());
  }

  private static RequestOptions back() {
    return RequestOptions.builder().returnUrl(BACK).build();
  }

  private static RequestOptions key(String key) {
    return RequestOptions.builder().idempotencyKey(key).returnUrl(BACK).build();
  }

  /** What a future failed with, which must be the customer's bank asking. */
  private static AuthenticationRequiredException asked(CompletableFuture<?> future) {
    Throwable failure = catchThrowable(future::join);
    assertThat(failure).hasCauseInstanceOf(AuthenticationRequiredException.class);
    return (AuthenticationRequiredException) failure.getCause();
  }

  private static CardAuthentication authentication(AuthenticationRequiredException e) {
    return CardAuthentication.of(CardSetupId.of(e.setupId().orElseThrow()));
  }

  /** Account 200001 with a card preferred through the bank's page, whose every payment it asks about. */
  private AccountClient payingWithACardTheBankAsksAbout() {
    AccountClient account = settle.account(CustomerId.of("200001"));
    AuthenticationRequiredException asked = catchThrowableOfType(AuthenticationRequiredException.class,
        () -> account.paymentMethods().switchPreferred(SandboxErrorsIT.card(ONCE), back()));
    bank().answerBank(asked.redirectUrl(), true);
    account.paymentMethods().switchPreferred(authentication(asked));
    return account;
  }

  @ParameterizedTest(name = "account {0}")
  @CsvSource({"100002", "200001"})
  void theAsynchronousFormsEndInTheSameExceptionAndResume(String customer) {
    AccountClient account = settle.account(CustomerId.of(customer));

    AuthenticationRequiredException setup =
        asked(account.paymentMethods().switchPreferredAsync(SandboxErrorsIT.card(ONCE), back()));
    asked(account.paymentMethods().switchPreferredAsync(authentication(setup)));
    assertThat(account.get().preferredPaymentMethod().orElseThrow().id().value()).as("unchanged").startsWith("pm_demo");
    bank().answerBank(setup.redirectUrl(), true);
    PaymentMethod card = account.paymentMethods().switchPreferredAsync(authentication(setup)).join();
    assertThat(card.usableOffSession()).isTrue();
    assertThat(account.get().preferredPaymentMethod().orElseThrow().id()).isEqualTo(card.id());

    InvoiceId invoice = InvoiceId.of(sandbox.createInvoice(customer, 4900, "Two seats"));
    AuthenticationRequiredException payment = asked(account.invoices().payAsync(invoice, back()));
    asked(account.invoices().confirmPaymentAsync(invoice, payment.paymentId().orElseThrow()));
    URI returned = bank().answerBank(payment.redirectUrl(), true).orElseThrow();
    assertThat(returned.toString()).isEqualTo(BACK + "&payment_id=" + payment.paymentId().orElseThrow().value());
    Payment paid = account.invoices().confirmPaymentAsync(invoice, payment.paymentId().orElseThrow()).join();

    assertThat(paid.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    Invoice read = account.invoices().get(invoice);
    assertThat(read.status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(read.customerId()).isEqualTo(CustomerId.of(customer));
    assertThat(read.collection()).isEqualTo(InvoiceCollection.MANUAL);
  }

  @Test
  void aPaymentRepeatedWithItsKeyWhileTheCustomerIsAtTheBankIsTheSamePayment() {
    AccountClient account = payingWithACardTheBankAsksAbout();
    InvoiceId invoice = InvoiceId.of("in_demo200001c");
    RequestOptions options = key("order-c-pay");

    AuthenticationRequiredException first = catchThrowableOfType(AuthenticationRequiredException.class,
        () -> account.invoices().pay(invoice, options));
    AuthenticationRequiredException again = catchThrowableOfType(AuthenticationRequiredException.class,
        () -> account.invoices().pay(invoice, options));
    AuthenticationRequiredException async = asked(account.invoices().payAsync(invoice, options));

    assertThat(again.paymentId()).isEqualTo(first.paymentId());
    assertThat(async.paymentId()).isEqualTo(first.paymentId());
    assertThat(again.redirectUrl()).isEqualTo(first.redirectUrl());
    bank().answerBank(first.redirectUrl(), true);
    assertThat(account.invoices().pay(invoice, options).id()).isEqualTo(first.paymentId().orElseThrow());
    assertThat(account.invoices().payments(invoice).stream().toList()).singleElement()
        .satisfies(payment -> assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED));

    InvoiceId other = InvoiceId.of("in_demo200001d");
    RequestOptions otherKey = key("order-d-pay");
    AuthenticationRequiredException failing = catchThrowableOfType(AuthenticationRequiredException.class,
        () -> account.invoices().pay(other, otherKey));
    bank().answerBank(failing.redirectUrl(), false);
    assertThatThrownBy(() -> account.invoices().pay(other, otherKey))
        .isInstanceOfSatisfying(PaymentDeclinedException.class,
            e -> assertThat(e.declineCode()).contains("authentication_failed"));
    assertThat(account.invoices().get(other).status()).isEqualTo(InvoiceStatus.OPEN);
  }

  @ParameterizedTest(name = "account {0}")
  @CsvSource({"100002", "200001"})
  void aSwitchRepeatedWithItsKeyAnswersTheSameSetupThenStoresTheCardOnce(String customer) {
    AccountClient account = settle.account(CustomerId.of(customer));
    RequestOptions options = key("switch-" + customer);

    AuthenticationRequiredException first = catchThrowableOfType(AuthenticationRequiredException.class,
        () -> account.paymentMethods().switchPreferred(SandboxErrorsIT.card(ONCE), options));
    AuthenticationRequiredException again = catchThrowableOfType(AuthenticationRequiredException.class,
        () -> account.paymentMethods().switchPreferred(SandboxErrorsIT.card(ONCE), options));
    assertThat(again.setupId()).isEqualTo(first.setupId());
    bank().answerBank(first.redirectUrl(), true);

    PaymentMethod stored = account.paymentMethods().switchPreferred(SandboxErrorsIT.card(ONCE), options);
    PaymentMethod replayed = account.paymentMethods().switchPreferred(SandboxErrorsIT.card(ONCE), options);

    assertThat(stored.usableOffSession()).isTrue();
    assertThat(account.get().preferredPaymentMethod().orElseThrow().id()).isEqualTo(stored.id());
    assertThat(replayed.id()).isEqualTo(stored.id());
    assertThat(account.paymentMethods().list().stream().filter(m -> m.id().equals(stored.id()))).hasSize(1);
    assertThatThrownBy(() -> account.paymentMethods().switchPreferred(authentication(first)))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).contains("setup_already_completed"));
  }

  @Test
  void anUnknownOutcomeIsRepeatedWithTheCallsReturnUrl() {
    AccountClient account = payingWithACardTheBankAsksAbout();
    InvoiceId invoice = InvoiceId.of("in_demo200001c");
    RequestOptions options = key("order-c-pay");
    sandbox.faults().route("POST /v1/accounts/*/invoices/*/pay").dropAfterCommit(1.0);
    OutcomeUnknownException unknown = catchThrowableOfType(OutcomeUnknownException.class,
        () -> account.invoices().pay(invoice, options));
    Throwable unknownAsync = catchThrowable(() -> account.invoices().payAsync(invoice, options).join());
    sandbox.faults().clear();

    assertThat(unknown.retryOptions().returnUrl()).contains(BACK);
    assertThat(unknown.retryOptions().idempotencyKey()).contains("order-c-pay");
    assertThat(unknownAsync).hasCauseInstanceOf(OutcomeUnknownException.class);
    assertThat(((OutcomeUnknownException) unknownAsync.getCause()).retryOptions().returnUrl()).contains(BACK);
    assertThat(unknown.getMessage()).doesNotContain("session=42");
    AuthenticationRequiredException asked = catchThrowableOfType(AuthenticationRequiredException.class,
        () -> account.invoices().pay(invoice, unknown.retryOptions()));
    assertThat(bank().answerBank(asked.redirectUrl(), true).orElseThrow().toString()).startsWith(BACK.toString());
    assertThat(account.invoices().payments(invoice).stream().toList()).as("the repeat was the same payment")
        .singleElement().satisfies(payment -> assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED));

    sandbox.faults().route("POST /v1/accounts/*/card_setups").dropAfterCommit(1.0);
    OutcomeUnknownException lostSetup = catchThrowableOfType(OutcomeUnknownException.class,
        () -> account.paymentMethods().switchPreferred(SandboxErrorsIT.card(EVERY_TIME), back()));
    sandbox.faults().clear();
    assertThat(lostSetup.retryOptions().returnUrl()).contains(BACK);
    AuthenticationRequiredException setup = catchThrowableOfType(AuthenticationRequiredException.class,
        () -> account.paymentMethods().switchPreferred(SandboxErrorsIT.card(EVERY_TIME), lostSetup.retryOptions()));
    assertThat(bank().answerBank(setup.redirectUrl(), true).orElseThrow().toString()).startsWith(BACK.toString());

    sandbox.faults().route("POST /v1/accounts/*/card_setups/*/complete").dropAfterCommit(1.0);
    OutcomeUnknownException lostCompletion = catchThrowableOfType(OutcomeUnknownException.class,
        () -> account.paymentMethods().switchPreferred(authentication(setup)));
    sandbox.faults().clear();
    PaymentMethod stored = account.paymentMethods().switchPreferred(authentication(setup), lostCompletion.retryOptions());
    assertThat(stored.usableOffSession()).isTrue();
    assertThat(account.get().preferredPaymentMethod().orElseThrow().id()).isEqualTo(stored.id());
  }

  @Test
  void aCardAddedOnPortalOneWhileOneIsStoredIsStoredWithTheSameKeyOnceThatOneIsRemoved() {
    AccountClient portalOne = settle.account(CustomerId.of("100002"));
    AuthenticationRequiredException asked = catchThrowableOfType(AuthenticationRequiredException.class,
        () -> portalOne.paymentMethods().add(SandboxErrorsIT.card(ONCE), back()));
    bank().answerBank(asked.redirectUrl(), true);
    RequestOptions options = RequestOptions.builder().idempotencyKey("add-once").build();

    assertThatThrownBy(() -> portalOne.paymentMethods().add(authentication(asked), options))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).contains("portal_single_method"));
    assertThatThrownBy(() -> portalOne.paymentMethods().add(authentication(asked)))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).contains("portal_single_method"));
    portalOne.paymentMethods().remove(PaymentMethodId.of("pm_demo100002visa"));
    PaymentMethod stored = portalOne.paymentMethods().add(authentication(asked), options);

    assertThat(stored.usableOffSession()).isTrue();
    assertThat(stored.preferred()).isTrue();
    assertThat(portalOne.paymentMethods().list().stream().map(PaymentMethod::id).toList()).containsExactly(stored.id());
  }
}
