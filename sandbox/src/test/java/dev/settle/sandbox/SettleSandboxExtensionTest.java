package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.settle.SettleClient;
import dev.settle.model.CustomerId;
import dev.settle.model.Portal;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs sample test classes the way a user's build would, and checks the sandbox's lifecycle. */
class SettleSandboxExtensionTest {

  /** Each sample test leaves a change behind; the next one must not see it. */
  static void assertFreshAndDirty(SettleSandbox sandbox, SettleClient client) {
    assertThat(client.account(CustomerId.of("200001")).get().portal()).isEqualTo(Portal.II);
    assertThat(client.account(CustomerId.of("100002")).get().preferredPaymentMethod()).isPresent();
    new SandboxHttp(sandbox).delete("/v1/accounts/100002/payment_methods/pm_demo100002visa");
  }

  @ExtendWith(SettleSandboxExtension.class)
  static class InjectedSample {
    static final List<SettleSandbox> SEEN = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void beforeAll(SettleSandbox sandbox) {
      SEEN.add(sandbox);
    }

    @Test
    void first(SettleSandbox sandbox, SettleClient client) {
      SEEN.add(sandbox);
      assertFreshAndDirty(sandbox, client);
    }

    @Test
    void second(SettleSandbox sandbox, SettleClient client) {
      SEEN.add(sandbox);
      assertFreshAndDirty(sandbox, client);
    }

    @Nested
    class Inner {
      @Test
      void nested(SettleSandbox sandbox, SettleClient client) {
        SEEN.add(sandbox);
        assertFreshAndDirty(sandbox, client);
      }
    }
  }

  static class RegisteredSample {
    static final List<SettleSandbox> SEEN = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static SettleSandboxExtension settle = SettleSandboxExtension.create();

    @Test
    void first() {
      SEEN.add(settle.server());
      assertThat(settle.client()).isSameAs(settle.client());
      assertFreshAndDirty(settle.server(), settle.client());
    }

    @Test
    void second() {
      SEEN.add(settle.server());
      assertFreshAndDirty(settle.server(), settle.client());
    }
  }

  static class InstanceFieldSample {
    static final List<SettleSandbox> SEEN = new CopyOnWriteArrayList<>();

    @RegisterExtension
    final SettleSandboxExtension settle = SettleSandboxExtension.create();

    @Test
    void first() {
      SEEN.add(settle.server());
      assertFreshAndDirty(settle.server(), settle.client());
    }

    @Test
    void second() {
      SEEN.add(settle.server());
      assertFreshAndDirty(settle.server(), settle.client());
    }
  }

  @Test
  void extendWithInjectsOneSandboxPerClassResetForEachTest() {
    TestExecutionSummary summary = run(InjectedSample.class);

    assertThat(summary.getFailures()).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(3);
    assertOneSandboxNowClosed(InjectedSample.SEEN, 4);
  }

  @Test
  void registeredExtensionAnswersServerAndClient() {
    TestExecutionSummary summary = run(RegisteredSample.class);

    assertThat(summary.getFailures()).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
    assertOneSandboxNowClosed(RegisteredSample.SEEN, 2);
  }

  @Test
  void extensionOnAnInstanceFieldWorksToo() {
    TestExecutionSummary summary = run(InstanceFieldSample.class);

    assertThat(summary.getFailures()).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
    assertOneSandboxNowClosed(InstanceFieldSample.SEEN, 2);
  }

  @Test
  void serverBeforeStartExplainsItself() {
    SettleSandboxExtension extension = SettleSandboxExtension.create();

    assertThatThrownBy(extension::server).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("@RegisterExtension");
  }

  private static TestExecutionSummary run(Class<?> testClass) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(), listener);
    return listener.getSummary();
  }

  private static void assertOneSandboxNowClosed(List<SettleSandbox> seen, int uses) {
    assertThat(seen).hasSize(uses);
    assertThat(Set.copyOf(seen)).hasSize(1);
    SettleSandbox sandbox = seen.get(0);
    assertThatThrownBy(() -> new SandboxHttp(sandbox).get("/v1/accounts/100001"))
        .as("closed after the class").isInstanceOf(UncheckedIOException.class);
  }
}
