package dev.settle.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.settle.AccountClient;
import dev.settle.AuthenticationRequiredException;
import dev.settle.PaymentDeclinedException;
import dev.settle.RequestOptions;
import dev.settle.SettleClient;
import dev.settle.UnsupportedPortalOperationException;
import dev.settle.card.CardAuthentication;
import dev.settle.card.CardDetails;
import dev.settle.card.CardSetupId;
import dev.settle.exception.AuthenticationException;
import dev.settle.exception.ConflictException;
import dev.settle.exception.NotFoundException;
import dev.settle.model.CustomerId;
import dev.settle.model.Invoice;
import dev.settle.model.InvoiceStatus;
import dev.settle.model.Payment;
import dev.settle.model.PaymentMethod;
import dev.settle.model.PaymentStatus;
import dev.settle.model.Portal;
import org.junit.jupiter.api.Test;

/** Every error the sandbox can give, as the client reports it. */
class SandboxErrorsIT extends SandboxFixture {

  static CardDetails card(String number) {
    return card(number, "123");
  }

  static CardDetails card(String number, String cvc) {
    return CardDetails.builder().number(number).expiry(12, 2030).cvc(cvc).holderName("Test Holder").build();
  }

  private AccountClient portalTwo() {
    return settle.account(CustomerId.of("200001"));
  }

  private Invoice firstOpen(AccountClient account) {
    return account.invoices().list(q -> q.status(InvoiceStatus.OPEN)).stream().findFirst().orElseThrow();
  }

  @Test
  void cardDeclinedWhenSavedLeavesTheAccountUnchanged() {
    AccountClient account = portalTwo();
    PaymentMethod preferredBefore = account.get().preferredPaymentMethod().orElseThrow();

    assertThatThrownBy(() -> account.paymentMethods().add(card("4000000000000002")))
        .isInstanceOfSatisfying(PaymentDeclinedException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(402);
          assertThat(e.code()).hasValue("card_declined");
          assertThat(e.declineCode()).hasValue("generic_decline");
          assertThat(e.requestId()).isPresent();
        });
    assertThat(account.get().preferredPaymentMethod()).hasValue(preferredBefore);
    assertThat(account.paymentMethods().list().stream().count()).isEqualTo(1);
  }

  @Test
  void chargeDeclinedForInsufficientFundsKeepsTheInvoiceOpen() {
    AccountClient account = portalTwo();
    PaymentMethod card = account.paymentMethods().add(card("4000000000009995"));
    Invoice invoice = firstOpen(account);

    assertThatThrownBy(() -> account.invoices().payWith(invoice.id(), card.id()))
        .isInstanceOfSatisfying(PaymentDeclinedException.class, e -> {
          assertThat(e.declineCode()).hasValue("insufficient_funds");
          assertThat(e.payment()).hasValueSatisfying(p -> assertThat(p.status()).isEqualTo(PaymentStatus.FAILED));
        });
    assertThat(account.invoices().get(invoice.id()).status()).isEqualTo(InvoiceStatus.OPEN);
  }

  @Test
  void cardThatNeedsAuthenticationIsSavedAndChargedOnlyThroughTheBanksPage() {
    AccountClient account = portalTwo();
    SandboxControls bank = new SandboxControls(sandbox.baseUrl(), sandbox.apiKey());
    AuthenticationRequiredException saving = catchThrowableOfType(AuthenticationRequiredException.class,
        () -> account.paymentMethods().add(card("4000002760003184")));
    bank.answerBank(saving.redirectUrl(), true);
    PaymentMethod card = account.paymentMethods().add(CardAuthentication.of(CardSetupId.of(saving.setupId().orElseThrow())));
    Invoice invoice = firstOpen(account);

    AuthenticationRequiredException paying = catchThrowableOfType(AuthenticationRequiredException.class,
        () -> account.invoices().payWith(invoice.id(), card.id()));

    assertThat(paying.redirectUrl().toString()).startsWith(sandbox.baseUrl().toString());
    assertThat(paying.payment()).hasValueSatisfying(p -> assertThat(p.status()).isEqualTo(PaymentStatus.REQUIRES_ACTION));
    assertThat(account.invoices().get(invoice.id()).status()).isEqualTo(InvoiceStatus.OPEN);
  }

  @Test
  void unknownCustomerIsNotFound() {
    assertThatThrownBy(() -> settle.account(CustomerId.of("999999")).get())
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.param()).hasValue("customer_id"));
  }

  @Test
  void wrongApiKeyIsRefused() {
    SettleClient wrongKey = settle.newBuilder().apiKey("sk_test_not_the_sandbox_key").build();

    assertThatThrownBy(() -> wrongKey.account(CustomerId.of("200001")).get())
        .isInstanceOf(AuthenticationException.class)
        .message().doesNotContain("sk_test_not_the_sandbox_key");
  }

  @Test
  void secondMethodOnPortalOneIsAConflict() {
    AccountClient account = settle.account(CustomerId.of("100002"));
    assertThat(account.get().portal()).isEqualTo(Portal.I);
    PaymentMethod stored = account.get().preferredPaymentMethod().orElseThrow();

    assertThatThrownBy(() -> account.paymentMethods().add(card("5555555555554444")))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).hasValue("portal_single_method"));
    assertThat(account.get().preferredPaymentMethod()).hasValue(stored);
  }

  @Test
  void firstMethodOnAnEmptyPortalOneAccountBecomesPreferred() {
    AccountClient account = settle.account(CustomerId.of("100001"));
    assertThat(account.get().preferredPaymentMethod()).isEmpty();

    PaymentMethod added = account.paymentMethods().add(card("378282246310005", "1234"));

    assertThat(added.preferred()).isTrue();
    assertThat(account.paymentMethods().makePreferred(added.id())).isEqualTo(added);
  }

  @Test
  void markingAnotherMethodOnPortalOneIsRefusedBeforeSending() {
    AccountClient account = settle.account(CustomerId.of("100002"));
    PaymentMethod stored = account.get().preferredPaymentMethod().orElseThrow();
    AccountClient portalTwo = portalTwo();
    PaymentMethod elsewhere = portalTwo.get().preferredPaymentMethod().orElseThrow();

    assertThatThrownBy(() -> account.paymentMethods().makePreferred(elsewhere.id()))
        .isInstanceOf(UnsupportedPortalOperationException.class);
    assertThat(account.get().preferredPaymentMethod()).hasValue(stored);
  }

  @Test
  void payingAPaidInvoiceIsAConflictAndTheSameKeyReplaysTheFirstPayment() {
    AccountClient account = portalTwo();
    Invoice invoice = firstOpen(account);
    RequestOptions once = RequestOptions.builder().idempotencyKey("order-42-pay").build();

    Payment first = account.invoices().pay(invoice.id(), once);
    Payment replay = account.invoices().pay(invoice.id(), once);

    assertThat(replay.id()).isEqualTo(first.id());
    assertThat(account.invoices().get(invoice.id()).amountPaid()).isEqualTo(invoice.total());
    assertThatThrownBy(() -> account.invoices().pay(invoice.id()))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).hasValue("invoice_not_open"));
  }
}
