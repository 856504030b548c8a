package dev.settle.sandbox;

import dev.settle.sandbox.SandboxFaults.Kind;
import dev.settle.sandbox.SandboxFaults.Rules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Decides which fault each API request gets from the switches in force, apart from the switches
 * themselves so that the order of the draws, on which every seeded fault suite depends, is written
 * down in one place. Holds the pseudo-random sequence and the counts of what it injected; guarded
 * by the lock of the {@link SandboxFaults} that owns it.
 */
final class FaultPlanner {
  private final Map<Kind, Long> injected = new EnumMap<>(Kind.class);
  private Random random = new Random(0);

  /** Starts the sequence again from {@code seed}, keeping the counts. */
  void restart(long seed) {
    random = new Random(seed);
  }

  /** Zeroes the counts and starts the sequence again from {@code seed}. */
  void clear(long seed) {
    injected.clear();
    restart(seed);
  }

  /** {@return how many faults of each kind were injected; every kind is present} */
  Map<Kind, Long> injected() {
    Map<Kind, Long> counts = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      counts.put(kind, injected.getOrDefault(kind, 0L));
    }
    return counts;
  }

  /**
   * Decides the faults of one request under {@code global} and the {@code routes} (oldest first);
   * answers {@link FaultPlan#NONE} for requests outside the API.
   */
  FaultPlan plan(Rules global, List<Rules> routes, String method, String path, String requestId) {
    if (!path.startsWith("/v1/")) {
      return FaultPlan.NONE;
    }
    List<Rules> matching = new ArrayList<>();
    for (Rules rules : routes) {
      if (rules.route.matches(method, path)) {
        matching.add(0, rules);   // the newest first
      }
    }
    matching.add(global);

    Rules latencyRules = first(matching, rules -> rules.latency != null);
    Rules burstRules = first(matching, rules -> rules.burstLeft > 0);
    Rules errorRules = first(matching, rules -> rules.errorRate > 0);
    Rules dropBeforeRules = first(matching, rules -> rules.dropBeforeCommit > 0);
    Rules dropAfterRules = first(matching, rules -> rules.dropAfterCommit > 0);
    // One draw per rate that applies, whatever the outcome, so that the sequence stays aligned.
    boolean error = errorRules != null && random.nextDouble() < errorRules.errorRate;
    boolean dropBefore = dropBeforeRules != null && random.nextDouble() < dropBeforeRules.dropBeforeCommit;
    boolean dropAfter = dropAfterRules != null && random.nextDouble() < dropAfterRules.dropAfterCommit;

    Duration latency = latencyRules == null ? Duration.ZERO : latencyRules.latency;
    if (latencyRules != null) {
      count(Kind.LATENCY);
    }
    if (burstRules != null) {
      burstRules.burstLeft--;
      count(Kind.RATE_LIMIT);
      long seconds = (burstRules.retryAfter.toMillis() + 999) / 1000;
      Response answer = Response.error(ApiError.rateLimited(seconds), requestId)
          .withHeader("Retry-After", Long.toString(seconds));
      return new FaultPlan(latency, answer, false, false);
    }
    if (error) {
      count(Kind.ERROR);
      int status = errorRules.errorStatus;
      return new FaultPlan(latency, Response.error(ApiError.injected(status), requestId), false, false);
    }
    if (dropBefore) {
      count(Kind.DROP_BEFORE_COMMIT);
      return new FaultPlan(latency, null, true, false);
    }
    if (dropAfter) {
      count(Kind.DROP_AFTER_COMMIT);
    }
    return new FaultPlan(latency, null, false, dropAfter);
  }

  private static Rules first(List<Rules> matching, Predicate<Rules> set) {
    for (Rules rules : matching) {
      if (set.test(rules)) {
        return rules;
      }
    }
    return null;
  }

  private void count(Kind kind) {
    injected.merge(kind, 1L, Long::sum);
  }
}
