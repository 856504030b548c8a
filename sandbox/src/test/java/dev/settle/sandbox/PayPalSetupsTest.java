package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class PayPalSetupsTest extends SandboxTestCase {
  private static final String RETURN_URL = "https://shop.example/paypal/return";
  private static final String CANCEL_URL = "https://shop.example/paypal/cancel?cart=42";
  private static final String PAYER_ID = "[2-9A-HJ-NP-Z]{13}";

  // ---- creating and reading

  @Test
  void createdSetupWaitsForThePayer() {
    Reply reply = create("200001");

    assertThat(reply.status()).isEqualTo(201);
    String id = reply.string("id");
    assertThat(id).matches("pps_[A-Za-z0-9]+");
    assertThat(reply.string("status")).isEqualTo("payer_action_required");
    assertThat(reply.string("approval_url")).isEqualTo(sandbox.baseUrl() + "sandbox/paypal/approve?setup=" + id);
    assertThat(reply.string("created_at")).isEqualTo("2026-11-26T09:30:00Z");
    assertThat(reply.string("expires_at")).isEqualTo("2026-11-26T12:30:00Z");

    Reply read = http.get("/v1/accounts/200001/paypal_setups/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body()).isEqualTo(reply.body());
  }

  @Test
  void creatingNeedsAnIdempotencyKeyAndReplaysForTheSameOne() {
    Map<String, String> headers = http.authorized();
    headers.put("Content-Type", "application/json");
    Reply missing = http.send("POST", "/v1/accounts/200001/paypal_setups", setupJson(), headers);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.string("error.param")).isEqualTo("Idempotency-Key");

    Reply first = http.post("/v1/accounts/200001/paypal_setups", setupJson(), "pps-key-1");
    Reply again = http.post("/v1/accounts/200001/paypal_setups", setupJson(), "pps-key-1");
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"cancel_url\":\"https://a.example/c\"}                                   | parameter_missing | return_url",
      "{\"return_url\":\"https://a.example/r\"}                                   | parameter_missing | cancel_url",
      "{\"return_url\":\"\",\"cancel_url\":\"https://a.example/c\"}               | parameter_invalid | return_url",
      "{\"return_url\":\"not a url\",\"cancel_url\":\"https://a.example/c\"}      | parameter_invalid | return_url",
      "{\"return_url\":\"/relative\",\"cancel_url\":\"https://a.example/c\"}      | parameter_invalid | return_url",
      "{\"return_url\":\"https://a.example/r\",\"cancel_url\":\"ftp://a.example\"} | parameter_invalid | cancel_url",
      "{\"return_url\":\"https://a.example/r\",\"cancel_url\":7}                  | parameter_invalid | cancel_url",
      "{\"return_url\":\"https://a.example/r\",\"cancel_url\":\"https://a.example/c\",\"brand\":\"x\"} | parameter_unknown | brand"})
  void refusesBadUrls(String body, String code, String param) {
    Reply reply = http.post("/v1/accounts/200001/paypal_setups", body);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.code")).isEqualTo(code);
    assertThat(reply.string("error.param")).isEqualTo(param);
  }

  @Test
  void longUrlsAreRefused() {
    String tooLong = "https://a.example/" + "x".repeat(4000);

    Reply reply = http.post("/v1/accounts/200001/paypal_setups",
        "{\"return_url\":\"" + tooLong + "\",\"cancel_url\":\"https://a.example/c\"}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.param")).isEqualTo("return_url");
  }

  @Test
  void setupsOfOtherAccountsAndUnknownOnesAreNotFound() {
    String id = create("200001").string("id");

    for (String path : new String[] {"/v1/accounts/100001/paypal_setups/" + id,
        "/v1/accounts/200001/paypal_setups/pps_nothing"}) {
      Reply reply = http.get(path);
      assertThat(reply.status()).as(path).isEqualTo(404);
      assertThat(reply.string("error.param")).isEqualTo("setup_id");
    }
    Reply complete = http.post("/v1/accounts/100001/paypal_setups/" + id + "/complete", null);
    assertThat(complete.status()).isEqualTo(404);
    assertThat(http.post("/v1/accounts/999999/paypal_setups", setupJson()).status()).isEqualTo(404);
  }

  // ---- the approval page

  @Test
  void approvalPageIsPlainWellFormedHtml() throws Exception {
    String id = create("200001").string("id");

    Reply page = http.send("GET", "/sandbox/paypal/approve?setup=" + id, null, Map.of());

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
    Document html = parse(page.body());
    assertThat(text(html, "/html/head/title")).isEqualTo("PayPal sandbox — approve");
    assertThat(html.getDocumentElement().getTextContent()).contains("Nordlicht Studio GmbH");
    assertThat(page.body()).doesNotContain("<script");

    Element email = byId(html, "email");
    assertThat(email.getTagName()).isEqualTo("input");
    assertThat(email.getAttribute("name")).isEqualTo("email");
    assertThat(email.getAttribute("value")).isEqualTo("buyer@example.com");
    Element approve = byId(html, "approve");
    Element cancel = byId(html, "cancel");
    assertThat(approve.getTextContent()).isEqualTo("Approve");
    assertThat(cancel.getTextContent()).isEqualTo("Cancel");
    for (Element button : new Element[] {approve, cancel}) {
      assertThat(button.getTagName()).isEqualTo("button");
      assertThat(button.getAttribute("type")).isEqualTo("submit");
    }
    Element approveForm = formOf(approve);
    Element cancelForm = formOf(cancel);
    assertThat(approveForm.getAttribute("method")).isEqualTo("post");
    assertThat(approveForm.getAttribute("action")).isEqualTo("/sandbox/paypal/approve");
    assertThat(cancelForm.getAttribute("method")).isEqualTo("post");
    assertThat(cancelForm.getAttribute("action")).isEqualTo("/sandbox/paypal/cancel");
    assertThat(hiddenSetup(approveForm)).isEqualTo(id);
    assertThat(hiddenSetup(cancelForm)).isEqualTo(id);
    assertThat(formOf(email)).isSameAs(approveForm);
  }

  @Test
  void approvingRedirectsToTheReturnUrl() {
    String id = create("200001").string("id");

    Reply redirect = form("/sandbox/paypal/approve", "setup=" + id + "&email=" + encode("jane.doe@example.com"));

    assertThat(redirect.status()).isEqualTo(303);
    String location = redirect.header("Location");
    assertThat(location).startsWith(RETURN_URL + "?approval_session_id=" + id + "&approval_token_id=");
    String approvalToken = location.substring(location.indexOf("approval_token_id=") + "approval_token_id=".length());
    assertThat(approvalToken).matches("[A-Z0-9]{10,}");
    assertThat(http.get("/v1/accounts/200001/paypal_setups/" + id).string("status")).isEqualTo("approved");

    // A second submit (the payer clicks twice) is sent back the same way.
    Reply again = form("/sandbox/paypal/approve", "setup=" + id + "&email=" + encode("other@example.com"));
    assertThat(again.status()).isEqualTo(303);
    assertThat(again.header("Location")).isEqualTo(location);

    Reply token = complete("200001", id);
    assertThat(token.string("paypal.email")).isEqualTo("jane.doe@example.com");
  }

  @Test
  void cancellingRedirectsToTheCancelUrlKeepingItsQuery() {
    String id = create("200001").string("id");

    Reply redirect = form("/sandbox/paypal/cancel", "setup=" + id);

    assertThat(redirect.status()).isEqualTo(303);
    assertThat(redirect.header("Location")).isEqualTo(CANCEL_URL + "&approval_session_id=" + id);
    assertThat(http.get("/v1/accounts/200001/paypal_setups/" + id).string("status")).isEqualTo("cancelled");

    Reply approve = form("/sandbox/paypal/approve", "setup=" + id + "&email=" + encode("buyer@example.com"));
    assertThat(approve.status()).isEqualTo(409);
    assertThat(approve.header("Content-Type")).startsWith("text/html");
    assertThat(approve.header("Location")).isNull();
    assertThat(approve.body()).contains("cancelled");
    Reply page = http.send("GET", "/sandbox/paypal/approve?setup=" + id, null, Map.of());
    assertThat(page.status()).isEqualTo(409);
    assertThat(page.body()).contains("cancelled").doesNotContain("id=\"approve\"");
  }

  @Test
  void approvingACompletedSetupShowsAPageSayingSo() throws Exception {
    String id = create("200001").string("id");
    sandbox.approvePayPalSetup(id, "buyer@example.com");
    attach("200001", complete("200001", id).string("id"));

    Reply approve = form("/sandbox/paypal/approve", "setup=" + id + "&email=" + encode("buyer@example.com"));

    assertThat(approve.status()).isEqualTo(409);
    assertThat(approve.header("Location")).isNull();
    assertThat(text(parse(approve.body()), "/html/body")).contains("already completed");
  }

  @Test
  void approvalPagesRefuseWhatTheyCannotServe() {
    Reply unknown = http.send("GET", "/sandbox/paypal/approve?setup=pps_nothing", null, Map.of());
    Reply missing = http.send("GET", "/sandbox/paypal/approve", null, Map.of());
    Reply badEmail = form("/sandbox/paypal/approve", "setup=" + create("200001").string("id") + "&email=nobody");
    Reply wrongMethod = http.send("DELETE", "/sandbox/paypal/approve?setup=pps_1", null, Map.of());
    Reply other = http.send("GET", "/sandbox/paypal/elsewhere", null, Map.of());

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type")).startsWith("text/html");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(badEmail.status()).isEqualTo(400);
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.header("Allow")).isEqualTo("GET, POST");
    assertThat(other.status()).isEqualTo(404);
  }

  @Test
  void payerPagesEscapeWhatTheyShow() {
    String customerId = sandbox.createAccount(SettleSandbox.Portal.II, "<b>Tom & Jerry's</b>", "EUR");
    String id = create(customerId).string("id");

    Reply page = http.send("GET", "/sandbox/paypal/approve?setup=" + id, null, Map.of());

    assertThat(page.body()).contains("&lt;b&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;").doesNotContain("<b>Tom");
    assertThat(http.send("GET", "/sandbox/paypal/approve?setup=%3Cscript%3E", null, Map.of()).body())
        .doesNotContain("<script>");
  }

  // ---- expiry

  @Test
  void unansweredSetupExpiresWithTheClock() {
    String id = create("200001").string("id");

    sandbox.clock().advance(Duration.ofHours(3).minusSeconds(1));
    assertThat(http.get("/v1/accounts/200001/paypal_setups/" + id).string("status")).isEqualTo("payer_action_required");

    sandbox.clock().advance(Duration.ofSeconds(1));
    assertThat(http.get("/v1/accounts/200001/paypal_setups/" + id).string("status")).isEqualTo("expired");
    Reply page = http.send("GET", "/sandbox/paypal/approve?setup=" + id, null, Map.of());
    assertThat(page.status()).isEqualTo(409);
    assertThat(page.body()).contains("expired");
    Reply approve = form("/sandbox/paypal/approve", "setup=" + id + "&email=" + encode("buyer@example.com"));
    assertThat(approve.status()).isEqualTo(409);
    assertThat(approve.body()).contains("expired");
    assertThat(approve.header("Location")).isNull();
    assertCompleteFails("200001", id, "setup_expired");
    assertThatThrownBy(() -> sandbox.approvePayPalSetup(id, "buyer@example.com"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("expired");
  }

  @Test
  void approvedSetupDoesNotExpire() {
    String id = create("200001").string("id");
    sandbox.approvePayPalSetup(id, "buyer@example.com");

    sandbox.clock().advance(Duration.ofHours(4));

    assertThat(http.get("/v1/accounts/200001/paypal_setups/" + id).string("status")).isEqualTo("approved");
    assertThat(complete("200001", id).status()).isEqualTo(200);
  }

  @Test
  void lifetimeIsConfigurable() {
    try (SettleSandbox shortLived = SettleSandbox.builder()
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .paypalSetupLifetime(Duration.ofMinutes(10))
        .build().start()) {
      SandboxHttp other = new SandboxHttp(shortLived);
      Reply setup = other.post("/v1/accounts/200001/paypal_setups", setupJson());

      assertThat(setup.string("expires_at")).isEqualTo("2026-11-26T09:40:00Z");
      shortLived.clock().advance(Duration.ofMinutes(10));
      assertThat(other.get("/v1/accounts/200001/paypal_setups/" + setup.string("id")).string("status"))
          .isEqualTo("expired");
    }
    assertThatThrownBy(() -> SettleSandbox.builder().paypalSetupLifetime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SettleSandbox.builder().paypalSetupLifetime(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- completing

  @Test
  void completingAnApprovedSetupGivesAPayPalToken() {
    String id = create("200001").string("id");
    URI back = sandbox.approvePayPalSetup(id, "buyer@example.com");
    assertThat(back.toString()).startsWith(RETURN_URL + "?approval_session_id=" + id + "&approval_token_id=");

    Reply token = complete("200001", id);

    assertThat(token.status()).isEqualTo(200);
    assertThat(token.string("id")).matches("tok_[A-Za-z0-9]+");
    assertThat(token.string("type")).isEqualTo("paypal");
    assertThat(token.string("paypal.email")).isEqualTo("buyer@example.com");
    assertThat(token.string("paypal.payer_id")).matches(PAYER_ID);
    assertThat(token.has("card")).isFalse();
    assertThat(token.get("requires_authentication")).isEqualTo(false);
    assertThat(http.get("/v1/accounts/200001/paypal_setups/" + id).string("status"))
        .as("completed only once its token is attached").isEqualTo("approved");

    assertThat(attach("200001", token.string("id")).get("usable_off_session")).isEqualTo(true);
    assertThat(http.get("/v1/accounts/200001/paypal_setups/" + id).string("status")).isEqualTo("completed");
  }

  @Test
  void completingIsRefusedUntilApprovedAndAfterItWasDone() {
    String id = create("200001").string("id");
    assertCompleteFails("200001", id, "payer_action_required");

    sandbox.approvePayPalSetup(id, "buyer@example.com");
    Reply first = http.post("/v1/accounts/200001/paypal_setups/" + id + "/complete", null, "complete-1");
    Reply replay = http.post("/v1/accounts/200001/paypal_setups/" + id + "/complete", null, "complete-1");

    assertThat(first.status()).isEqualTo(200);
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(complete("200001", id).string("id")).as("the same token until it is attached")
        .isEqualTo(first.string("id"));
    attach("200001", first.string("id"));
    assertCompleteFails("200001", id, "setup_already_completed");
  }

  @Test
  void completingACancelledSetupIsRefused() {
    String id = create("200001").string("id");
    URI back = sandbox.cancelPayPalSetup(id);

    assertThat(back).isEqualTo(URI.create(CANCEL_URL + "&approval_session_id=" + id));
    assertCompleteFails("200001", id, "setup_cancelled");
    assertThatThrownBy(() -> sandbox.approvePayPalSetup(id, "buyer@example.com"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("cancelled");
  }

  @Test
  void completingNeedsAnIdempotencyKey() {
    String id = create("200001").string("id");
    sandbox.approvePayPalSetup(id, "buyer@example.com");

    Reply reply = http.postWithoutKey("/v1/accounts/200001/paypal_setups/" + id + "/complete", null);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.param")).isEqualTo("Idempotency-Key");
    assertThat(http.get("/v1/accounts/200001/paypal_setups/" + id).string("status")).isEqualTo("approved");
  }

  @Test
  void testHelpersRefuseWhatThePageWould() {
    assertThatThrownBy(() -> sandbox.approvePayPalSetup("pps_nothing", "buyer@example.com"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sandbox.cancelPayPalSetup("pps_nothing"))
        .isInstanceOf(IllegalArgumentException.class);
    String id = create("200001").string("id");
    assertThatThrownBy(() -> sandbox.approvePayPalSetup(id, "no email"))
        .isInstanceOf(IllegalArgumentException.class);
    sandbox.approvePayPalSetup(id, "buyer@example.com");
    assertThatThrownBy(() -> sandbox.cancelPayPalSetup(id))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("approved");
  }

  // ---- the saved PayPal account

  @Test
  void payPalAccountIsStoredOnPortalTwoAndCanBePreferred() {
    String token = payPalToken("200001", "buyer@example.com");

    Reply method = attach("200001", token);

    assertThat(method.status()).isEqualTo(201);
    assertThat(method.string("type")).isEqualTo("paypal");
    assertThat(method.string("paypal.email")).isEqualTo("buyer@example.com");
    assertThat(method.string("paypal.payer_id")).matches(PAYER_ID);
    assertThat(method.has("card")).isFalse();
    assertThat(method.get("preferred")).isEqualTo(false);

    http.postWithoutKey("/v1/accounts/200001/payment_methods/" + method.string("id") + "/make_preferred", null);
    Reply account = http.get("/v1/accounts/200001");
    assertThat(account.string("preferred_payment_method.id")).isEqualTo(method.string("id"));
    assertThat(account.string("preferred_payment_method.type")).isEqualTo("paypal");
    assertThat(attach("200001", token).string("error.code")).isEqualTo("token_already_used");
  }

  @Test
  void payPalAccountFollowsPortalOneRules() {
    Reply first = attach("100001", payPalToken("100001", "buyer@example.com"));
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.get("preferred")).isEqualTo(true);

    String token = payPalToken("100002", "buyer@example.com");
    Reply refused = attach("100002", token);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.string("error.code")).isEqualTo("portal_single_method");

    http.delete("/v1/accounts/100002/payment_methods/pm_demo100002visa");
    Reply switched = attach("100002", token);
    assertThat(switched.status()).isEqualTo(201);
    assertThat(switched.get("preferred")).isEqualTo(true);
    assertThat(http.get("/v1/accounts/100002").string("preferred_payment_method.type")).isEqualTo("paypal");
  }

  @Test
  void aCompletionRefusedOnPortalOneLeavesTheSetupUsableForTheSameKeyOnceTheCardIsRemoved() {
    String id = create("100002").string("id");
    sandbox.approvePayPalSetup(id, "buyer@example.com");
    Reply token = http.post("/v1/accounts/100002/paypal_setups/" + id + "/complete", null, "switch-1:1");
    String attach = "{\"token\":\"" + token.string("id") + "\"}";
    Reply refused = http.post("/v1/accounts/100002/payment_methods", attach, "switch-1");
    assertThat(refused.string("error.code")).isEqualTo("portal_single_method");
    assertThat(http.get("/v1/accounts/100002/paypal_setups/" + id).string("status")).isEqualTo("approved");

    http.delete("/v1/accounts/100002/payment_methods/pm_demo100002visa");
    Reply again = http.post("/v1/accounts/100002/paypal_setups/" + id + "/complete", null, "switch-1:1");
    Reply stored = http.post("/v1/accounts/100002/payment_methods", attach, "switch-1");

    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.string("id")).isEqualTo(token.string("id"));
    assertThat(stored.status()).as("the refusal was not kept under the key").isEqualTo(201);
    assertThat(stored.string("type")).isEqualTo("paypal");
    assertThat(http.get("/v1/accounts/100002").string("preferred_payment_method.id")).isEqualTo(stored.string("id"));
    assertThat(http.get("/v1/accounts/100002/paypal_setups/" + id).string("status")).isEqualTo("completed");
  }

  @Test
  void aCompletionRefusedOnPortalOneLeavesTheSetupUsableForANewKeyOnceTheCardIsRemoved() {
    String id = create("100002").string("id");
    sandbox.approvePayPalSetup(id, "buyer@example.com");
    String first = complete("100002", id).string("id");
    assertThat(attach("100002", first).string("error.code")).isEqualTo("portal_single_method");

    http.delete("/v1/accounts/100002/payment_methods/pm_demo100002visa");
    Reply again = complete("100002", id);
    Reply stored = attach("100002", again.string("id"));

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.string("id")).as("the same token, never attached").isEqualTo(first);
    assertThat(stored.status()).isEqualTo(201);
    assertThat(stored.string("paypal.email")).isEqualTo("buyer@example.com");
    assertCompleteFails("100002", id, "setup_already_completed");
  }

  @Test
  void invoicePaidWithPayPal() {
    String methodId = http.post("/v1/accounts/300001/payment_methods",
        "{\"token\":\"" + payPalToken("300001", "buyer@example.com") + "\"}").string("id");

    Reply payment = http.post("/v1/accounts/300001/invoices/in_demo300001a/pay", "{}");

    assertThat(payment.status()).isEqualTo(200);
    assertThat(payment.string("status")).isEqualTo("succeeded");
    assertThat(payment.string("payment_method_id")).isEqualTo(methodId);
    assertThat(http.get("/v1/accounts/300001/invoices/in_demo300001a").string("status")).isEqualTo("paid");
  }

  @Test
  void declineTestPayerIsDeclined() {
    String methodId = attach("300001", payPalToken("300001", "decline@example.com")).string("id");

    Reply reply = http.post("/v1/accounts/300001/invoices/in_demo300001a/pay", "{}");

    assertThat(reply.status()).isEqualTo(402);
    assertThat(reply.string("error.type")).isEqualTo("card_error");
    assertThat(reply.string("error.code")).isEqualTo("paypal_declined");
    assertThat(reply.string("error.payment.status")).isEqualTo("failed");
    assertThat(reply.string("error.payment.payment_method_id")).isEqualTo(methodId);
    assertThat(http.get("/v1/accounts/300001/invoices/in_demo300001a").string("status")).isEqualTo("open");
  }

  @Test
  void renewalChargesAPreferredPayPalAccount() {
    String methodId = http.post("/v1/accounts/200001/payment_methods",
        "{\"token\":\"" + payPalToken("200001", "buyer@example.com") + "\",\"preferred\":true}").string("id");

    sandbox.clock().advance(Duration.ofDays(365));

    Reply license = http.get("/v1/accounts/200001/licenses/lic_demo200001");
    assertThat(license.string("status")).isEqualTo("active");
    Reply payments = http.get("/v1/accounts/200001/invoices/" + license.string("last_renewal_invoice_id") + "/payments");
    assertThat(payments.string("data.0.status")).isEqualTo("succeeded");
    assertThat(payments.string("data.0.payment_method_id")).isEqualTo(methodId);
  }

  // ---- helpers

  private static String setupJson() {
    return "{\"return_url\":\"" + RETURN_URL + "\",\"cancel_url\":\"" + CANCEL_URL + "\"}";
  }

  private static Reply create(String customerId) {
    return http.post("/v1/accounts/" + customerId + "/paypal_setups", setupJson());
  }

  private static Reply complete(String customerId, String setupId) {
    return http.post("/v1/accounts/" + customerId + "/paypal_setups/" + setupId + "/complete", null);
  }

  private static String payPalToken(String customerId, String email) {
    String id = create(customerId).string("id");
    sandbox.approvePayPalSetup(id, email);
    return complete(customerId, id).string("id");
  }

  private static void assertCompleteFails(String customerId, String setupId, String code) {
    Reply reply = http.post("/v1/accounts/" + customerId + "/paypal_setups/" + setupId + "/complete", null,
        UUID.randomUUID().toString());
    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.string("error.type")).isEqualTo("conflict_error");
    assertThat(reply.string("error.code")).isEqualTo(code);
  }

  /** A form post as the payer's browser sends it: no API key. */
  private static Reply form(String path, String body) {
    return http.send("POST", path, body, Map.of("Content-Type", "application/x-www-form-urlencoded"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static Document parse(String html) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
  }

  private static String text(Document document, String xpath) throws Exception {
    return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.STRING);
  }

  private static Element byId(Document document, String id) throws Exception {
    NodeList found = (NodeList) XPathFactory.newInstance().newXPath()
        .evaluate("//*[@id='" + id + "']", document, XPathConstants.NODESET);
    assertThat(found.getLength()).as("elements with id %s", id).isEqualTo(1);
    return (Element) found.item(0);
  }

  private static Element formOf(Element element) {
    org.w3c.dom.Node node = element;
    while (node != null && !(node instanceof Element e && e.getTagName().equals("form"))) {
      node = node.getParentNode();
    }
    assertThat(node).as("form around %s", element.getTagName()).isNotNull();
    return (Element) node;
  }

  private static String hiddenSetup(Element form) throws Exception {
    return (String) XPathFactory.newInstance().newXPath()
        .evaluate(".//input[@type='hidden' and @name='setup']/@value", form, XPathConstants.STRING);
  }
}
