package dev.settle;

import static dev.settle.MockServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.SwitchPreferredTest.TokenOnlyInput;
import dev.settle.SwitchPreferredTest.TokenOnlyProvider;
import dev.settle.exception.ConnectionException;
import dev.settle.exception.MalformedResponseException;
import dev.settle.exception.RateLimitedException;
import dev.settle.exception.UnexpectedRedirectException;
import dev.settle.model.CustomerId;
import dev.settle.model.InvoiceId;
import dev.settle.testing.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLPeerUnverifiedException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

/**
 * What a failed write tells its caller: a definite failure only when no attempt can have done the
 * work; otherwise an unknown outcome with the key that resolves it. Redirects are never followed,
 * so no byte of a request reaches a host the client was not configured for.
 */
class ExactlyOnceTest {
  @StartStop final MockWebServer server = new MockWebServer();
  @StartStop final MockWebServer elsewhere = new MockWebServer();
  private final List<Duration> sleeps = new ArrayList<>();

  private AccountClient account() {
    return account(MockServer.builder(server));
  }

  private AccountClient account(SettleClient.Builder builder) {
    return builder.sleeper(sleeps::add).scheduler((task, delay) -> {
      sleeps.add(delay);
      task.run();
      return () -> { };
    }).discoverProviders(false).addProvider(new TokenOnlyProvider()).build().account(CustomerId.of("200001"));
  }

  /** The server read the whole request, so it may have done the work, then the connection broke. */
  private static MockResponse droppedAfterReading() {
    return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
  }

  private static MockResponse status(int code) {
    return json(code, Json.error(code == 429 ? "rate_limit_error" : "api_error", "unavailable", null));
  }

  @Test
  void aWriteThatMayHaveLandedEndsUnknownEvenWhenItsLastAttemptSaysNothingWasDone() throws Exception {
    server.enqueue(droppedAfterReading());
    server.enqueue(json(502, "<html>bad gateway</html>"));
    server.enqueue(status(503));
    server.enqueue(status(429));

    assertThatThrownBy(() -> account().invoices().pay(InvoiceId.of("in_1")))
        .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> {
          assertThat(e.attempts()).isEqualTo(4);
          assertThat(e.getCause()).as("the last failure").isInstanceOf(RateLimitedException.class);
        });
    String key = server.takeRequest().getHeaders().get("Idempotency-Key");
    for (int i = 1; i < 4; i++) {
      assertThat(server.takeRequest().getHeaders().get("Idempotency-Key")).isEqualTo(key);
    }
  }

  @Test
  void theSameSequenceAsynchronouslyEndsUnknownToo() {
    server.enqueue(droppedAfterReading());
    server.enqueue(status(503));
    server.enqueue(status(429));
    server.enqueue(status(429));

    var paid = account().invoices().payAsync(InvoiceId.of("in_1"), RequestOptions.defaults());

    assertThat(paid).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
        .havingCause().isInstanceOf(OutcomeUnknownException.class);
  }

  @Test
  void aLaterAnswerForTheKeySettlesWhatAnEarlierAttemptLeftOpen() {
    server.enqueue(droppedAfterReading());
    server.enqueue(json(402, Json.error("card_error", "card_declined", null)));

    assertThatThrownBy(() -> account().invoices().pay(InvoiceId.of("in_1")))
        .isInstanceOf(PaymentDeclinedException.class);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aWriteOnlyEverRateLimitedWasNotDone() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(status(429));
    }

    assertThatThrownBy(() -> account().invoices().pay(InvoiceId.of("in_1")))
        .isInstanceOf(RateLimitedException.class);
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void anEmptyTwoHundredOnAWriteMeansTheWorkWasProbablyDone() {
    server.enqueue(json(200, ""));

    assertThatThrownBy(() -> account().invoices().pay(InvoiceId.of("in_1")))
        .isInstanceOfSatisfying(OutcomeUnknownException.class,
            e -> assertThat(e.getCause()).isInstanceOf(MalformedResponseException.class));
    assertThat(server.getRequestCount()).as("an unreadable answer is not asked again").isEqualTo(1);
  }

  @Test
  void aTwoHundredCutByTheNetworkIsAskedAgainWithTheKey() throws Exception {
    server.enqueue(new MockResponse.Builder(json(200, Json.payment("py_1", "in_1", "succeeded")))
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(json(200, Json.payment("py_1", "in_1", "succeeded")));

    assertThat(account().invoices().pay(InvoiceId.of("in_1")).id().value()).isEqualTo("py_1");
    assertThat(server.takeRequest().getHeaders().get("Idempotency-Key"))
        .isEqualTo(server.takeRequest().getHeaders().get("Idempotency-Key"));
  }

  @Test
  void aRefusedConnectionSendsNothingSoAWriteIsRepeatedAndEndsAsAConnectionFailure() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    AccountClient account = account(SettleClient.builder()
        .baseUrl(URI.create("http://127.0.0.1:" + closedPort + "/")).apiKey(MockServer.API_KEY));

    assertThatThrownBy(() -> account.invoices().pay(InvoiceId.of("in_1")))
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("127.0.0.1:" + closedPort)
        .hasMessageContaining("payInvoice")
        .hasMessageContaining("nothing was sent");
    assertThat(sleeps).as("repeated as safe").hasSize(3);
  }

  @Test
  void aRefusedPinSendsNothingAndIsNotRepeated() {
    HeldCertificate certificate = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
    server.useHttps(new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslSocketFactory());
    HandshakeCertificates trust = new HandshakeCertificates.Builder().addTrustedCertificate(certificate.certificate()).build();
    AccountClient account = account(SettleClient.builder()
        .baseUrl(URI.create("https://localhost:" + server.getPort() + "/")).apiKey(MockServer.API_KEY)
        .okHttpClient(new OkHttpClient.Builder().sslSocketFactory(trust.sslSocketFactory(), trust.trustManager()).build())
        .certificatePins("localhost", "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));

    assertThatThrownBy(() -> account.invoices().pay(InvoiceId.of("in_1")))
        .isInstanceOf(ConnectionException.class)
        .hasCauseInstanceOf(SSLPeerUnverifiedException.class);
    assertThat(server.getRequestCount()).isZero();
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aServerThatClosesAfterReadingTheBodyLeavesTheWriteUnknown() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(droppedAfterReading());
    }

    assertThatThrownBy(() -> account().invoices().pay(InvoiceId.of("in_1")))
        .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> {
          assertThat(e.getCause()).isInstanceOf(ConnectionException.class)
              .hasMessageContaining("may have been sent");
        });
  }

  @Test
  void aRedirectOnTokenizationIsNeverFollowedSoTheCardNeverReachesAnotherHost() {
    server.enqueue(redirect(307, elsewhere.url("/v1/tokens").toString()));

    assertThatThrownBy(() -> account().paymentMethods().add(new TokenOnlyInput()))
        .isInstanceOfSatisfying(UnexpectedRedirectException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(307);
          assertThat(e.targetHost()).hasValue(elsewhere.getHostName());
        })
        .hasMessageContaining("307")
        .hasMessageContaining(elsewhere.getHostName())
        .hasMessageNotContaining("REDIRECT-PAGE");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(elsewhere.getRequestCount()).as("bytes that reached the other host").isZero();
  }

  @Test
  void aSharedClientThatFollowsRedirectsDoesNotFollowThemForSettle() throws Exception {
    server.enqueue(redirect(301, elsewhere.url("/receipt").toString()));
    OkHttpClient following = new OkHttpClient.Builder().followRedirects(true).followSslRedirects(true).build();

    assertThatThrownBy(() -> account(MockServer.builder(server).okHttpClient(following))
        .invoices().pay(InvoiceId.of("in_1")))
        .isInstanceOf(UnexpectedRedirectException.class);
    RecordedRequest payment = server.takeRequest();
    assertThat(payment.getMethod()).isEqualTo("POST");
    assertThat(elsewhere.getRequestCount()).isZero();
    assertThat(sleeps).as("a redirect is not repeated").isEmpty();
  }

  private static MockResponse redirect(int code, String location) {
    return new MockResponse.Builder().code(code).addHeader("Location", location).body("REDIRECT-PAGE").build();
  }
}
