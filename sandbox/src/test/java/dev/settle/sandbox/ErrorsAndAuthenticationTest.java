package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorsAndAuthenticationTest extends SandboxTestCase {

  @Test
  void missingApiKeyIsRefused() {
    Reply reply = http.send("GET", "/v1/accounts/100001", null, Map.of());

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.string("error.type")).isEqualTo("authentication_error");
    assertThat(reply.string("error.code")).isEqualTo("invalid_api_key");
    assertThat(reply.get("error.param")).isNull();
    assertThat(reply.string("error.request_id")).isEqualTo(reply.header("Request-Id"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer sk_test_wrong_key", "Basic sk_test_unit", "sk_test_unit", "Bearer"})
  void wrongApiKeyIsRefusedWithoutRepeatingIt(String authorization) {
    Reply reply = http.send("GET", "/v1/accounts/100001", null, Map.of("Authorization", authorization));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.string("error.code")).isEqualTo("invalid_api_key");
    assertThat(reply.body()).doesNotContain("sk_test_wrong_key");
  }

  @Test
  void schemeIsCaseInsensitive() {
    Reply reply = http.send("GET", "/v1/accounts/100001", null, Map.of("Authorization", "bearer sk_test_unit"));

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void authenticationComesBeforeRouting() {
    Reply reply = http.send("GET", "/v1/no_such_thing", null, Map.of());

    assertThat(reply.status()).isEqualTo(401);
  }

  @Test
  void everyResponseCarriesItsOwnRequestId() {
    List<Reply> replies = List.of(
        http.get("/v1/accounts/100001"),
        http.get("/v1/accounts/999999"),
        http.get("/nowhere"),
        http.send("GET", "/v1/accounts/100001", null, Map.of()),
        http.post("/v1/tokens", "{"));
    Set<String> ids = new HashSet<>();
    for (Reply reply : replies) {
      assertThat(reply.header("Request-Id")).matches("req_[A-Za-z0-9]{24}");
      ids.add(reply.header("Request-Id"));
    }
    assertThat(ids).hasSize(replies.size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v1", "/v1/accounts", "/v1/accounts/100001/", "/v1/accounts/100001/nothing",
      "/v2/accounts/100001", "/index.html"})
  void unknownPathIsNotFoundInTheErrorShape(String path) {
    Reply reply = http.get(path);

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.header("Content-Type")).isEqualTo("application/json");
    assertThat(reply.string("error.type")).isEqualTo("invalid_request_error");
    assertThat(reply.string("error.code")).isEqualTo("resource_missing");
    assertThat(reply.string("error.message")).contains(path);
  }

  @ParameterizedTest
  @CsvSource({
      "PUT, /v1/accounts/100001, GET",
      "DELETE, /v1/accounts/100001/invoices, GET",
      "GET, /v1/tokens, POST",
      "PATCH, /v1/accounts/100002/payment_methods/pm_demo100002visa, 'DELETE, GET'",
      "GET, /v1/accounts/200001/invoices/in_demo200001b/pay, POST"})
  void wrongMethodIsRefusedInTheErrorShape(String method, String path, String allowed) {
    Reply reply = http.send(method, path, null, http.authorized());

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.header("Allow")).isEqualTo(allowed);
    assertThat(reply.string("error.type")).isEqualTo("invalid_request_error");
    assertThat(reply.string("error.code")).isEqualTo("method_not_allowed");
  }

  @Test
  void headIsRefusedWithHeadersOnly() {
    Reply reply = http.send("HEAD", "/v1/accounts/100001", null, http.authorized());

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.header("Allow")).isEqualTo("GET");
    assertThat(reply.header("Request-Id")).startsWith("req_");
    assertThat(reply.body()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "{\"token\":}", "[1,2", "not json", "{} {}", "{'token':'tok_1'}",
      "{\"token\":\"tok_1\",\"token\":\"tok_2\"}", "\"tok_1\"", "[]", "null"})
  void malformedJsonIsRefused(String body) {
    Reply reply = http.post("/v1/accounts/200001/payment_methods", body);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.type")).isEqualTo("invalid_request_error");
    assertThat(reply.string("error.code")).isEqualTo("invalid_json");
  }

  @Test
  void missingBodyIsRefused() {
    Reply reply = http.post("/v1/accounts/200001/invoices/in_demo200001b/pay", "");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.code")).isEqualTo("invalid_json");
  }

  @Test
  void bodyMustBeJson() {
    Map<String, String> headers = http.authorized();
    headers.put("Idempotency-Key", "form-1");
    headers.put("Content-Type", "application/x-www-form-urlencoded");
    Reply reply = http.send("POST", "/v1/accounts/200001/invoices/in_demo200001b/pay", "payment_method_id=pm_1",
        headers);

    assertThat(reply.status()).isEqualTo(415);
    assertThat(reply.string("error.code")).isEqualTo("unsupported_media_type");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/v1/accounts/200001/payment_methods | {\"token\":\"tok_1\",\"color\":\"red\"} | parameter_unknown | color",
      "/v1/accounts/200001/payment_methods | {\"token\":42} | parameter_invalid | token",
      "/v1/accounts/200001/payment_methods | {\"token\":\"card_1\"} | parameter_invalid | token",
      "/v1/accounts/200001/payment_methods | {\"token\":\"tok_1\",\"preferred\":\"yes\"} | parameter_invalid | preferred",
      "/v1/accounts/200001/payment_methods | {} | parameter_missing | token",
      "/v1/accounts/200001/payment_methods | {\"token\":null} | parameter_missing | token",
      "/v1/tokens | {\"type\":\"card\"} | parameter_missing | card",
      "/v1/tokens | {\"type\":\"paypal\",\"card\":{}} | parameter_invalid | type",
      "/v1/tokens | {\"type\":\"card\",\"card\":\"4242\"} | parameter_invalid | card",
      "/v1/tokens | {\"type\":\"card\",\"card\":{\"number\":\"4242424242424242\",\"exp_month\":12,\"exp_year\":2030,\"cvc\":\"123\",\"pin\":\"1\"}} | parameter_unknown | card.pin",
      "/v1/tokens | {\"type\":\"card\",\"card\":{\"number\":\"4242424242424242\",\"exp_month\":\"12\",\"exp_year\":2030,\"cvc\":\"123\"}} | parameter_invalid | card.exp_month",
      "/v1/tokens | {\"type\":\"card\",\"card\":{\"number\":\"4242424242424242\",\"exp_month\":12.5,\"exp_year\":2030,\"cvc\":\"123\"}} | parameter_invalid | card.exp_month",
      "/v1/tokens | {\"type\":\"card\",\"card\":{\"number\":\"4242424242424242\",\"exp_month\":13,\"exp_year\":2030,\"cvc\":\"123\"}} | parameter_invalid | card.exp_month",
      "/v1/tokens | {\"type\":\"card\",\"card\":{\"number\":\"4242424242424242\",\"exp_month\":12,\"exp_year\":2030}} | parameter_missing | card.cvc",
      "/v1/tokens | {\"type\":\"card\",\"card\":{\"number\":4242424242424242,\"exp_month\":12,\"exp_year\":2030,\"cvc\":\"123\"}} | parameter_invalid | card.number",
      "/v1/accounts/200001/invoices/in_demo200001b/pay | {\"amount\":100} | parameter_unknown | amount",
      "/v1/accounts/200001/invoices/in_demo200001b/pay | {\"payment_method_id\":true} | parameter_invalid | payment_method_id"})
  void badFieldsNameTheParameter(String path, String body, String code, String param) {
    Reply reply = http.post(path, body);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.type")).isEqualTo("invalid_request_error");
    assertThat(reply.string("error.code")).isEqualTo(code);
    assertThat(reply.string("error.param")).isEqualTo(param);
  }

  @ParameterizedTest
  @CsvSource({
      "/v1/accounts/200001/invoices?color=red, parameter_unknown, color",
      "/v1/accounts/200001/invoices?limit=0, parameter_invalid, limit",
      "/v1/accounts/200001/invoices?limit=101, parameter_invalid, limit",
      "/v1/accounts/200001/invoices?limit=ten, parameter_invalid, limit",
      "/v1/accounts/200001/invoices?limit=1&limit=2, parameter_invalid, limit",
      "/v1/accounts/200001/invoices?status=late, parameter_invalid, status",
      "/v1/accounts/200001/invoices?starting_after=bm9wZQ, parameter_invalid, starting_after",
      "/v1/accounts/200001/payment_methods?status=open, parameter_unknown, status",
      "/v1/accounts/200001?expand=everything, parameter_unknown, expand"})
  void badQueryParametersNameTheParameter(String pathAndQuery, String code, String param) {
    Reply reply = http.get(pathAndQuery);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.code")).isEqualTo(code);
    assertThat(reply.string("error.param")).isEqualTo(param);
  }

  @Test
  void unknownApiVersionIsRefused() {
    Map<String, String> headers = http.authorized();
    headers.put("Settle-Version", "2020-01-01");
    Reply reply = http.send("GET", "/v1/accounts/100001", null, headers);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.code")).isEqualTo("version_unsupported");
    assertThat(reply.string("error.param")).isEqualTo("Settle-Version");
  }

  @Test
  void missingApiVersionIsAccepted() {
    Reply reply = http.send("GET", "/v1/accounts/100001", null, Map.of("Authorization", "Bearer sk_test_unit"));

    assertThat(reply.status()).isEqualTo(200);
  }
}
