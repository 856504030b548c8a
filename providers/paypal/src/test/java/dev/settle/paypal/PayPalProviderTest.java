package dev.settle.paypal;

import static dev.settle.paypal.PayPalServer.COMPLETE;
import static dev.settle.paypal.PayPalServer.CUSTOMER;
import static dev.settle.paypal.PayPalServer.EMAIL;
import static dev.settle.paypal.PayPalServer.METHOD_ID;
import static dev.settle.paypal.PayPalServer.PAYER_ID;
import static dev.settle.paypal.PayPalServer.PAYMENT_METHODS;
import static dev.settle.paypal.PayPalServer.SETUP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.PaymentMethods;
import dev.settle.SettleClient;
import dev.settle.exception.MalformedResponseException;
import dev.settle.exception.MissingProviderException;
import dev.settle.exception.ValidationException;
import dev.settle.model.CustomerId;
import dev.settle.model.PaymentMethod;
import dev.settle.model.PaymentMethodId;
import dev.settle.model.UnknownPaymentMethodDetails;
import dev.settle.spi.ProviderContext;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** How a client finds the PayPal provider, and how it reads stored PayPal accounts. */
class PayPalProviderTest {
  private static final PaymentMethodId METHOD = PaymentMethodId.of(METHOD_ID);
  private static final PayPalApproval APPROVAL = PayPalApproval.of(PayPalSetupId.of(SETUP_ID));

  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  void isFoundOnTheClasspathByDefault() {
    respond("GET", PAYMENT_METHODS + "/" + METHOD_ID, 200, PayPalServer.storedPayPal(true));

    PaymentMethod method = paymentMethods(PayPalServer.clientBuilder(server).build()).get(METHOD);

    assertThat(method.details()).isInstanceOfSatisfying(PayPalAccount.class, account -> {
      assertThat(account.email()).isEqualTo(EMAIL);
      assertThat(account.payerId()).isEqualTo(PAYER_ID);
    });
  }

  @Test
  void withoutDiscoveryPayPalAccountsAreUnknownAndCannotBeAdded() {
    respond("GET", PAYMENT_METHODS + "/" + METHOD_ID, 200, PayPalServer.storedPayPal(true));
    SettleClient client = PayPalServer.clientBuilder(server).discoverProviders(false).build();

    PaymentMethod method = paymentMethods(client).get(METHOD);

    assertThat(method.details()).isInstanceOfSatisfying(UnknownPaymentMethodDetails.class,
        details -> {
          assertThat(details.kind()).isEqualTo("paypal");
          assertThat(details.attributes()).containsEntry("payer_id", PAYER_ID);
        });
    assertThat(method.details(PayPalAccount.class)).isEmpty();
    assertThatThrownBy(() -> paymentMethods(client).add(APPROVAL))
        .isInstanceOfSatisfying(MissingProviderException.class, e -> {
          assertThat(e.kind()).isEqualTo("paypal");
          assertThat(e.artifact()).isEqualTo("dev.settle:settle-paypal");
          assertThat(e.getMessage()).contains("dev.settle:settle-paypal");
        });
    assertThatThrownBy(
            () -> PayPal.of(client.account(CustomerId.of(CUSTOMER)))
                .complete(APPROVAL.setupId()))
        .isInstanceOf(MissingProviderException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void canBeRegisteredOnTheBuilderWhenDiscoveryIsOff() {
    respond("POST", COMPLETE, 200, PayPalServer.token());
    respond("POST", PAYMENT_METHODS, 201, PayPalServer.storedPayPal(true));
    SettleClient client =
        PayPalServer.clientBuilder(server)
            .discoverProviders(false)
            .addProvider(new PayPalProvider())
            .build();

    PaymentMethod stored = paymentMethods(client).add(APPROVAL);

    assertThat(stored.details(PayPalAccount.class)).isPresent();
  }

  @Test
  void readsPayPalAccountsInAListBesideKindsItDoesNotKnow() {
    String bankAccount = "{\"id\":\"pm_Sepa1\",\"type\":\"sepa_debit\",\"preferred\":false,\"usable_off_session\":true,"
        + "\"created_at\":\"2030-06-15T12:00:00Z\",\"sepa_debit\":{\"last4\":\"3000\"}}";
    server.enqueue(PayPalServer.json(200,
        "{\"data\":[" + PayPalServer.storedPayPal(true) + "," + bankAccount + "],"
            + "\"has_more\":false,\"next_cursor\":null}"));

    List<PaymentMethod> methods =
        paymentMethods(PayPalServer.clientBuilder(server).build()).list().stream()
            .collect(Collectors.toList());

    assertThat(methods).extracting(PaymentMethod::kind).containsExactly("paypal", "sepa_debit");
    assertThat(methods.get(0).details()).isInstanceOf(PayPalAccount.class);
    assertThat(methods.get(1).details()).isInstanceOf(UnknownPaymentMethodDetails.class);
  }

  @Test
  void aPayPalObjectOutsideTheContractIsAMalformedResponseThatNamesTheField() {
    server.enqueue(PayPalServer.json(200,
        PayPalServer.storedPayPal(true).replace(PAYER_ID, "payer-0O1I")));

    assertThatThrownBy(
            () -> paymentMethods(PayPalServer.clientBuilder(server).build()).get(METHOD))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("$.paypal.payer_id");
  }

  @Test
  void refusesInputOfAnotherKind() {
    PayPalProvider provider = new PayPalProvider();

    assertThat(provider.kind()).isEqualTo("paypal");
    ProviderContext unused = (ProviderContext) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ProviderContext.class}, (proxy, method, args) -> {
          throw new AssertionError("Input of another kind must not reach the context: " + method.getName());
        });
    assertThatThrownBy(() -> provider.tokenize(() -> "card", unused))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PayPalProvider tokenizes PayPalApproval");
    assertThatThrownBy(() -> provider.tokenize(() -> "card", null))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.param()).isEqualTo("context"));
  }

  private static PaymentMethods paymentMethods(SettleClient client) {
    return client.account(CustomerId.of(CUSTOMER)).paymentMethods();
  }

  private void respond(String method, String path, int status, String body) {
    PayPalServer.respond(server, method, path, status, body);
  }
}
