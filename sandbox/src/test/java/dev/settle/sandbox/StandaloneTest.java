package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The standalone sandbox's options, and what it says at start about who can reach it. */
class StandaloneTest {
  @Test
  void printsWhatAUserNeeds() throws IOException {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        SettleSandbox sandbox = Standalone.start(new String[] {"--port", "0", "--api-key", "sk_test_cli"}, out)) {
      String text = printed.toString(StandardCharsets.UTF_8);

      assertThat(text).contains(sandbox.baseUrl().toString()).contains("sk_test_cli")
          .contains("100001").contains("100002").contains("200001").contains("300001")
          .contains("4242424242424242");
      assertThat(new SandboxHttp(sandbox).get("/v1/accounts/300001").status()).isEqualTo(200);
    }
  }

  @Test
  void refusesUnknownArguments() {
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    assertThatThrownBy(() -> Standalone.start(new String[] {"--verbose"}, out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--port");
    assertThatThrownBy(() -> Standalone.start(new String[] {"--port", "many"}, out))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Standalone.start(new String[] {"--port"}, out))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onLoopbackItSaysOnlyThisMachineCanReachIt() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        SettleSandbox sandbox = Standalone.start(new String[] {"--port", "0"}, out)) {
      assertThat(printed.toString(StandardCharsets.UTF_8))
          .contains("Bound to loopback: only this machine can reach it")
          .contains("Dashboard: " + sandbox.baseUrl());
      assertThat(sandbox.loopbackOnly()).isTrue();
    }
  }

  @Test
  void onEveryAddressItSaysOtherMachinesCanReachIt() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        SettleSandbox sandbox = Standalone.start(new String[] {"--port", "0", "--host", "0.0.0.0"}, out)) {
      assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Reachable from other machines");
      assertThat(new SandboxHttp(sandbox).get("/sandbox/clock").status()).isEqualTo(200);
    }
  }

  @Test
  void seedDemoDataAndClockMakeARepeatableEmptyStart() {
    String[] args = {"--port", "0", "--seed", "11", "--demo-data", "none", "--clock", "2027-01-01T00:00:00Z"};
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    String first;
    try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        SettleSandbox sandbox = Standalone.start(args, out)) {
      SandboxHttp http = new SandboxHttp(sandbox);
      assertThat(http.get("/sandbox/accounts").list("data")).isEmpty();
      assertThat(http.get("/sandbox/clock").string("now")).isEqualTo("2027-01-01T00:00:00Z");
      assertThat(printed.toString(StandardCharsets.UTF_8)).contains("No accounts");
      first = http.post("/v1/tokens", SandboxTestCase.cardJson("4242424242424242", 12, 2030, "123")).string("id");
    }
    try (PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        SettleSandbox again = Standalone.start(args, out)) {
      assertThat(new SandboxHttp(again).post("/v1/tokens", SandboxTestCase.cardJson("4242424242424242", 12, 2030, "123"))
          .string("id")).isEqualTo(first);
    }
  }

  @Test
  void badOptionsAreRefusedWithTheUsage() {
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    assertThatThrownBy(() -> Standalone.start(new String[] {"--demo-data", "some"}, out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("standard or none");
    assertThatThrownBy(() -> Standalone.start(new String[] {"--seed", "x"}, out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--seed");
    assertThatThrownBy(() -> Standalone.start(new String[] {"--clock", "tomorrow"}, out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--clock");
    assertThatThrownBy(() -> Standalone.start(new String[] {"--host"}, out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--host");
    assertThatThrownBy(() -> Standalone.start(new String[] {"--verbose"}, out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--demo-data");
  }
}
