package dev.settle.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One sandbox per test class on a fixed clock, reset to the demo data before each test. */
abstract class SandboxTestCase {
  static final Instant NOW = Instant.parse("2026-11-26T09:30:00Z");

  static SettleSandbox sandbox;
  static SandboxHttp http;

  @BeforeAll
  static void startSandbox() {
    sandbox = SettleSandbox.builder().apiKey("sk_test_unit").clock(Clock.fixed(NOW, ZoneOffset.UTC)).build().start();
    http = new SandboxHttp(sandbox);
  }

  @BeforeEach
  void resetSandbox() {
    sandbox.reset();
  }

  @AfterAll
  static void closeSandbox() {
    sandbox.close();
  }

  /** A card token for {@code number}, valid until 12/2030. */
  static String token(String number, String cvc) {
    Reply reply = http.post("/v1/tokens", cardJson(number, 12, 2030, cvc));
    if (reply.status() != 201) {
      throw new AssertionError("Tokenizing a test card failed: " + reply.body());
    }
    return reply.string("id");
  }

  static String token(String number) {
    return token(number, number.startsWith("3") && number.length() == 15 ? "1234" : "123");
  }

  static String cardJson(String number, int expMonth, int expYear, String cvc) {
    return "{\"type\":\"card\",\"card\":{\"number\":\"" + number + "\",\"exp_month\":" + expMonth
        + ",\"exp_year\":" + expYear + ",\"cvc\":\"" + cvc + "\"}}";
  }

  static Reply attach(String customerId, String token) {
    return http.post("/v1/accounts/" + customerId + "/payment_methods", "{\"token\":\"" + token + "\"}");
  }
}
