package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.sandbox.SandboxFaults.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fault switches: latency, injected errors, 429 bursts and dropped connections. */
class FaultsTest extends SandboxTestCase {
  private static final String PAY_ROUTE = "POST /v1/accounts/*/invoices/*/pay";
  private static final String PAY = "/v1/accounts/200001/invoices/in_demo200001b/pay";
  private static final String INVOICE = "/v1/accounts/200001/invoices/in_demo200001b";

  // ---- latency

  @Test
  void latencyDelaysMatchingRequestsOnly() {
    sandbox.faults().route("GET /v1/accounts/*").latency(Duration.ofMillis(300));

    long start = System.nanoTime();
    assertThat(http.get("/v1/accounts/100001").status()).isEqualTo(200);
    long delayedMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(http.get("/v1/accounts/100001/invoices").status()).isEqualTo(200);

    assertThat(delayedMillis).isGreaterThanOrEqualTo(300);
    assertThat(sandbox.faults().injected()).containsEntry(Kind.LATENCY, 1L);
  }

  @Test
  void globalLatencyDelaysEveryApiRequestButNotTheSandboxsOwnEndpoints() {
    sandbox.faults().latency(Duration.ofMillis(50));

    http.get("/v1/accounts/100001");
    http.get("/v1/accounts/200001/invoices");
    http.postWithoutKey("/sandbox/clock/advance", "{\"seconds\":0}");

    assertThat(sandbox.faults().injected()).containsEntry(Kind.LATENCY, 2L);
  }

  // ---- errors

  @Test
  void anErrorRateAnswersTheStatusInTheErrorShapeWithoutDoingTheWork() {
    sandbox.faults().route(PAY_ROUTE).errorRate(1.0, 503);

    Reply reply = http.post(PAY, "{}", "fault-key-1");   // checked against the contract by SandboxHttp

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.string("error.type")).isEqualTo("api_error");
    assertThat(reply.string("error.code")).isEqualTo("service_unavailable");
    assertThat(reply.string("error.request_id")).isEqualTo(reply.header("Request-Id")).startsWith("req_");
    assertThat(http.get(INVOICE).string("status")).isEqualTo("open");
    assertThat(http.get(INVOICE + "/payments").list("data")).isEmpty();
    assertThat(sandbox.faults().injected()).containsEntry(Kind.ERROR, 1L);

    // Nothing ran, so nothing was kept under the key: the retry runs afresh.
    sandbox.faults().clear();
    Reply retry = http.post(PAY, "{}", "fault-key-1");
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.header("Idempotent-Replayed")).isNull();
  }

  @ParameterizedTest
  @CsvSource({
      "500, api_error, internal_error",
      "502, api_error, bad_gateway",
      "504, api_error, gateway_timeout",
      "429, rate_limit_error, rate_limited",
      "409, conflict_error, sandbox_fault",
      "400, invalid_request_error, sandbox_fault"})
  void injectedErrorsHaveTheContractsTypeForTheirStatus(int status, String type, String code) {
    sandbox.faults().errorRate(1.0, status);

    Reply reply = http.get("/v1/accounts/100001");

    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.string("error.type")).isEqualTo(type);
    assertThat(reply.string("error.code")).isEqualTo(code);
  }

  @Test
  void aRouteSettingReplacesTheGlobalOneForItsRequests() {
    sandbox.faults().errorRate(1.0, 500);
    sandbox.faults().route("GET /v1/accounts/100001").errorRate(1.0, 502);

    assertThat(http.get("/v1/accounts/100001").status()).isEqualTo(502);
    assertThat(http.get("/v1/accounts/100002").status()).isEqualTo(500);
  }

  // ---- 429 bursts

  @Test
  void aRateLimitBurstAnswersTheNextRequests429WithRetryAfterInSeconds() {
    sandbox.faults().route("GET /v1/accounts/**").rateLimitBurst(2, Duration.ofMillis(1500));

    Reply first = http.get("/v1/accounts/100001");
    Reply second = http.get("/v1/accounts/100001/licenses");
    Reply third = http.get("/v1/accounts/100001");

    for (Reply limited : List.of(first, second)) {
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.header("Retry-After")).isEqualTo("2");
      assertThat(limited.string("error.type")).isEqualTo("rate_limit_error");
      assertThat(limited.string("error.code")).isEqualTo("rate_limited");
    }
    assertThat(third.status()).isEqualTo(200);
    assertThat(sandbox.faults().injected()).containsEntry(Kind.RATE_LIMIT, 2L);
  }

  @Test
  void aBurstDoesNotTouchOtherRoutes() {
    sandbox.faults().route(PAY_ROUTE).rateLimitBurst(1, Duration.ofSeconds(3));

    assertThat(http.get(INVOICE).status()).isEqualTo(200);
    Reply paid = http.post(PAY, "{}");
    assertThat(paid.status()).isEqualTo(429);
    assertThat(paid.header("Retry-After")).isEqualTo("3");
    assertThat(http.post(PAY, "{}").status()).isEqualTo(200);
  }

  // ---- dropped connections

  @Test
  void dropBeforeCommitClosesTheConnectionWithoutAnswerAndWithoutDoingTheWork() throws IOException {
    sandbox.faults().route(PAY_ROUTE).dropBeforeCommit(1.0);

    byte[] answer = rawPost(PAY, "{}", "drop-before-1");

    assertThat(answer).as("bytes of any answer").isEmpty();
    assertThat(sandbox.faults().injected()).containsEntry(Kind.DROP_BEFORE_COMMIT, 1L);
    assertThat(http.get(INVOICE).string("status")).isEqualTo("open");
    assertThat(http.get(INVOICE + "/payments").list("data")).isEmpty();

    sandbox.faults().clear();
    Reply retry = http.post(PAY, "{}", "drop-before-1");
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.header("Idempotent-Replayed")).isNull();
  }

  @Test
  void dropAfterCommitDoesTheWorkAndTheReplayUnderTheSameKeyAnswersIt() throws IOException {
    sandbox.faults().route(PAY_ROUTE).dropAfterCommit(1.0);

    byte[] answer = rawPost(PAY, "{}", "drop-after-1");

    assertThat(answer).as("bytes of any answer").isEmpty();
    assertThat(sandbox.faults().injected()).containsEntry(Kind.DROP_AFTER_COMMIT, 1L);
    Reply invoice = http.get(INVOICE);
    assertThat(invoice.string("status")).isEqualTo("paid");
    List<Object> payments = http.get(INVOICE + "/payments").list("data");
    assertThat(payments).hasSize(1);

    sandbox.faults().clear();
    Reply replay = http.post(PAY, "{}", "drop-after-1");
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replay.string("id")).isEqualTo(((Map<?, ?>) payments.get(0)).get("id"));
    assertThat(replay.string("status")).isEqualTo("succeeded");
    assertThat(http.get(INVOICE + "/payments").list("data")).hasSize(1);
  }

  @Test
  void theJdkClientSeesAnIoErrorAndNoStatusForADrop() {
    sandbox.faults().route(PAY_ROUTE).dropAfterCommit(1.0);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request = HttpRequest.newBuilder(sandbox.baseUrl().resolve(PAY.substring(1)))
        .header("Authorization", "Bearer " + sandbox.apiKey())
        .header("Idempotency-Key", "drop-jdk-1")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}"))
        .build();

    assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
    assertThat(http.get(INVOICE).string("status")).isEqualTo("paid");
  }

  @Test
  void aDropIsNotAnAnswerFromTheTestsClientEither() {
    sandbox.faults().dropBeforeCommit(1.0);

    assertThatThrownBy(() -> http.get("/v1/accounts/100001")).isInstanceOf(UncheckedIOException.class);
  }

  // ---- determinism

  @Test
  void theSameSeedGivesTheSameFaultsForTheSameRequests() {
    List<Integer> first = statuses(42);
    List<Integer> again = statuses(42);
    List<Integer> other = statuses(7);

    assertThat(again).isEqualTo(first);
    assertThat(first).contains(200, 500, 502);
    assertThat(other).isNotEqualTo(first);
  }

  /** 40 reads with half erroring globally and a third of one route's erroring otherwise. */
  private static List<Integer> statuses(long seed) {
    sandbox.reset();
    sandbox.faults().seed(seed).errorRate(0.5, 500);
    sandbox.faults().route("GET /v1/accounts/100002").errorRate(0.3, 502);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      statuses.add(http.get(i % 2 == 0 ? "/v1/accounts/100001" : "/v1/accounts/100002").status());
    }
    return statuses;
  }

  @Test
  void clearRestartsTheSequenceFromTheSeedAndZeroesTheCounters() {
    sandbox.faults().seed(99).errorRate(0.5, 500);
    List<Integer> before = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      before.add(http.get("/v1/accounts/100001").status());
    }
    sandbox.faults().clear();
    assertThat(sandbox.faults().injected().values()).containsOnly(0L);
    sandbox.faults().errorRate(0.5, 500);
    List<Integer> after = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      after.add(http.get("/v1/accounts/100001").status());
    }

    assertThat(after).isEqualTo(before);
    assertThat(sandbox.faults().injected().get(Kind.ERROR)).isEqualTo(after.stream().filter(s -> s == 500).count());
  }

  @Test
  void resetSwitchesEverythingOff() {
    sandbox.faults().errorRate(1.0, 500).latency(Duration.ofMillis(10));
    sandbox.faults().route(PAY_ROUTE).dropBeforeCommit(1.0);

    sandbox.reset();

    assertThat(http.get("/v1/accounts/100001").status()).isEqualTo(200);
    assertThat(http.post(PAY, "{}").status()).isEqualTo(200);
    assertThat(sandbox.faults().injected().values()).containsOnly(0L);
  }

  // ---- configuration

  @Test
  void settingsAreChecked() {
    SandboxFaults faults = sandbox.faults();
    assertThatThrownBy(() -> faults.errorRate(1.5, 500)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> faults.errorRate(Double.NaN, 500)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> faults.errorRate(0.5, 200)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> faults.dropAfterCommit(-0.1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> faults.latency(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> faults.rateLimitBurst(-1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> faults.route("/v1/tokens")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> faults.route("GET /v1/**/x")).isInstanceOf(IllegalArgumentException.class);
    assertThat(faults.route("post /v1/tokens")).isSameAs(faults.route("POST /v1/tokens"));
    assertThat(faults.route("POST /v1/tokens").route()).isEqualTo("POST /v1/tokens");
  }

  @ParameterizedTest
  @CsvSource({
      "POST /v1/accounts/*/invoices/*/pay, POST, /v1/accounts/200001/invoices/in_1/pay, true",
      "POST /v1/accounts/*/invoices/*/pay, GET, /v1/accounts/200001/invoices/in_1/pay, false",
      "POST /v1/accounts/*/invoices/*/pay, POST, /v1/accounts/200001/invoices/in_1/payments, false",
      "POST /v1/accounts/*/invoices/*/pay, POST, /v1/accounts/200001/invoices//pay, false",
      "* /v1/**, DELETE, /v1/webhook_endpoints/we_1, true",
      "* /v1/accounts/200001/**, GET, /v1/accounts/200001, true",
      "* /v1/accounts/200001/**, GET, /v1/accounts/2000011, false",
      "GET /v1/accounts/*, GET, /v1/accounts/100001/invoices, false"})
  void routePatterns(String pattern, String method, String path, boolean matches) {
    assertThat(FaultRoute.parse(pattern).matches(method, path)).isEqualTo(matches);
  }

  // ---- over HTTP

  @Test
  void theSwitchesCanBeSetOverHttp() {
    Reply set = http.postWithoutKey("/sandbox/faults", "{\"seed\":5,\"rules\":["
        + "{\"route\":\"POST /v1/accounts/*/invoices/*/pay\",\"error_rate\":1,\"error_status\":502},"
        + "{\"rate_limit_burst\":1,\"retry_after_seconds\":4}]}");
    assertThat(set.status()).as(set.body()).isEqualTo(200);

    Reply limited = http.get("/v1/accounts/100001");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("4");
    assertThat(http.post(PAY, "{}").status()).isEqualTo(502);
    Reply counters = http.get("/sandbox/faults");
    assertThat(counters.number("injected.error")).isEqualTo(1);
    assertThat(counters.number("injected.rate_limit")).isEqualTo(1);

    assertThat(http.send("DELETE", "/sandbox/faults", null, http.authorized()).status()).isEqualTo(200);
    assertThat(http.post(PAY, "{}").status()).isEqualTo(200);
    assertThat(http.get("/sandbox/faults").number("injected.error")).isZero();
  }

  @Test
  void theHttpSwitchesAreNeverFaultedAndNeedTheApiKey() {
    sandbox.faults().dropBeforeCommit(1.0);

    assertThat(http.send("DELETE", "/sandbox/faults", null, Map.of()).status()).isEqualTo(401);
    assertThat(http.send("DELETE", "/sandbox/faults", null, http.authorized()).status()).isEqualTo(200);
    assertThat(http.get("/v1/accounts/100001").status()).isEqualTo(200);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"rules\":[{\"error_rate\":1}]}                          | parameter_missing",
      "{\"rules\":[{\"error_rate\":2,\"error_status\":500}]}      | parameter_invalid",
      "{\"rules\":[{\"route\":\"/v1/tokens\",\"latency_ms\":5}]} | parameter_invalid",
      "{\"rules\":[{\"latency\":5}]}                             | parameter_unknown",
      "{\"rules\":{}}                                            | parameter_invalid"})
  void badHttpSwitchesAreRefusedAndChangeNothing(String body, String code) {
    sandbox.faults().errorRate(1.0, 503);

    Reply reply = http.postWithoutKey("/sandbox/faults", body);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.code")).isEqualTo(code);
    assertThat(http.get("/v1/accounts/100001").status()).isEqualTo(503);
  }

  // ---- helpers

  /** A POST over a plain socket; answers every byte the server sent before closing. */
  private static byte[] rawPost(String path, String json, String idempotencyKey) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head = "POST " + path + " HTTP/1.1\r\n"
        + "Host: 127.0.0.1:" + sandbox.baseUrl().getPort() + "\r\n"
        + "Authorization: Bearer " + sandbox.apiKey() + "\r\n"
        + "Idempotency-Key: " + idempotencyKey + "\r\n"
        + "Content-Type: application/json\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n";
    try (Socket socket = new Socket(sandbox.baseUrl().getHost(), sandbox.baseUrl().getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      try {
        return in.readAllBytes();
      } catch (IOException reset) {
        return new byte[0];   // a reset instead of an orderly close: still no answer
      }
    }
  }
}
