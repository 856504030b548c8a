package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import dev.settle.webhooks.InvoicePaid;
import dev.settle.webhooks.WebhookEvent;
import dev.settle.webhooks.WebhookVerifier;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Webhook endpoints and signed deliveries of what happens in the sandbox. Demo facts used (clock
 * at 2026-11-26T09:30Z): {@code 200001} pays with Mastercard 4444 08/2028 and renews
 * 2027-08-23; {@code 100002}'s license renews 2027-01-30 on Visa 4242; {@code 300001} has no
 * stored method.
 */
class WebhooksTest extends SandboxTestCase {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final OpenAPI CONTRACT = contract();
  private static final SchemaValidator SCHEMAS = new SchemaValidator(CONTRACT, new MessageResolver());
  private static final Map<String, String> DATA_SCHEMAS = Map.of(
      "invoice.paid", "InvoicePaidData",
      "invoice.payment_failed", "InvoicePaymentFailedData",
      "invoice.payment_action_required", "InvoicePaymentActionRequiredData",
      "payment_method.expiring", "PaymentMethodExpiringData",
      "payment_method.updated", "PaymentMethodUpdatedData",
      "license.renewed", "LicenseRenewedData",
      "license.renewal_failed", "LicenseRenewalFailedData",
      "license.suspended", "LicenseSuspendedData",
      "license.reactivated", "LicenseReactivatedData");

  private final List<WebhookReceiver> receivers = new ArrayList<>();

  @AfterEach
  void closeReceivers() {
    receivers.forEach(WebhookReceiver::close);
  }

  private WebhookReceiver receiver(Integer... answers) {
    WebhookReceiver receiver = new WebhookReceiver(answers);
    receivers.add(receiver);
    return receiver;
  }

  private static Reply register(URI url, String... events) {
    String filter = events.length == 0 ? ""
        : ",\"events\":[" + List.of(events).stream().map(e -> "\"" + e + "\"").collect(Collectors.joining(",")) + "]";
    Reply reply = http.post("/v1/webhook_endpoints", "{\"url\":\"" + url + "\"" + filter + "}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply;
  }

  private static Reply pay(String customerId, String invoiceId, String paymentMethodId) {
    String body = paymentMethodId == null ? "{}" : "{\"payment_method_id\":\"" + paymentMethodId + "\"}";
    return http.post("/v1/accounts/" + customerId + "/invoices/" + invoiceId + "/pay", body);
  }

  private static Reply event(WebhookDelivery delivery) {
    return new Reply(200, null, delivery.body());
  }

  // ---- endpoints

  @Test
  void registeringAnswersTheSecretOnceAndListingLeavesItOut() {
    WebhookReceiver receiver = receiver();
    Reply created = register(receiver.url());

    assertThat(created.string("id")).matches("we_[A-Za-z0-9]{24}");
    assertThat(created.string("url")).isEqualTo(receiver.url().toString());
    assertThat(created.list("events")).containsExactly("invoice.paid", "invoice.payment_failed",
        "invoice.payment_action_required", "payment_method.expiring", "payment_method.updated", "license.renewed",
        "license.renewal_failed", "license.suspended", "license.reactivated");
    assertThat(created.string("created_at")).isEqualTo("2026-11-26T09:30:00Z");
    String secret = created.string("secret");
    assertThat(secret).startsWith("whsec_");
    assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(24);

    Reply list = http.get("/v1/webhook_endpoints");
    assertThat(list.list("data")).hasSize(1);
    assertThat(list.string("data.0.id")).isEqualTo(created.string("id"));
    assertThat(list.has("data.0.secret")).isFalse();
    assertThat(list.body()).doesNotContain(secret.substring(6));
    assertThat(list.get("has_more")).isEqualTo(false);
  }

  @Test
  void aFilterIsKeptAsGiven() {
    Reply created = register(receiver().url(), "license.renewed", "invoice.paid");

    assertThat(created.list("events")).containsExactly("license.renewed", "invoice.paid");
    assertThat(http.get("/v1/webhook_endpoints").list("data.0.events")).containsExactly("license.renewed", "invoice.paid");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://example.com/hooks", "http://10.0.0.7/hooks", "http://localhost.example.com/",
      "ftp://127.0.0.1/hooks", "127.0.0.1:8080/hooks", "not a url", "http:///path-only"})
  void onlyLoopbackHttpUrlsAreAccepted(String url) {
    Reply reply = http.post("/v1/webhook_endpoints", "{\"url\":\"" + url + "\"}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.code")).isEqualTo("parameter_invalid");
    assertThat(reply.string("error.param")).isEqualTo("url");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:9/x", "https://127.0.0.1/x", "http://127.8.9.10:1234/", "http://[::1]:8080/hooks"})
  void loopbackUrlsAreAccepted(String url) {
    assertThat(http.post("/v1/webhook_endpoints", "{\"url\":\"" + url + "\"}").status()).isEqualTo(201);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"events\":[\"invoice.paid\"]}                                   | parameter_missing | url",
      "{\"url\":\"http://127.0.0.1/\",\"events\":[]}                      | parameter_invalid | events",
      "{\"url\":\"http://127.0.0.1/\",\"events\":[\"invoice.created\"]}   | parameter_invalid | events",
      "{\"url\":\"http://127.0.0.1/\",\"events\":\"invoice.paid\"}        | parameter_invalid | events",
      "{\"url\":\"http://127.0.0.1/\",\"secret\":\"whsec_mine\"}          | parameter_unknown | secret"})
  void badRegistrationsAreRefused(String body, String code, String param) {
    Reply reply = http.post("/v1/webhook_endpoints", body);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.code")).isEqualTo(code);
    assertThat(reply.string("error.param")).isEqualTo(param);
  }

  @Test
  void registeringNeedsAnIdempotencyKeyAndReplaysTheFirstAnswer() {
    Reply missing = http.postWithoutKey("/v1/webhook_endpoints", "{\"url\":\"http://127.0.0.1/\"}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.string("error.param")).isEqualTo("Idempotency-Key");

    Reply first = http.post("/v1/webhook_endpoints", "{\"url\":\"http://127.0.0.1/\"}", "we-key-1");
    Reply again = http.post("/v1/webhook_endpoints", "{\"url\":\"http://127.0.0.1/\"}", "we-key-1");
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(http.get("/v1/webhook_endpoints").list("data")).hasSize(1);
  }

  @Test
  void deletingStopsDeliveriesAndAnUnknownEndpointIs404() throws Exception {
    WebhookReceiver deleted = receiver();
    WebhookReceiver kept = receiver();
    String deletedId = register(deleted.url()).string("id");
    String keptId = register(kept.url()).string("id");

    Reply reply = http.delete("/v1/webhook_endpoints/" + deletedId);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.string("id")).isEqualTo(deletedId);
    assertThat(reply.get("deleted")).isEqualTo(true);
    assertThat(http.get("/v1/webhook_endpoints").list("data")).hasSize(1);
    assertThat(http.delete("/v1/webhook_endpoints/" + deletedId).status()).isEqualTo(404);
    assertThat(http.delete("/v1/webhook_endpoints/we_nothere").string("error.code")).isEqualTo("resource_missing");

    assertThat(pay("200001", "in_demo200001b", null).status()).isEqualTo(200);
    List<WebhookDelivery> deliveries = sandbox.awaitDeliveries(1, WAIT);

    assertThat(deliveries).extracting(WebhookDelivery::endpointId).containsExactly(keptId);
    assertThat(kept.received()).hasSize(1);
    assertThat(deleted.received()).isEmpty();
  }

  @Test
  void resetForgetsEndpointsAndDeliveries() throws Exception {
    register(receiver().url());
    pay("200001", "in_demo200001b", null);
    sandbox.awaitDeliveries(1, WAIT);

    sandbox.reset();

    assertThat(http.get("/v1/webhook_endpoints").list("data")).isEmpty();
    assertThat(sandbox.webhookDeliveries()).isEmpty();
    pay("200001", "in_demo200001b", null);
    assertThat(sandbox.webhookDeliveries()).isEmpty();
  }

  // ---- deliveries

  @Test
  void payingAnInvoiceDeliversOneSignedInvoicePaid() throws Exception {
    WebhookReceiver receiver = receiver();
    Reply endpoint = register(receiver.url());
    String secret = endpoint.string("secret");

    Reply payment = pay("200001", "in_demo200001b", null);
    assertThat(payment.status()).isEqualTo(200);
    List<WebhookDelivery> deliveries = sandbox.awaitDeliveries(1, WAIT);

    assertThat(deliveries).hasSize(1);
    WebhookDelivery delivery = deliveries.get(0);
    assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
    assertThat(delivery.attempts()).isEqualTo(1);
    assertThat(delivery.lastResponseStatus()).isEqualTo(200);
    assertThat(delivery.endpointId()).isEqualTo(endpoint.string("id"));
    assertThat(delivery.url()).isEqualTo(receiver.url().toString());
    assertThat(delivery.toString()).doesNotContain(secret.substring(6));

    assertThat(receiver.received()).hasSize(1);
    WebhookReceiver.Received received = receiver.received().get(0);
    assertThat(received.header("Content-Type")).isEqualTo("application/json");
    assertThat(received.header("webhook-id")).isEqualTo(delivery.eventId()).matches("evt_[A-Za-z0-9]{24}");
    assertThat(received.header("webhook-timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
    assertThat(received.body()).isEqualTo(delivery.body());
    // An HMAC computed here, not with the sandbox's code.
    assertThat(received.header("webhook-signature")).isEqualTo(
        hmac(secret, received.header("webhook-id"), received.header("webhook-timestamp"), received.body()));

    Reply event = event(delivery);
    assertThat(event.string("id")).isEqualTo(delivery.eventId());
    assertThat(event.string("type")).isEqualTo("invoice.paid");
    assertThat(event.string("created_at")).isEqualTo("2026-11-26T09:30:00Z");
    assertThat(event.string("data.customer_id")).isEqualTo("200001");
    assertThat(event.string("data.invoice_id")).isEqualTo("in_demo200001b");
    assertThat(event.string("data.payment_id")).isEqualTo(payment.string("id"));
    assertThat(event.number("data.amount")).isEqualTo(9900);
    assertThat(event.string("data.currency")).isEqualTo("EUR");
    assertThat(event.string("data.payment_method_id")).isEqualTo("pm_demo200001mastercard");
    assertThat(event.string("data.paid_at")).isEqualTo("2026-11-26T09:30:00Z");

    // Settle's own client reads it as the same event.
    WebhookEvent verified = WebhookVerifier.builder().secret(secret).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build()
        .verify(received.body(), received.header("webhook-id"), received.header("webhook-timestamp"),
            received.header("webhook-signature"));
    assertThat(verified).isInstanceOf(InvoicePaid.class);
    assertThat(((InvoicePaid) verified).invoiceId().value()).isEqualTo("in_demo200001b");
  }

  @Test
  void aRenewalAsTheClockMovesSendsLicenseRenewed() throws Exception {
    WebhookReceiver receiver = receiver();
    register(receiver.url(), "license.renewed");

    sandbox.clock().advance(Duration.ofDays(66));
    List<WebhookDelivery> deliveries = sandbox.awaitDeliveries(1, WAIT);

    assertThat(deliveries).hasSize(1);
    Reply event = event(deliveries.get(0));
    Reply license = http.get("/v1/accounts/100002/licenses/lic_demo100002a");
    assertThat(event.string("type")).isEqualTo("license.renewed");
    assertThat(event.string("created_at")).isEqualTo("2027-01-30T09:30:00Z");
    assertThat(event.string("data.customer_id")).isEqualTo("100002");
    assertThat(event.string("data.license_id")).isEqualTo("lic_demo100002a");
    assertThat(event.string("data.invoice_id")).isEqualTo(license.string("last_renewal_invoice_id"));
    assertThat(event.string("data.renews_at")).isEqualTo("2028-01-30T09:30:00Z");
    String paymentId = event.string("data.payment_id");
    assertThat(http.get("/v1/accounts/100002/invoices/" + event.string("data.invoice_id") + "/payments")
        .string("data.0.id")).isEqualTo(paymentId);
    // Moved by the sandbox clock: the delivery's timestamp is the sandbox's now.
    assertThat(receiver.received().get(0).header("webhook-timestamp"))
        .isEqualTo(Long.toString(NOW.plus(Duration.ofDays(66)).getEpochSecond()));
  }

  @Test
  void aDecliningRenewalSendsPaymentFailedThenRenewalFailed() throws Exception {
    String declining = attachPreferred("200001", token("4000000000000341"));
    register(receiver().url(), "invoice.payment_failed", "license.renewal_failed");

    sandbox.clock().advance(Duration.ofDays(270).plusHours(1));   // the renewal, before its first retry
    List<WebhookDelivery> deliveries = sandbox.awaitDeliveries(2, WAIT);

    assertThat(deliveries).extracting(WebhookDelivery::type).containsExactly("invoice.payment_failed", "license.renewal_failed");
    Reply failed = event(deliveries.get(0));
    Reply renewal = event(deliveries.get(1));
    String invoiceId = http.get("/v1/accounts/200001/licenses/lic_demo200001").string("last_renewal_invoice_id");
    assertThat(failed.string("data.invoice_id")).isEqualTo(invoiceId);
    assertThat(failed.string("data.payment_method_id")).isEqualTo(declining);
    assertThat(failed.string("data.failure_code")).isEqualTo("card_declined");
    assertThat(failed.string("data.decline_code")).isEqualTo("generic_decline");
    assertThat(failed.number("data.amount")).isEqualTo(49900);
    assertThat(failed.number("data.dunning.attempt_count")).isEqualTo(1);
    assertThat(failed.string("data.dunning.next_payment_attempt")).isEqualTo("2027-08-24T09:30:00Z");
    assertThat(failed.get("data.dunning.final")).isEqualTo(false);
    assertThat(renewal.string("created_at")).isEqualTo("2027-08-23T09:30:00Z");
    assertThat(renewal.string("data.license_id")).isEqualTo("lic_demo200001");
    assertThat(renewal.string("data.invoice_id")).isEqualTo(invoiceId);
    assertThat(renewal.string("data.failure_code")).isEqualTo("card_declined");
    assertThat(renewal.string("data.decline_code")).isEqualTo("generic_decline");
    assertThat(renewal.string("data.payment_id")).isEqualTo(failed.string("data.payment_id"));
  }

  @Test
  void aRenewalWithNothingToChargeFailsWithNoPreferredPaymentMethod() throws Exception {
    http.postWithoutKey("/v1/accounts/300001/licenses/lic_demo300001/auto_renewal", "{\"enabled\":true}");
    register(receiver().url(), "license.renewal_failed");

    sandbox.clock().advance(Duration.ofDays(266));
    Reply event = event(sandbox.awaitDeliveries(1, WAIT).get(0));

    assertThat(event.string("data.license_id")).isEqualTo("lic_demo300001");
    assertThat(event.string("data.failure_code")).isEqualTo("no_preferred_payment_method");
    assertThat(event.get("data.payment_id")).isNull();
    assertThat(event.get("data.decline_code")).isNull();
  }

  @Test
  void paidLaterByHandTheFailedRenewalSendsLicenseRenewed() throws Exception {
    attachPreferred("200001", token("4000000000000341"));
    sandbox.clock().advance(Duration.ofDays(271));
    String invoiceId = http.get("/v1/accounts/200001/licenses/lic_demo200001").string("last_renewal_invoice_id");
    register(receiver().url());

    assertThat(pay("200001", invoiceId, "pm_demo200001mastercard").status()).isEqualTo(200);
    List<WebhookDelivery> deliveries = sandbox.awaitDeliveries(2, WAIT);

    assertThat(deliveries).extracting(WebhookDelivery::type).containsExactly("invoice.paid", "license.renewed");
    assertThat(event(deliveries.get(1)).string("data.invoice_id")).isEqualTo(invoiceId);
    assertThat(event(deliveries.get(1)).string("data.renews_at")).isEqualTo("2028-08-23T09:30:00Z");
  }

  @Test
  void aChargeAskingForAuthenticationIsAPaymentFailureUntilAuthenticated() throws Exception {
    String threeDs = attachPreferred("200001", token("4000002760003184"));
    register(receiver().url(), "invoice.paid", "invoice.payment_failed");

    Reply payment = pay("200001", "in_demo200001b", threeDs);
    assertThat(payment.string("status")).isEqualTo("requires_action");
    Reply failed = event(sandbox.awaitDeliveries(1, WAIT).get(0));
    assertThat(failed.string("type")).isEqualTo("invoice.payment_failed");
    assertThat(failed.string("data.failure_code")).isEqualTo("authentication_required");
    assertThat(failed.get("data.decline_code")).isNull();
    assertThat(failed.string("data.payment_id")).isEqualTo(payment.string("id"));

    http.postWithoutKey("/sandbox/3ds/" + payment.string("id") + "/authenticate", null);
    List<WebhookDelivery> deliveries = sandbox.awaitDeliveries(2, WAIT);
    assertThat(event(deliveries.get(1)).string("type")).isEqualTo("invoice.paid");
    assertThat(event(deliveries.get(1)).string("data.payment_id")).isEqualTo(payment.string("id"));
  }

  @Test
  void makingAMethodPreferredUpdatesItAndTheOneThatWas() throws Exception {
    String visa = attach("200001", token("4242424242424242")).string("id");
    register(receiver().url());

    http.postWithoutKey("/v1/accounts/200001/payment_methods/" + visa + "/make_preferred", null);
    http.postWithoutKey("/v1/accounts/200001/payment_methods/" + visa + "/make_preferred", null);
    List<WebhookDelivery> deliveries = sandbox.awaitDeliveries(2, WAIT);

    assertThat(deliveries).hasSize(2).extracting(WebhookDelivery::type).containsOnly("payment_method.updated");
    Reply lost = event(deliveries.get(0));
    Reply gained = event(deliveries.get(1));
    assertThat(lost.string("data.payment_method_id")).isEqualTo("pm_demo200001mastercard");
    assertThat(lost.get("data.preferred")).isEqualTo(false);
    assertThat(lost.number("data.exp_month")).isEqualTo(8);
    assertThat(gained.string("data.payment_method_id")).isEqualTo(visa);
    assertThat(gained.get("data.preferred")).isEqualTo(true);
    assertThat(gained.number("data.exp_year")).isEqualTo(2030);
  }

  @Test
  void anExpiringCardIsNoticedOnceThirtyDaysBeforeTheEndOfItsMonth() throws Exception {
    Reply token = http.post("/v1/tokens", cardJson("4242424242424242", 1, 2027, "123"));
    String card = attach("200001", token.string("id")).string("id");
    register(receiver().url(), "payment_method.expiring");

    sandbox.clock().advance(Duration.ofDays(36));   // 2027-01-01T09:30Z: not yet
    assertThat(sandbox.webhookDeliveries()).isEmpty();
    sandbox.clock().advance(Duration.ofDays(1));    // past 2027-01-02T00:00Z
    List<WebhookDelivery> deliveries = sandbox.awaitDeliveries(1, WAIT);
    sandbox.clock().advance(Duration.ofDays(600));  // 2028-08-24: the Mastercard (08/2028) is noticed, this card not again

    assertThat(sandbox.webhookDeliveries()).extracting(d -> event(d).string("data.payment_method_id"))
        .containsExactly(card, "pm_demo200001mastercard");
    Reply event = event(deliveries.get(0));
    assertThat(event.string("created_at")).isEqualTo("2027-01-02T00:00:00Z");
    assertThat(event.number("data.exp_month")).isEqualTo(1);
    assertThat(event.number("data.exp_year")).isEqualTo(2027);
    assertThat(event.get("data.preferred")).isEqualTo(false);
  }

  @Test
  void anEndpointAnswering500TwiceGetsTheEventOnTheThirdAttemptUnderTheSameId() throws Exception {
    WebhookReceiver receiver = receiver(500, 500);
    register(receiver.url());

    pay("200001", "in_demo200001b", null);
    WebhookDelivery delivery = sandbox.awaitDeliveries(1, WAIT).get(0);

    assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
    assertThat(delivery.attempts()).isEqualTo(3);
    assertThat(delivery.lastResponseStatus()).isEqualTo(200);
    assertThat(receiver.received()).hasSize(3)
        .extracting(received -> received.header("webhook-id")).containsOnly(delivery.eventId());
    assertThat(receiver.received()).extracting(WebhookReceiver.Received::body).containsOnly(delivery.body());
  }

  @Test
  void afterFiveFailedAttemptsTheDeliveryFails() throws Exception {
    WebhookReceiver receiver = receiver(503, 503, 503, 503, 503, 503);
    register(receiver.url());

    pay("200001", "in_demo200001b", null);
    WebhookDelivery delivery = sandbox.awaitDeliveries(1, WAIT).get(0);

    assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.FAILED);
    assertThat(delivery.attempts()).isEqualTo(5);
    assertThat(delivery.lastResponseStatus()).isEqualTo(503);
    assertThat(receiver.received()).hasSize(5);
  }

  @Test
  void anEndpointNobodyListensOnFailsAfterFiveAttempts() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    register(URI.create("http://127.0.0.1:" + port + "/hooks"));

    pay("200001", "in_demo200001b", null);
    WebhookDelivery delivery = sandbox.awaitDeliveries(1, WAIT).get(0);

    assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.FAILED);
    assertThat(delivery.attempts()).isEqualTo(5);
    assertThat(delivery.lastResponseStatus()).isZero();
  }

  @Test
  void aFilterLetsOnlyItsTypesThrough() throws Exception {
    WebhookReceiver renewals = receiver();
    WebhookReceiver everything = receiver();
    String renewalsId = register(renewals.url(), "license.renewed").string("id");
    String everythingId = register(everything.url()).string("id");

    pay("200001", "in_demo200001b", null);
    sandbox.clock().advance(Duration.ofDays(66));
    List<WebhookDelivery> deliveries = sandbox.awaitDeliveries(4, WAIT);

    assertThat(deliveries).extracting(d -> d.endpointId() + " " + d.type()).containsExactly(
        everythingId + " invoice.paid",
        everythingId + " invoice.paid",
        renewalsId + " license.renewed",
        everythingId + " license.renewed");
    assertThat(renewals.received()).hasSize(1);
    assertThat(everything.received()).hasSize(3);
  }

  @Test
  void everyEventTypeArrivesInOrderAndKeepsTheContract() throws Exception {
    WebhookReceiver receiver = receiver();
    register(receiver.url());

    String visa = attachPreferred("200001", token("4242424242424242"));                 // updated: mastercard
    http.postWithoutKey("/v1/accounts/200001/payment_methods/pm_demo200001mastercard/make_preferred", null);
    pay("200001", "in_demo200001b", null);                                               // paid
    String declining = attach("200001", token("4000000000000341")).string("id");
    pay("200001", "in_demo200001c", declining);                                          // payment_failed
    String asking = attach("200001", token("4000002760003184")).string("id");
    pay("200001", "in_demo200001d", asking);                                             // payment_action_required
    http.postWithoutKey("/v1/accounts/200001/payment_methods/" + declining + "/make_preferred", null);
    sandbox.clock().advance(Duration.ofDays(365 * 2));   // renewals on 100002 and 200001, Mastercard expiring
    // 200001's renewals declined and were dunned until suspended; a card that pays reactivates it.
    http.postWithoutKey("/v1/accounts/200001/payment_methods/" + visa + "/make_preferred", null);
    assertThat(http.get("/v1/accounts/200001/licenses/lic_demo200001").string("status")).isEqualTo("active");
    int count = sandbox.webhookDeliveries().size();
    List<WebhookDelivery> deliveries = sandbox.awaitDeliveries(count, WAIT);

    Set<String> types = new TreeSet<>();
    Instant previous = Instant.MIN;
    for (int i = 0; i < deliveries.size(); i++) {
      WebhookDelivery delivery = deliveries.get(i);
      assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
      assertThat(receiver.received().get(i).body()).as("delivered in order").isEqualTo(delivery.body());
      assertThat(violations(delivery.body(), "WebhookEvent")).as(delivery.body()).isEmpty();
      Reply event = event(delivery);
      String data = new String(Json.write(event.get("data")), StandardCharsets.UTF_8);
      assertThat(violations(data, DATA_SCHEMAS.get(delivery.type()))).as(delivery.body()).isEmpty();
      Instant createdAt = Instant.parse(event.string("created_at"));
      assertThat(createdAt).as("in the order they happened").isAfterOrEqualTo(previous);
      previous = createdAt;
      types.add(delivery.type());
    }
    assertThat(types).isEqualTo(new TreeSet<>(DATA_SCHEMAS.keySet()));
    assertThat(visa).isNotNull();
    // The schema check can fail: a body without created_at does not pass.
    assertThat(violations(deliveries.get(0).body().replace("\"created_at\"", "\"created\""), "WebhookEvent"))
        .contains("created_at");
  }

  // ---- helpers

  private static String attachPreferred(String customerId, String token) {
    Reply reply = http.post("/v1/accounts/" + customerId + "/payment_methods",
        "{\"token\":\"" + token + "\",\"preferred\":true}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.string("id");
  }

  private static String hmac(String secret, String id, String timestamp, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    byte[] signed = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
    return "v1," + Base64.getEncoder().encodeToString(signed);
  }

  private static OpenAPI contract() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readContents(ContractValidator.contract(), null, options).getOpenAPI();
  }

  private static String violations(String json, String schema) {
    ValidationReport report = SCHEMAS.validate(json, new Schema<>().$ref("#/components/schemas/" + schema), "webhook");
    return report.getMessages().stream()
        .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
        .map(ValidationReport.Message::toString)
        .collect(Collectors.joining("\n"));
  }
}
