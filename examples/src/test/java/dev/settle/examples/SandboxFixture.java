package dev.settle.examples;

import dev.settle.RetryPolicy;
import dev.settle.SettleClient;
import dev.settle.sandbox.SettleSandbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One sandbox per test class, back to its seeded state before each test, on a fixed clock. */
abstract class SandboxFixture {
  /** Attempts per call; retries do not wait, so that no test sleeps. */
  static final int ATTEMPTS = 3;
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
  static SettleSandbox sandbox;
  SettleClient settle;

  @BeforeAll
  static void startSandbox() {
    sandbox = SettleSandbox.builder().clock(CLOCK).build().start();
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @BeforeEach
  void freshState() {
    sandbox.reset();
    settle = SettleClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).clock(CLOCK)
        .retryPolicy(RetryPolicy.builder().maxAttempts(ATTEMPTS).initialBackoff(Duration.ZERO).build())
        .build();
  }

  @AfterEach
  void closeClient() {
    settle.close();
  }
}
