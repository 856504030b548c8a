package dev.settle.examples;

import static dev.settle.examples.FaultyNetwork.Fault.BAD_GATEWAY_AFTER;
import static dev.settle.examples.FaultyNetwork.Fault.DROP_AFTER;
import static dev.settle.examples.FaultyNetwork.Fault.UNAVAILABLE_BEFORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.AccountClient;
import dev.settle.PaymentDeclinedException;
import dev.settle.PreferredSwitchException;
import dev.settle.card.Card;
import dev.settle.card.CardDetails;
import dev.settle.exception.ServerException;
import dev.settle.model.CustomerId;
import dev.settle.model.PaymentMethod;
import dev.settle.model.Portal;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Switching the preferred method against the sandbox on both portals, and the Portal I switch with
 * its add step failed in every way: the account must always end with a preferred method, the old
 * or the new, and the outcome must say which.
 */
class SwitchPreferredIT extends SandboxFixture {
  private static final String ATTACH = "/v1/accounts/100002/payment_methods";
  private final FaultyNetwork network = new FaultyNetwork();
  private AccountClient portalOne;
  private PaymentMethod original;

  @BeforeEach
  void portalOneAccountBehindAFaultyNetwork() {
    settle = settle.newBuilder()
        .okHttpClient(new OkHttpClient.Builder().addInterceptor(network).build())
        .build();
    portalOne = settle.account(CustomerId.of("100002"));
    assertThat(portalOne.get().portal()).isEqualTo(Portal.I);
    original = portalOne.get().preferredPaymentMethod().orElseThrow();
  }

  private static CardDetails mastercard() {
    return SandboxErrorsIT.card("5555555555554444");
  }

  /** The Portal I invariant: one stored method, preferred, and it is {@code expected}. */
  private void assertSingleStoredAndPreferred(PaymentMethod expected) {
    List<PaymentMethod> stored = portalOne.paymentMethods().list().stream().collect(Collectors.toList());
    assertThat(stored).singleElement().satisfies(method -> {
      assertThat(method.id()).isEqualTo(expected.id());
      assertThat(method.preferred()).isTrue();
    });
    assertThat(portalOne.get().preferredPaymentMethod().map(PaymentMethod::id)).hasValue(expected.id());
  }

  private void failEveryAttempt(FaultyNetwork.Fault fault) {
    for (int i = 0; i < ATTEMPTS; i++) {
      network.failNext("POST", ATTACH, fault);
    }
  }

  @Test
  void portalOneReplacesTheStoredMethod() {
    PaymentMethod added = portalOne.paymentMethods().switchPreferred(mastercard());

    assertThat(added.details(Card.class).map(Card::lastFour)).hasValue("4444");
    assertSingleStoredAndPreferred(added);
  }

  @Test
  void portalOnePutsTheOldMethodBackWhenTheNewCardIsDeclined() {
    assertThatThrownBy(() -> portalOne.paymentMethods().switchPreferred(SandboxErrorsIT.card("4000000000000002")))
        .isInstanceOfSatisfying(PreferredSwitchException.class, e -> {
          assertThat(e.previousRestored()).isTrue();
          assertThat(e.preferredAfter().map(PaymentMethod::id)).hasValue(original.id());
          assertThat(e.getCause()).isInstanceOf(PaymentDeclinedException.class);
        });
    assertSingleStoredAndPreferred(original);
  }

  @Test
  void portalOnePutsTheOldMethodBackWhenTheServerIsUnavailableForTheAdd() {
    failEveryAttempt(UNAVAILABLE_BEFORE);

    assertThatThrownBy(() -> portalOne.paymentMethods().switchPreferred(mastercard()))
        .isInstanceOfSatisfying(PreferredSwitchException.class, e -> {
          assertThat(e.previousRestored()).isTrue();
          assertThat(e.preferredAfter().map(PaymentMethod::id)).hasValue(original.id());
          assertThat(e.getCause()).as("the add's outcome, learned by reading the account")
              .isInstanceOf(ServerException.class);
        });
    assertThat(network.injected()).isEqualTo(ATTEMPTS);
    assertSingleStoredAndPreferred(original);
  }

  @Test
  void portalOneFinishesTheSwitchWhenTheAddsAnswerWasLostToA502() {
    network.failNext("POST", ATTACH, BAD_GATEWAY_AFTER);

    PaymentMethod added = portalOne.paymentMethods().switchPreferred(mastercard());

    assertThat(added.details(Card.class).map(Card::lastFour)).hasValue("4444");
    assertSingleStoredAndPreferred(added);
  }

  @Test
  void portalOneFinishesTheSwitchWhenTheConnectionDroppedAfterTheAdd() {
    network.failNext("POST", ATTACH, DROP_AFTER);

    PaymentMethod added = portalOne.paymentMethods().switchPreferred(mastercard());

    assertSingleStoredAndPreferred(added);
  }

  @Test
  void portalOneEndsWithTheNewMethodWhenEveryAnswerAboutTheAddWasLostButTheAddWasDone() {
    failEveryAttempt(DROP_AFTER);

    PaymentMethod added = portalOne.paymentMethods().switchPreferred(mastercard());

    assertThat(added.id()).isNotEqualTo(original.id());
    assertThat(added.details(Card.class).map(Card::lastFour)).hasValue("4444");
    assertSingleStoredAndPreferred(added);
  }

  @Test
  void portalTwoAddsTheNewMethodMarkedAndKeepsTheOld() {
    AccountClient portalTwo = settle.account(CustomerId.of("200001"));
    PaymentMethod before = portalTwo.get().preferredPaymentMethod().orElseThrow();

    PaymentMethod added = portalTwo.paymentMethods().switchPreferred(SandboxErrorsIT.card("4242424242424242"));

    assertThat(portalTwo.get().preferredPaymentMethod().map(PaymentMethod::id)).hasValue(added.id());
    List<PaymentMethod> stored = portalTwo.paymentMethods().list().stream().collect(Collectors.toList());
    assertThat(stored).extracting(PaymentMethod::id).contains(before.id(), added.id());
    assertThat(stored).filteredOn(PaymentMethod::preferred).singleElement()
        .satisfies(m -> assertThat(m.id()).isEqualTo(added.id()));
  }

  @Test
  void portalTwoDeclineChangesNothing() {
    AccountClient portalTwo = settle.account(CustomerId.of("200001"));
    PaymentMethod before = portalTwo.get().preferredPaymentMethod().orElseThrow();

    assertThatThrownBy(() -> portalTwo.paymentMethods().switchPreferred(SandboxErrorsIT.card("4000000000000002")))
        .isInstanceOf(PaymentDeclinedException.class);
    assertThat(portalTwo.get().preferredPaymentMethod().map(PaymentMethod::id)).hasValue(before.id());
    assertThat(portalTwo.paymentMethods().list().stream().count()).isEqualTo(1);
  }
}
