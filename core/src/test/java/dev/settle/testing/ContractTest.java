package dev.settle.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

/** The contract check must be able to fail, or the tests that use it prove nothing. */
class ContractTest {
  @StartStop final MockWebServer server = new MockWebServer();

  @Test
  void rejectsAPaymentWithoutIdempotencyKey() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    new OkHttpClient().newCall(new Request.Builder()
        .url(server.url("/v1/accounts/200001/invoices/in_1/pay"))
        .header("Authorization", "Bearer sk_test_x")
        .post(RequestBody.create("{}", MediaType.get("application/json")))
        .build()).execute().close();

    assertThatThrownBy(() -> Contract.assertValidRequest(server.takeRequest()))
        .isInstanceOf(AssertionError.class).hasMessageContaining("Idempotency-Key");
  }

  @Test
  void rejectsAResponseMissingARequiredField() {
    assertThatThrownBy(() -> Contract.assertValidResponse("GET", "/v1/accounts/200001/invoices/in_1", 200,
            "application/json", Json.invoice("in_1", "open").replace("\"total\":11900,", "")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("total");
  }

  @Test
  void aNullableReferenceAcceptsNullAndStillChecksTheObjectWhenThereIsOne() {
    String path = "/v1/accounts/200001";
    Contract.assertValidResponse("GET", path, 200, "application/json", Json.account("200001", "I", "null"));
    Contract.assertValidResponse("GET", path, 200, "application/json",
        Json.account("200001", "I", Json.cardMethod("pm_1", true)));

    String methodWithoutType = Json.cardMethod("pm_1", true).replace("\"type\":\"card\",", "");
    assertThatThrownBy(() -> Contract.assertValidResponse("GET", path, 200, "application/json",
            Json.account("200001", "I", methodWithoutType)))
        .isInstanceOf(AssertionError.class).hasMessageContaining("type");
  }
}
