package dev.settle.sandbox;

import java.time.Duration;

/**
 * What the fault switches decided for one request, before it is handled: a delay, then either an
 * answer instead of the work, a drop before the work, the work, or the work and then a drop.
 *
 * @param answer an injected answer (error or 429) sent without doing the work, or null
 */
record FaultPlan(Duration latency, Response answer, boolean dropBeforeCommit, boolean dropAfterCommit) {
  static final FaultPlan NONE = new FaultPlan(Duration.ZERO, null, false, false);

  /**
   * Thrown out of the exchange handler to drop the connection: the JDK's HTTP server closes the
   * connection of a handler that throws before answering, without writing a byte of response.
   */
  static final class Drop extends RuntimeException {
    Drop(String when) {
      super("Connection dropped by the sandbox's fault switches " + when, null, false, false);
    }
  }
}
