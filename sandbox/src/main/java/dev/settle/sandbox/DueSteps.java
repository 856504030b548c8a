package dev.settle.sandbox;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What the billing system does as time passes, done in time order across all accounts before the
 * clock's advance returns and before any request reads the state: card expiry notices, renewals,
 * and the steps of automatic collection and dunning. Each rule class says which of its steps is
 * due first; the earliest of all runs, then the next is looked for, until none is due.
 */
final class DueSteps implements Runnable {
  /**
   * One thing due at {@code at}. At the same moment, the lower {@code order} goes first (an expiry
   * notice, then a renewal, then collection), then the older object ({@code sequence}).
   */
  record Step(Instant at, int order, long sequence, Runnable action) {
    private static final Comparator<Step> FIRST = Comparator.comparing(Step::at)
        .thenComparingInt(Step::order).thenComparingLong(Step::sequence);

    /** The earlier of two steps, either of which may be null. */
    static Step earlier(Step one, Step other) {
      if (one == null || other == null) {
        return one == null ? other : one;
      }
      return FIRST.compare(other, one) < 0 ? other : one;
    }
  }

  /** A rule class's steps: the first one due by {@code now}, or null. */
  interface Source {
    Step next(Instant now);
  }

  private final BillingState state;
  private final List<Source> sources;
  /** Set while steps run: a step that reads the state does not start the loop again inside itself. */
  private boolean running;

  DueSteps(BillingState state, List<Source> sources) {
    this.state = state;
    this.sources = List.copyOf(sources);
  }

  /** Does every step due by now, earliest first; each step makes itself no longer due. */
  @Override
  public void run() {
    synchronized (state) {
      if (running) {
        return;
      }
      running = true;
      try {
        while (true) {
          Instant now = state.clock.instant();
          Step next = null;
          for (Source source : sources) {
            next = Step.earlier(next, source.next(now));
          }
          if (next == null) {
            return;
          }
          next.action().run();
        }
      } finally {
        running = false;
      }
    }
  }
}
