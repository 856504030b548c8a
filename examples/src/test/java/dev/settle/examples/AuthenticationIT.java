package dev.settle.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.settle.AccountClient;
import dev.settle.AuthenticationRequiredException;
import dev.settle.PaymentDeclinedException;
import dev.settle.RequestOptions;
import dev.settle.card.Card;
import dev.settle.card.CardAuthentication;
import dev.settle.card.CardSetupId;
import dev.settle.exception.ConflictException;
import dev.settle.model.CustomerId;
import dev.settle.model.InvoiceId;
import dev.settle.model.InvoiceStatus;
import dev.settle.model.Payment;
import dev.settle.model.PaymentMethod;
import dev.settle.model.PaymentMethodId;
import dev.settle.model.PaymentStatus;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Strong customer authentication end to end against the sandbox: saving a card whose bank asks the
 * customer to authenticate, on both portals, when they do, when they never come back and when they
 * fail; and a payment they must authenticate, resumed, reloaded and retried.
 */
class AuthenticationIT extends SandboxFixture {
  private static final URI BACK = URI.create("https://shop.example/back?session=42");
  private static final String ONCE = "4000002500003155";

  private SandboxControls bank() {
    return new SandboxControls(sandbox.baseUrl(), sandbox.apiKey());
  }

  private static RequestOptions back() {
    return RequestOptions.builder().returnUrl(BACK).build();
  }

  private static List<PaymentMethodId> stored(AccountClient account) {
    return account.paymentMethods().list().stream().map(PaymentMethod::id).collect(Collectors.toList());
  }

  private static PaymentMethodId preferred(AccountClient account) {
    return account.get().preferredPaymentMethod().orElseThrow().id();
  }

  /** The switch to a card whose bank asks: thrown before the account is touched. */
  private AuthenticationRequiredException switchTo(AccountClient account, String number) {
    AuthenticationRequiredException thrown = catchThrowableOfType(AuthenticationRequiredException.class,
        () -> account.paymentMethods().switchPreferred(SandboxErrorsIT.card(number), back()));
    assertThat(thrown).isNotNull();
    assertThat(thrown.setupId()).hasValueSatisfying(id -> assertThat(id).startsWith("cs_"));
    assertThat(thrown.redirectUrl().toString()).startsWith(sandbox.baseUrl() + "sandbox/3ds/cs_");
    return thrown;
  }

  private static CardAuthentication authentication(AuthenticationRequiredException e) {
    return CardAuthentication.of(CardSetupId.of(e.setupId().orElseThrow()));
  }

  @ParameterizedTest(name = "account {0}")
  @CsvSource({"100002", "200001"})
  void aCardSavedWithAuthenticationBecomesPreferredOnlyOnceTheCustomerAuthenticated(String customer) {
    AccountClient account = settle.account(CustomerId.of(customer));
    PaymentMethodId before = preferred(account);
    List<PaymentMethodId> storedBefore = stored(account);

    AuthenticationRequiredException asked = switchTo(account, ONCE);
    assertThat(preferred(account)).as("unchanged while the customer is at the bank").isEqualTo(before);
    assertThat(stored(account)).isEqualTo(storedBefore);
    URI returned = bank().answerBank(asked.redirectUrl(), true).orElseThrow();
    assertThat(returned.toString()).startsWith(BACK.toString()).contains("setup_id=" + asked.setupId().orElseThrow());

    PaymentMethod card = account.paymentMethods().switchPreferred(authentication(asked));

    assertThat(card.usableOffSession()).isTrue();
    assertThat(card.details(Card.class).map(Card::lastFour)).contains("3155");
    assertThat(preferred(account)).isEqualTo(card.id());
    if (account.get().portal() == dev.settle.model.Portal.I) {
      assertThat(stored(account)).containsExactly(card.id());
    } else {
      assertThat(stored(account)).containsExactlyInAnyOrder(before, card.id());
    }
  }

  @ParameterizedTest(name = "account {0}")
  @CsvSource({"100002", "200001"})
  void anAbandonedAuthenticationLeavesTheAccountAsItWas(String customer) {
    AccountClient account = settle.account(CustomerId.of(customer));
    PaymentMethodId before = preferred(account);
    List<PaymentMethodId> storedBefore = stored(account);

    AuthenticationRequiredException asked = switchTo(account, "4000002760003184");
    assertThatThrownBy(() -> account.paymentMethods().add(authentication(asked)))
        .as("coming back without having answered the bank").isInstanceOf(AuthenticationRequiredException.class);

    assertThat(preferred(account)).isEqualTo(before);
    assertThat(stored(account)).isEqualTo(storedBefore);
  }

  @ParameterizedTest(name = "account {0}")
  @CsvSource({"100002", "200001"})
  void aFailedAuthenticationIsADeclineAndLeavesTheAccountAsItWas(String customer) {
    AccountClient account = settle.account(CustomerId.of(customer));
    PaymentMethodId before = preferred(account);
    List<PaymentMethodId> storedBefore = stored(account);
    AuthenticationRequiredException asked = switchTo(account, ONCE);

    bank().answerBank(asked.redirectUrl(), false);

    assertThatThrownBy(() -> account.paymentMethods().switchPreferred(authentication(asked)))
        .isInstanceOfSatisfying(PaymentDeclinedException.class,
            e -> assertThat(e.declineCode()).contains("authentication_failed"));
    assertThat(preferred(account)).isEqualTo(before);
    assertThat(stored(account)).isEqualTo(storedBefore);
  }

  @Test
  void aPaymentResumedAfterAuthenticationIsPaidOnceHoweverOftenItIsReloadedOrRetried() {
    AccountClient account = settle.account(CustomerId.of("200001"));
    AuthenticationRequiredException setup = switchTo(account, ONCE);
    bank().answerBank(setup.redirectUrl(), true);
    account.paymentMethods().switchPreferred(authentication(setup));
    InvoiceId invoice = InvoiceId.of("in_demo200001b");
    RequestOptions options = RequestOptions.builder().idempotencyKey("order-b-pay").returnUrl(BACK).build();

    AuthenticationRequiredException asked = catchThrowableOfType(AuthenticationRequiredException.class,
        () -> account.invoices().pay(invoice, options));
    assertThat(asked.invoiceId()).contains(invoice);
    assertThat(account.invoices().get(invoice).status()).isEqualTo(InvoiceStatus.OPEN);
    assertThatThrownBy(() -> account.invoices().confirmPayment(invoice, asked.paymentId().orElseThrow()))
        .as("not answered yet").isInstanceOf(AuthenticationRequiredException.class);
    URI returned = bank().answerBank(asked.redirectUrl(), true).orElseThrow();
    assertThat(returned.getQuery()).contains("payment_id=" + asked.paymentId().orElseThrow().value());

    Payment resumed = account.invoices().confirmPayment(invoice, asked.paymentId().orElseThrow());
    Payment reloaded = account.invoices().confirmPayment(invoice, asked.paymentId().orElseThrow());
    Payment reloadedAgain = account.invoices().confirmPaymentAsync(invoice, asked.paymentId().orElseThrow()).join();
    Payment retried = account.invoices().pay(invoice, options);

    assertThat(List.of(resumed, reloaded, reloadedAgain, retried)).allSatisfy(payment -> {
      assertThat(payment.id()).isEqualTo(asked.paymentId().orElseThrow());
      assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    });
    assertThat(account.invoices().get(invoice).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(account.invoices().payments(invoice).stream().toList()).singleElement()
        .satisfies(payment -> assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED));
    assertThatThrownBy(() -> account.invoices().pay(invoice, back()))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).contains("invoice_not_open"));
  }

  @Test
  void aPayPalCompletionRefusedOnPortalOneWorksAgainOnceTheCardIsRemovedWithTheSameKeyAndANewOne() {
    AccountClient portalOne = settle.account(CustomerId.of("100002"));
    dev.settle.paypal.PayPal paypal = dev.settle.paypal.PayPal.of(portalOne);
    RequestOptions key = RequestOptions.builder().idempotencyKey("paypal-complete-1").build();
    dev.settle.paypal.PayPalSetupId first = approvedSetup(paypal);
    dev.settle.paypal.PayPalSetupId second = approvedSetup(paypal);
    PaymentMethodId card = preferred(portalOne);

    assertThatThrownBy(() -> paypal.complete(first, key))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).contains("portal_single_method"));
    assertThatThrownBy(() -> paypal.complete(second))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).contains("portal_single_method"));
    assertThat(paypal.setup(first).status()).isEqualTo(dev.settle.paypal.PayPalSetupStatus.APPROVED);

    portalOne.paymentMethods().remove(card);
    PaymentMethod stored = paypal.complete(first, key);

    assertThat(stored.kind()).isEqualTo("paypal");
    assertThat(preferred(portalOne)).isEqualTo(stored.id());
    assertThat(paypal.setup(first).status()).isEqualTo(dev.settle.paypal.PayPalSetupStatus.COMPLETED);
    portalOne.paymentMethods().remove(stored.id());
    PaymentMethod storedWithANewKey = paypal.complete(second);
    assertThat(storedWithANewKey.kind()).isEqualTo("paypal");
    assertThat(stored(portalOne)).containsExactly(storedWithANewKey.id());
  }

  private dev.settle.paypal.PayPalSetupId approvedSetup(dev.settle.paypal.PayPal paypal) {
    dev.settle.paypal.PayPalSetup setup = paypal.startSetup(BACK, URI.create("https://shop.example/cancelled"));
    bank().approvePayPal(setup.id().value(), "camille@example.com");
    return setup.id();
  }
}
