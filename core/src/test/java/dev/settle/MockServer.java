package dev.settle;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Small helpers shared by the tests that talk to a MockWebServer. */
final class MockServer {
  static final String API_KEY = "sk_test_51Hsecretsecretsecret";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

  private MockServer() {}

  /** A client that makes one attempt per call, so each response maps to one call. */
  static SettleClient client(MockWebServer server) {
    return builder(server).retryPolicy(RetryPolicy.none()).build();
  }

  /** A client with the default retry policy whose waits are recorded in {@code sleeps}, not slept. */
  static SettleClient retryingClient(MockWebServer server, List<Duration> sleeps) {
    return builder(server).sleeper(sleeps::add).scheduler((task, delay) -> {
      sleeps.add(delay);
      task.run();
      return () -> { };
    }).build();
  }

  static SettleClient.Builder builder(MockWebServer server) {
    return SettleClient.builder()
        .baseUrl(URI.create(server.url("/").toString()))
        .apiKey(API_KEY)
        .clock(CLOCK);
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .addHeader("Request-Id", "req_hdr")
        .body(body)
        .build();
  }
}
