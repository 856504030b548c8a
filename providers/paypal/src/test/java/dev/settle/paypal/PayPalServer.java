package dev.settle.paypal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.SettleClient;
import dev.settle.testing.Contract;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Canned bodies as the contract's server writes them, and a client for a MockWebServer. */
final class PayPalServer {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2030-06-15T12:00:00Z"), ZoneOffset.UTC);
  static final String API_KEY = "sk_test_paypalprovider";
  static final String CUSTOMER = "200001";
  static final String SETUP_ID = "pps_8Kd2Lm4QxT";
  static final String TOKEN_ID = "tok_PayPal7XRNGHV24HQL4";
  static final String METHOD_ID = "pm_PayPal1";
  static final String EMAIL = "camille.martin@example.com";
  static final String PAYER_ID = "7XRNGHV24HQL4";
  static final String APPROVAL_URL =
      "https://www.sandbox.paypal.com/agreements/approve?approval_session_id=" + SETUP_ID;
  static final String SETUPS = "/v1/accounts/" + CUSTOMER + "/paypal_setups";
  static final String SETUP = SETUPS + "/" + SETUP_ID;
  static final String COMPLETE = SETUP + "/complete";
  static final String PAYMENT_METHODS = "/v1/accounts/" + CUSTOMER + "/payment_methods";
  static final String ACCOUNT = "/v1/accounts/" + CUSTOMER;

  private PayPalServer() {}

  static String setup(String status) {
    return "{\"id\":\"" + SETUP_ID + "\",\"status\":\"" + status + "\","
        + "\"approval_url\":\"" + APPROVAL_URL + "\","
        + "\"expires_at\":\"2030-06-15T15:00:00Z\",\"created_at\":\"2030-06-15T12:00:00Z\"}";
  }

  static String token() {
    return "{\"id\":\"" + TOKEN_ID + "\",\"type\":\"paypal\",\"created_at\":\"2030-06-15T12:05:00Z\","
        + "\"paypal\":" + paypal() + "}";
  }

  static String storedPayPal(boolean preferred) {
    return "{\"id\":\"" + METHOD_ID + "\",\"type\":\"paypal\",\"preferred\":" + preferred + ","
        + "\"usable_off_session\":true,"
        + "\"created_at\":\"2030-06-15T12:05:01Z\",\"paypal\":" + paypal() + "}";
  }

  static String paypal() {
    return "{\"email\":\"" + EMAIL + "\",\"payer_id\":\"" + PAYER_ID + "\"}";
  }

  static String account(String portal, String preferredMethod) {
    return "{\"customer_id\":\"" + CUSTOMER + "\",\"portal\":\"" + portal + "\","
        + "\"name\":\"Camille Martin\",\"email\":\"" + EMAIL + "\",\"currency\":\"EUR\","
        + "\"preferred_payment_method\":" + preferredMethod + ","
        + "\"accepted_payment_methods\":[\"card\",\"paypal\",\"bank_transfer\"],"
        + "\"preferable_payment_methods\":[\"card\",\"paypal\"],"
        + "\"created_at\":\"2030-01-01T00:00:00Z\"}";
  }

  static String conflict(String code) {
    return "{\"error\":{\"type\":\"conflict_error\",\"code\":\"" + code + "\","
        + "\"message\":\"The setup cannot be completed.\",\"param\":null,"
        + "\"request_id\":\"req_409\"}}";
  }

  static SettleClient.Builder clientBuilder(MockWebServer server) {
    return SettleClient.builder()
        .baseUrl(URI.create(server.url("/").toString()))
        .apiKey(API_KEY)
        .clock(CLOCK);
  }

  /**
   * Checks a completion request against the contract, except for one known gap: the contract
   * declares no body for {@code POST …/paypal_setups/{id}/complete}, but a provider's POST always
   * carries one ({@code ProviderContext.post} takes a body), so the provider sends {@code {}}.
   * Until the contract declares an optional empty body (or core offers a POST without one), that
   * is the only violation allowed here; once it is fixed, the strict check passes and this falls
   * through to it.
   */
  static void assertValidCompletionRequest(RecordedRequest completion) {
    try {
      Contract.assertValidRequest(completion);
    } catch (AssertionError violations) {
      String unexpectedBody = "ERROR - No request body is expected but one was found.: []";
      assertThat(violations.getMessage()).contains(unexpectedBody);
      assertThat(violations.getMessage().replace(unexpectedBody, ""))
          .as("contract violations other than the known empty body")
          .doesNotContain("ERROR");
    }
  }

  /** Serves {@code body}, after checking that the contract allows it for the request. */
  static void respond(MockWebServer server, String method, String path, int status, String body) {
    Contract.assertValidResponse(method, path, status, "application/json", body);
    server.enqueue(json(status, body));
  }

  static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .addHeader("Content-Type", "application/json")
        .addHeader("Request-Id", "req_test")
        .body(body)
        .build();
  }
}
