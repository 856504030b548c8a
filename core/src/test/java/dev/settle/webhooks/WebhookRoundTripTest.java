package dev.settle.webhooks;

import static dev.settle.webhooks.WebhookVerifierTest.CLOCK;
import static dev.settle.webhooks.WebhookVerifierTest.OTHER_SECRET;
import static dev.settle.webhooks.WebhookVerifierTest.SECRET;
import static dev.settle.webhooks.WebhookVerifierTest.verifier;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.settle.exception.WebhookVerificationException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signer to verifier through a real HTTP request to the JDK's server, so the verifier reads the
 * headers as a receiver gets them: names re-cased by the server ({@code Webhook-id}), values in
 * its multi-valued map, the body as bytes off the socket.
 */
class WebhookRoundTripTest {
  private final WebhookVerifier verifier = verifier(SECRET);
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private HttpServer server;
  private HttpClient client;

  /** What the receiver saw and concluded, for the test to assert on. */
  record Received(
      Headers headers, byte[] body, SignatureCheck fromMap, SignatureCheck fromLookup,
      String typedOutcome) {}

  @BeforeEach
  void startReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hooks", this::receive);
    server.start();
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  @AfterEach
  void stopReceiver() {
    server.stop(0);
  }

  /** A receiver as a user writes one: 204 for a verified event, 400 with the reason otherwise. */
  private void receive(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Headers headers = exchange.getRequestHeaders();
    SignatureCheck fromMap = verifier.checkSignature(body, headers);
    SignatureCheck fromLookup = verifier.checkSignature(body, headers::getFirst);
    String outcome;
    int status;
    try {
      outcome = verifier.verify(body, headers).id();
      status = 204;
    } catch (WebhookVerificationException e) {
      outcome = e.reason().name();
      status = 400;
    }
    received.add(new Received(headers, body, fromMap, fromLookup, outcome));
    byte[] answer = outcome.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, status == 204 ? -1 : answer.length);
    if (status != 204) {
      exchange.getResponseBody().write(answer);
    }
    exchange.close();
  }

  private HttpResponse<String> deliver(String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks"))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .header("Content-Type", "application/json");
    headers.forEach(request::header);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private Received next() throws InterruptedException {
    Received next = received.poll(10, TimeUnit.SECONDS);
    assertThat(next).as("the receiver was called").isNotNull();
    return next;
  }

  @Test
  void aSignedDeliveryIsVerifiedFromTheHeadersTheServerReceived() throws Exception {
    String body = Events.event("evt_1", "invoice.paid", Events.INVOICE_PAID_DATA)
        .replace("}}", ", \"note\": \"Zahlung für Lizenz ✓\"}}");
    Map<String, String> signed = WebhookSigner.create(SECRET, CLOCK).sign(body);

    HttpResponse<String> response = deliver(body, signed);

    assertThat(response.statusCode()).isEqualTo(204);
    Received got = next();
    // What was sent arrived as the server names it, re-cased, and byte for byte.
    assertThat(got.headers().keySet())
        .contains("Webhook-id", "Webhook-timestamp", "Webhook-signature");
    assertThat(got.headers().get("Webhook-signature")).containsExactly(signed.get("webhook-signature"));
    assertThat(got.body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
    assertThat(got.typedOutcome()).isEqualTo("evt_1");
    for (SignatureCheck check : List.of(got.fromMap(), got.fromLookup())) {
      assertThat(check.isVerified()).isTrue();
      assertThat(check.deliveryId()).contains(signed.get("webhook-id"));
      assertThat(check.signedAt()).contains(CLOCK.instant());
    }
  }

  @Test
  void aDeliverySignedWithAnotherSecretIsRefusedWithItsReason() throws Exception {
    String body = Events.invoicePaid();

    HttpResponse<String> response = deliver(body, WebhookSigner.create(OTHER_SECRET, CLOCK).sign(body));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("NO_VALID_SIGNATURE");
    Received got = next();
    assertThat(got.fromMap().reason()).contains(WebhookVerificationException.Reason.NO_VALID_SIGNATURE);
    assertThat(got.fromLookup().reason()).contains(WebhookVerificationException.Reason.NO_VALID_SIGNATURE);
  }

  @Test
  void aBodyChangedOnTheWayIsRefused() throws Exception {
    String body = Events.invoicePaid();
    Map<String, String> signed = WebhookSigner.create(SECRET, CLOCK).sign(body);

    HttpResponse<String> response = deliver(body.replace("11900", "1"), signed);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(next().fromMap().isVerified()).isFalse();
  }

  @Test
  void aSecondSignatureSentAsItsOwnHeaderLineIsStillRead() throws Exception {
    String body = Events.invoicePaid();
    Map<String, String> right = WebhookSigner.create(SECRET, CLOCK).sign(body);
    String wrong = WebhookSigner.create(OTHER_SECRET, CLOCK)
        .sign(right.get("webhook-id"), CLOCK.instant(), body).get("webhook-signature");
    HttpRequest request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks"))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .header("webhook-id", right.get("webhook-id"))
        .header("webhook-timestamp", right.get("webhook-timestamp"))
        .header("webhook-signature", wrong)
        .header("webhook-signature", right.get("webhook-signature"))
        .build();

    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(204);
    Received got = next();
    assertThat(got.headers().get("Webhook-signature")).hasSize(2);
    assertThat(got.fromMap().isVerified()).isTrue();
    // A lookup of one value sees only the first line, signed with the other secret.
    assertThat(got.fromLookup().reason()).contains(WebhookVerificationException.Reason.NO_VALID_SIGNATURE);
  }
}
