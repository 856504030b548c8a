package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.settle.exception.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The sandbox as an object: lifecycle, clock, reset and in-process setup. */
class SettleSandboxTest {
  private static final Instant START = Instant.parse("2026-11-26T09:30:00Z");

  private static SettleSandbox fixedSandbox() {
    return SettleSandbox.builder().clock(Clock.fixed(START, ZoneOffset.UTC)).build();
  }

  @Test
  void startsOnAFreeLoopbackPort() {
    try (SettleSandbox sandbox = fixedSandbox().start()) {
      assertThat(sandbox.baseUrl().toString()).matches("http://127\\.0\\.0\\.1:[0-9]+/");
      assertThat(sandbox.baseUrl().getPort()).isPositive();
      assertThat(sandbox.apiKey()).isEqualTo("sk_test_settle_sandbox");
      assertThat(new SandboxHttp(sandbox).get("/v1/accounts/100001").status()).isEqualTo(200);
    }
  }

  @Test
  void twoSandboxesDoNotShareState() {
    try (SettleSandbox one = fixedSandbox().start(); SettleSandbox two = fixedSandbox().start()) {
      new SandboxHttp(one).delete("/v1/accounts/100002/payment_methods/pm_demo100002visa");

      assertThat(one.baseUrl()).isNotEqualTo(two.baseUrl());
      assertThat(new SandboxHttp(two).get("/v1/accounts/100002").get("preferred_payment_method")).isNotNull();
    }
  }

  @Test
  void disablesNagleBeforeServing() throws ReflectiveOperationException {
    try (SettleSandbox sandbox = fixedSandbox().start()) {
      assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");

      // The JDK's server reads the property once; what it read is what its sockets get. With Nagle
      // on, each small answer on loopback would wait ~40 ms for a delayed ACK.
      Method noDelay = Class.forName("sun.net.httpserver.ServerConfig").getDeclaredMethod("noDelay");
      noDelay.setAccessible(true);   // opened to the tests by the surefire argLine in this module's POM
      assertThat(noDelay.invoke(null)).isEqualTo(true);
      assertThat(new SandboxHttp(sandbox).get("/v1/accounts/100001").status()).isEqualTo(200);
    }
  }

  @Test
  void servesOnDaemonThreads() {
    try (SettleSandbox sandbox = fixedSandbox().start()) {
      AtomicBoolean daemon = new AtomicBoolean();
      sandbox.beforeExecute(path -> daemon.set(Thread.currentThread().isDaemon()));

      new SandboxHttp(sandbox).post("/v1/tokens", SandboxTestCase.cardJson("4242424242424242", 12, 2030, "123"));

      assertThat(daemon).isTrue();
    }
  }

  @Test
  void lifecycleIsChecked() {
    SettleSandbox sandbox = fixedSandbox();
    assertThatThrownBy(sandbox::baseUrl).isInstanceOf(IllegalStateException.class);
    sandbox.start();
    assertThatThrownBy(sandbox::start).isInstanceOf(IllegalStateException.class);
    sandbox.close();
    sandbox.close();
    assertThatThrownBy(sandbox::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void closingFreesThePort() {
    SettleSandbox sandbox = fixedSandbox().start();
    SandboxHttp http = new SandboxHttp(sandbox);
    sandbox.close();

    assertThatThrownBy(() -> http.get("/v1/accounts/100001"))
        .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(ConnectException.class);
    try (SettleSandbox again = SettleSandbox.builder().port(sandbox.baseUrl().getPort()).build().start()) {
      assertThat(again.baseUrl()).isEqualTo(sandbox.baseUrl());
    }
  }

  @Test
  void resetRestoresTheDemoDataAndTheClock() {
    try (SettleSandbox sandbox = fixedSandbox().start()) {
      SandboxHttp http = new SandboxHttp(sandbox);
      String customerId = sandbox.createAccount(SettleSandbox.Portal.I, "Temporary", "EUR");
      http.delete("/v1/accounts/100002/payment_methods/pm_demo100002visa");
      http.post("/v1/accounts/200001/invoices/in_demo200001b/pay", "{}");
      sandbox.clock().advance(Duration.ofDays(30));

      sandbox.reset();

      assertThat(sandbox.clock().instant()).isEqualTo(START);
      assertThat(http.get("/v1/accounts/" + customerId).status()).isEqualTo(404);
      assertThat(http.get("/v1/accounts/100002").string("preferred_payment_method.id")).isEqualTo("pm_demo100002visa");
      assertThat(http.get("/v1/accounts/200001/invoices/in_demo200001b").string("status")).isEqualTo("open");
    }
  }

  @Test
  void clockMovesOnlyForward() {
    SettleSandbox sandbox = fixedSandbox();

    sandbox.clock().advance(Duration.ofDays(366));

    assertThat(sandbox.clock().instant()).isEqualTo(START.plus(Duration.ofDays(366)));
    assertThatThrownBy(() -> sandbox.clock().advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(sandbox.clock().getZone()).isEqualTo(ZoneOffset.UTC);
    Clock paris = sandbox.clock().withZone(ZoneId.of("Europe/Paris"));
    sandbox.clock().advance(Duration.ofHours(1));
    assertThat(paris.instant()).isEqualTo(sandbox.clock().instant());
  }

  @Test
  void defaultClockStandsAtNowInWholeSeconds() {
    Instant before = Instant.now().minusSeconds(1);
    SettleSandbox sandbox = SettleSandbox.builder().build();

    Instant now = sandbox.clock().instant();

    assertThat(now.getNano()).isZero();
    assertThat(now).isAfter(before).isBeforeOrEqualTo(Instant.now());
    assertThat(sandbox.clock().instant()).isEqualTo(now);
  }

  @Test
  void tickingClockRuns() {
    SettleSandbox sandbox = SettleSandbox.builder().clock(Clock.systemUTC()).build();

    assertThat(sandbox.clock().instant()).isCloseTo(Instant.now(), within(Duration.ofSeconds(5)));
  }

  @Test
  void createdAccountIsServed() {
    try (SettleSandbox sandbox = fixedSandbox().start()) {
      String customerId = sandbox.createAccount(SettleSandbox.Portal.II, "Kaffee Kontor", "JPY");
      String invoiceId = sandbox.createInvoice(customerId, 1200, "Espresso machine rental");

      Reply account = new SandboxHttp(sandbox).get("/v1/accounts/" + customerId);
      Reply invoice = new SandboxHttp(sandbox).get("/v1/accounts/" + customerId + "/invoices/" + invoiceId);

      assertThat(customerId).matches("[0-9]{6,12}");
      assertThat(account.string("portal")).isEqualTo("II");
      assertThat(account.string("name")).isEqualTo("Kaffee Kontor");
      assertThat(account.string("currency")).isEqualTo("JPY");
      assertThat(account.string("created_at")).isEqualTo("2026-11-26T09:30:00Z");
      assertThat(invoice.number("total")).isEqualTo(1200);
      assertThat(invoice.string("currency")).isEqualTo("JPY");
    }
  }

  @Test
  void inProcessSetupChecksItsArguments() {
    SettleSandbox sandbox = fixedSandbox();

    assertThatThrownBy(() -> sandbox.createAccount(SettleSandbox.Portal.I, " ", "EUR"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sandbox.createAccount(SettleSandbox.Portal.I, "X", "eur"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sandbox.createAccount(SettleSandbox.Portal.I, "X", "XYZ"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sandbox.createAccount(null, "X", "EUR"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.param()).isEqualTo("portal"));
    assertThatThrownBy(() -> sandbox.createInvoice("999999", 100, "X")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sandbox.createInvoice("100001", 0, "X")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sandbox.createInvoice("100001", 100, "")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void builderChecksItsArguments() {
    assertThatThrownBy(() -> SettleSandbox.builder().port(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SettleSandbox.builder().port(65536)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SettleSandbox.builder().apiKey(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SettleSandbox.builder().apiKey("sk test")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SettleSandbox.builder().clock(null))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.param()).isEqualTo("clock"));
  }

  @Test
  void customApiKeyIsTheOnlyOneAccepted() {
    try (SettleSandbox sandbox = SettleSandbox.builder().apiKey("sk_test_mine").build().start()) {
      SandboxHttp http = new SandboxHttp(sandbox);
      assertThat(http.get("/v1/accounts/100001").status()).isEqualTo(200);
      assertThat(http.send("GET", "/v1/accounts/100001", null,
          Map.of("Authorization", "Bearer sk_test_settle_sandbox")).status()).isEqualTo(401);
    }
  }

  @Test
  void demoAccountsAreListed() {
    assertThat(fixedSandbox().demoAccounts()).containsExactly(
        new SettleSandbox.DemoAccount("100001", SettleSandbox.Portal.I, "Atelier Dupont", "EUR"),
        new SettleSandbox.DemoAccount("100002", SettleSandbox.Portal.I, "Brasserie Martin", "EUR"),
        new SettleSandbox.DemoAccount("200001", SettleSandbox.Portal.II, "Nordlicht Studio GmbH", "EUR"),
        new SettleSandbox.DemoAccount("300001", SettleSandbox.Portal.II, "Sakura Kogyo K.K.", "JPY"));
  }
}
