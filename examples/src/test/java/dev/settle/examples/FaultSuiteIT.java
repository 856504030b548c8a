package dev.settle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.AccountClient;
import dev.settle.AttemptEvent;
import dev.settle.CallListener;
import dev.settle.OutcomeUnknownException;
import dev.settle.PreferredSwitchException;
import dev.settle.RequestOptions;
import dev.settle.RetryPolicy;
import dev.settle.SettleClient;
import dev.settle.card.CardDetails;
import dev.settle.exception.SettleException;
import dev.settle.model.CustomerId;
import dev.settle.model.InvoiceId;
import dev.settle.model.InvoiceStatus;
import dev.settle.model.Payment;
import dev.settle.model.PaymentId;
import dev.settle.model.PaymentMethod;
import dev.settle.model.PaymentStatus;
import dev.settle.sandbox.SandboxFaults;
import dev.settle.sandbox.SettleSandbox;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Many seeded runs of the pay flow and of the Portal I switch under mixed faults (5xx before the
 * work, connections dropped before and after the work, 429 bursts), then the sandbox's own
 * records are checked: every invoice charged at most once; a payment reported as a definite
 * failure charged nothing; an unknown outcome resolved by its key to exactly one charge; every
 * switch ended where it said it did, and an account left without a method only when the switch
 * said so. Prints its counts.
 */
class FaultSuiteIT extends SandboxFixture {
  private static final int RUNS = Integer.getInteger("settle.faultRuns", 150);
  /** Short waits, so that many runs retry within seconds; the rules under test do not depend on them. */
  private static final RetryPolicy QUICK =
      RetryPolicy.builder().initialBackoff(Duration.ofMillis(2)).maxBackoff(Duration.ofMillis(20)).build();

  private final AtomicInteger retries = new AtomicInteger();
  private final Map<String, Integer> outcomes = new TreeMap<>();
  private final Map<SandboxFaults.Kind, Long> injected = new EnumMap<>(SandboxFaults.Kind.class);

  private SettleClient faultyClient() {
    return settle.newBuilder().retryPolicy(QUICK).callListener(new CallListener() {
      @Override
      public void attemptEnded(AttemptEvent attempt) {
        if (attempt.willRetry()) {
          retries.incrementAndGet();
        }
      }
    }).build();
  }

  private void switchFaultsOn(long seed) {
    sandbox.faults().seed(seed).all()
        .errorRate(0.12, 503)
        .dropBeforeCommit(0.08)
        .dropAfterCommit(0.12);
    if (seed % 5 == 0) {
      sandbox.faults().all().rateLimitBurst(1, Duration.ZERO);
    }
  }

  private void switchFaultsOff() {
    sandbox.faults().injected().forEach((kind, count) -> injected.merge(kind, count, Long::sum));
    sandbox.faults().clear();
  }

  private void count(String outcome) {
    outcomes.merge(outcome, 1, Integer::sum);
  }

  @Test
  void payAndSwitchUnderMixedFaultsNeverLoseOrDoubleCharge() {
    SettleClient retrying = faultyClient();
    // Half the runs make one attempt per call, so that failures reach the caller and must resolve.
    SettleClient once = retrying.newBuilder().retryPolicy(RetryPolicy.none()).build();
    for (int run = 0; run < RUNS; run++) {
      SettleClient client = run % 2 == 0 ? retrying : once;
      payRun(client, run);
      switchRun(client, run);
    }

    System.out.printf("Fault suite: %d runs of each flow, faults injected %s, retries %d, outcomes %s%n",
        RUNS, injected, retries.get(), outcomes);
    assertThat(injected.values().stream().mapToLong(Long::longValue).sum()).as("faults were injected").isGreaterThan(RUNS);
    assertThat(retries.get()).isPositive();
  }

  private void payRun(SettleClient client, int run) {
    String customer = sandbox.createAccount(SettleSandbox.Portal.II, "Pay run " + run, "EUR");
    InvoiceId invoice = InvoiceId.of(sandbox.createInvoice(customer, 1000 + run, "Seat"));
    AccountClient account = client.account(CustomerId.of(customer));
    account.paymentMethods().add(SandboxErrorsIT.card("4242424242424242"));

    switchFaultsOn(run);
    Payment payment = null;
    try {
      payment = account.invoices().pay(invoice, RequestOptions.builder().idempotencyKey("pay-" + invoice).build());
      count("pay: succeeded");
    } catch (OutcomeUnknownException unknown) {
      count("pay: outcome unknown");
      switchFaultsOff();
      payment = account.invoices().pay(invoice, unknown.retryOptions());
      count("pay: resolved with its key");
    } catch (SettleException typed) {
      count("pay: " + typed.getClass().getSimpleName());
    } finally {
      switchFaultsOff();
    }

    List<Payment> charges = account.invoices().payments(invoice).stream()
        .filter(p -> p.status() == PaymentStatus.SUCCEEDED).collect(Collectors.toList());
    assertThat(charges).as("charges of %s in run %d", invoice, run).hasSizeLessThanOrEqualTo(1);
    if (payment == null) {
      assertThat(charges).as("run %d: a definite failure charged nothing", run).isEmpty();
    }
    if (payment != null) {
      PaymentId paid = payment.id();
      assertThat(charges).singleElement().satisfies(c -> assertThat(c.id()).isEqualTo(paid));
      assertThat(account.invoices().get(invoice).status()).isEqualTo(InvoiceStatus.PAID);
    }
  }

  private void switchRun(SettleClient client, int run) {
    String customer = sandbox.createAccount(SettleSandbox.Portal.I, "Switch run " + run, "EUR");
    AccountClient account = client.account(CustomerId.of(customer));
    PaymentMethod old = account.paymentMethods().add(SandboxErrorsIT.card("5555555555554444"));

    switchFaultsOn(1000 + run);
    PaymentMethod claimed;
    boolean reportedWithoutMethod = false;
    CardDetails replacement = SandboxErrorsIT.card("4242424242424242");
    try {
      claimed = account.paymentMethods().switchPreferred(replacement,
          RequestOptions.builder().idempotencyKey("switch-run-" + run).build());
      count("switch: succeeded");
    } catch (OutcomeUnknownException unknown) {
      count("switch: outcome unknown");
      switchFaultsOff();
      try {
        claimed = account.paymentMethods().switchPreferred(replacement, unknown.retryOptions());
        count("switch: resolved with its key");
      } catch (PreferredSwitchException e) {
        claimed = e.preferredAfter().orElse(null);
        reportedWithoutMethod = claimed == null;
        count("switch: resolved with its key, ended where reported");
      }
    } catch (PreferredSwitchException e) {
      claimed = e.preferredAfter().orElse(null);
      reportedWithoutMethod = claimed == null;
      count(e.previousRestored() ? "switch: failed, old restored" : "switch: failed, reported where it ended");
    } catch (SettleException typed) {
      claimed = old;
      count("switch: " + typed.getClass().getSimpleName() + ", unchanged");
    } finally {
      switchFaultsOff();
    }

    List<PaymentMethod> stored = account.paymentMethods().list().stream().collect(Collectors.toList());
    assertThat(stored).as("run %d: Portal I holds at most one method", run).hasSizeLessThanOrEqualTo(1);
    PaymentMethod actual = stored.isEmpty() ? null : stored.get(0);
    assertThat(actual == null ? null : actual.id())
        .as("run %d: the account ended where the client said", run)
        .isEqualTo(claimed == null ? null : claimed.id());
    if (actual != null) {
      assertThat(actual.preferred()).isTrue();
    } else {
      assertThat(reportedWithoutMethod).as("run %d: left without a method only when the switch said so", run).isTrue();
      count("switch: account left without a method, as reported");
    }
  }
}
