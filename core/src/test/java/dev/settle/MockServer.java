package dev.settle;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Small helpers shared by the tests that talk to a MockWebServer. */
final class MockServer {
  static final String API_KEY = "sk_test_51Hsecretsecretsecret";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

  private MockServer() {}

  static SettleClient client(MockWebServer server) {
    return SettleClient.builder()
        .baseUrl(URI.create(server.url("/").toString()))
        .apiKey(API_KEY)
        .clock(CLOCK)
        .build();
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
