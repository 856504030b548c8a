package dev.settle.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An automatic invoice's collection after its first failed charge, on the schedule in force
 * then: the retries still to come, and when its license goes past due and is suspended.
 */
final class Dunning {
  final List<Instant> retries;
  final Instant pastDueAt;
  final Instant suspendAt;
  /** The index in {@link #retries} of the next retry. */
  int retriesDone;
  /** A hard decline, an authentication or no method: no retry follows. */
  boolean waitsForCustomer;
  boolean pastDue;
  boolean suspended;

  Dunning(Instant firstFailure, DunningSchedule schedule) {
    this.retries = schedule.retryDays().stream().map(day -> firstFailure.plus(Duration.ofDays(day))).toList();
    this.pastDueAt = firstFailure.plus(Duration.ofDays(schedule.lastTryDay()));
    this.suspendAt = pastDueAt.plus(Duration.ofDays(schedule.suspendAfterDays()));
  }

  Instant nextRetry() {
    return waitsForCustomer || retriesDone >= retries.size() ? null : retries.get(retriesDone);
  }

  /** No retry follows. */
  boolean isFinal() {
    return nextRetry() == null;
  }
}
