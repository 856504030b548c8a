package dev.settle.sandbox;

import static dev.settle.exception.ValidationException.required;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Switches that make the sandbox misbehave on purpose, so that a client's timeouts, retries and
 * idempotency can be tested: added latency, error answers, bursts of 429, and connections dropped
 * before or after the work is done. Reach it as {@link SettleSandbox#faults()}.
 *
 * <pre>{@code
 * sandbox.faults()
 *     .seed(42)
 *     .latency(Duration.ofMillis(20));                        // every API request
 * sandbox.faults().route("POST /v1/accounts/{star}/invoices/{star}/pay")
 *     .dropAfterCommit(0.5);                                   // half the payments: done, no answer
 * sandbox.faults().injected();                                 // {DROP_AFTER_COMMIT=3, LATENCY=12, ...}
 * }</pre>
 *
 * (With {@code *} for each {@code {star}}.)
 *
 * <p><b>What they apply to:</b> requests to the API ({@code /v1/…}); the sandbox's own pages and
 * endpoints under {@code /sandbox/} are never faulted, so a test can always move the clock or
 * switch faults off. Settings made on the sandbox itself ({@link #latency}, {@link #errorRate}…)
 * are global; {@link #route(String)} makes settings for the requests of one route, which replace
 * the global setting of the same kind for those requests (of several routes that match, the one
 * created last wins, kind by kind). Setting a rate or count of zero, or a zero latency, switches a
 * kind off again.
 *
 * <p><b>Order, for each API request:</b> the latency is waited; then a pending 429 of a burst is
 * answered; else an error at its rate is answered (both without doing the work, and before
 * authentication and idempotency, like a proxy in front of the API would); else the connection
 * may be dropped before the work; else the work is done, and the connection may be dropped after
 * it (an idempotency key then keeps the answer the client never got, so a retry under the same
 * key gets it).
 *
 * <p><b>Repeatable:</b> the rates draw from one pseudo-random sequence seeded by {@link #seed(long)}
 * (0 unless set): one draw per rate that applies to a request, in the order error, drop before,
 * drop after. The same seed, settings and sequence of requests give the same faults; requests
 * made concurrently draw in whatever order they arrive.
 *
 * <p>{@link SettleSandbox#reset()} clears every setting, zeroes the counters and puts the seed back
 * to 0. Thread-safe.
 */
public final class SandboxFaults {
  /** The kinds of fault the switches inject, as {@link #injected()} counts them. */
  public enum Kind {
    /** A request was delayed. */
    LATENCY,
    /** A request was answered with an error status instead of being handled. */
    ERROR,
    /** A request was answered 429 as part of a burst. */
    RATE_LIMIT,
    /** A connection was closed without handling the request or answering. */
    DROP_BEFORE_COMMIT,
    /** A request was handled, then its connection closed without an answer. */
    DROP_AFTER_COMMIT
  }

  private final Rules global = new Rules("all API requests", null);
  /** Route rules, oldest first. */
  private final List<Rules> routes = new ArrayList<>();
  private final FaultPlanner planner = new FaultPlanner();
  private long seed;

  SandboxFaults() {}

  /**
   * Restarts the pseudo-random sequence the rates draw from; the same seed, settings and requests
   * give the same faults.
   *
   * @param seed the seed
   * @return these faults
   */
  public synchronized SandboxFaults seed(long seed) {
    this.seed = seed;
    planner.restart(seed);
    return this;
  }

  /**
   * The settings for one route: {@code "<METHOD> <path>"}, where the method may be {@code *}, a
   * path segment {@code *} matches any one segment and a final {@code **} any rest, such as
   * {@code "POST /v1/tokens"} or {@code "* /v1/accounts/200001/**"}. Asking again for the same
   * pattern answers the same settings.
   *
   * @param pattern a method, or {@code *} for any, and a path pattern
   * @return the route's settings, to switch faults on for it
   * @throws IllegalArgumentException for a malformed pattern
   */
  public synchronized Rules route(String pattern) {
    FaultRoute route = FaultRoute.parse(required(pattern, "pattern"));
    for (Rules rules : routes) {
      if (rules.name.equals(route.pattern())) {
        return rules;
      }
    }
    Rules rules = new Rules(route.pattern(), route);
    routes.add(rules);
    return rules;
  }

  /** {@return the global settings, which {@link #latency} and the others on this object change} */
  public Rules all() {
    return global;
  }

  /**
   * Global: see {@link Rules#latency(Duration)}.
   *
   * @param delay the delay, zero to switch it off
   * @return these faults
   */
  public SandboxFaults latency(Duration delay) {
    global.latency(delay);
    return this;
  }

  /**
   * Global: see {@link Rules#errorRate(double, int)}.
   *
   * @param rate from 0 (never) to 1 (always)
   * @param status an HTTP error status from 400 to 599
   * @return these faults
   */
  public SandboxFaults errorRate(double rate, int status) {
    global.errorRate(rate, status);
    return this;
  }

  /**
   * Global: see {@link Rules#rateLimitBurst(int, Duration)}.
   *
   * @param count how many requests to answer 429, zero to cancel
   * @param retryAfter the wait to announce
   * @return these faults
   */
  public SandboxFaults rateLimitBurst(int count, Duration retryAfter) {
    global.rateLimitBurst(count, retryAfter);
    return this;
  }

  /**
   * Global: see {@link Rules#dropBeforeCommit(double)}.
   *
   * @param rate from 0 (never) to 1 (always)
   * @return these faults
   */
  public SandboxFaults dropBeforeCommit(double rate) {
    global.dropBeforeCommit(rate);
    return this;
  }

  /**
   * Global: see {@link Rules#dropAfterCommit(double)}.
   *
   * @param rate from 0 (never) to 1 (always)
   * @return these faults
   */
  public SandboxFaults dropAfterCommit(double rate) {
    global.dropAfterCommit(rate);
    return this;
  }

  /**
   * Switches every fault off (global and route settings, pending bursts), zeroes the counters and
   * restarts the pseudo-random sequence from the current seed.
   *
   * @return these faults
   */
  public synchronized SandboxFaults clear() {
    global.clear();
    routes.clear();
    planner.clear(seed);
    return this;
  }

  /**
   * {@return how many faults of each kind were injected since the last {@link #clear()}; every kind
   * is present}
   */
  public synchronized Map<Kind, Long> injected() {
    return planner.injected();
  }

  synchronized long seedValue() {
    return seed;
  }

  /** The global rules, then the routes', oldest first; for callers holding this object's lock. */
  List<Rules> routesGlobalFirst() {
    List<Rules> all = new ArrayList<>();
    all.add(global);
    all.addAll(routes);
    return all;
  }

  /** Back to a new sandbox's state: nothing switched on, counters at zero, seed 0. */
  synchronized void reset() {
    seed = 0;
    clear();
  }

  /** Decides the faults of one request; answers {@link FaultPlan#NONE} for requests outside the API. */
  synchronized FaultPlan plan(String method, String path, String requestId) {
    return planner.plan(global, routes, method, path, requestId);
  }

  /**
   * The fault settings of all API requests or of one route. Each setter replaces the previous
   * setting of its kind; thread-safe, guarded by the {@link SandboxFaults} they belong to.
   */
  public final class Rules {
    // Read by FaultApi and FaultPlanner, under the lock of the SandboxFaults they belong to.
    final String name;
    final FaultRoute route;
    Duration latency;
    double errorRate;
    int errorStatus;
    int burstLeft;
    Duration retryAfter = Duration.ZERO;
    double dropBeforeCommit;
    double dropAfterCommit;

    private Rules(String name, FaultRoute route) {
      this.name = name;
      this.route = route;
    }

    /**
     * {@return {@code "POST /v1/tokens"} for a route's settings, {@code "all API requests"} for the
     * global ones}
     */
    public String route() {
      return name;
    }

    /**
     * Delays every matching request by {@code delay} of real time before it is handled; zero
     * switches it off. The wait holds no server thread, so a thousand delayed requests are
     * answered together, except that a request the switches will drop waits on its thread.
     *
     * @param delay the delay, zero to switch it off
     * @return these settings
     * @throws IllegalArgumentException if negative or over a minute
     */
    public Rules latency(Duration delay) {
      if (required(delay, "delay").isNegative() || delay.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException("latency must be from 0 to 1 minute, not " + delay);
      }
      synchronized (SandboxFaults.this) {
        latency = delay.isZero() ? null : delay;
      }
      return this;
    }

    /**
     * Answers this share of matching requests with {@code status} in the API's error shape,
     * without handling them (nothing is done, no idempotency key is kept). Types follow the
     * contract ({@code api_error} for 5xx, {@code rate_limit_error} for 429…); codes are
     * {@code internal_error}, {@code bad_gateway}, {@code service_unavailable},
     * {@code gateway_timeout}, {@code rate_limited}, else {@code sandbox_fault}.
     *
     * @param rate from 0 (never, switching it off) to 1 (always)
     * @param status an HTTP error status from 400 to 599
     * @return these settings
     */
    public Rules errorRate(double rate, int status) {
      requireRate(rate, "errorRate");
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("status must be an error status from 400 to 599, not " + status);
      }
      synchronized (SandboxFaults.this) {
        errorRate = rate;
        errorStatus = status;
      }
      return this;
    }

    /**
     * Answers the next {@code count} matching requests 429 {@code rate_limit_error} /
     * {@code rate_limited} with {@code Retry-After} in whole seconds (rounded up), without
     * handling them. Zero cancels a burst still pending.
     *
     * @param retryAfter the wait to announce, rounded up to whole seconds
     * @param count how many requests to answer 429, zero to cancel
     * @return these settings
     * @throws IllegalArgumentException if {@code count} or {@code retryAfter} is negative, or
     *     {@code retryAfter} is over an hour
     */
    public Rules rateLimitBurst(int count, Duration retryAfter) {
      required(retryAfter, "retryAfter");
      if (count < 0) {
        throw new IllegalArgumentException("count must not be negative, not " + count);
      }
      if (retryAfter.isNegative() || retryAfter.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("retryAfter must be from 0 to 1 hour, not " + retryAfter);
      }
      synchronized (SandboxFaults.this) {
        burstLeft = count;
        this.retryAfter = retryAfter;
      }
      return this;
    }

    /**
     * Closes the connection of this share of matching requests without handling them and without
     * answering: the client sees an I/O error and no status, and nothing happened.
     *
     * @param rate from 0 (never) to 1 (always)
     * @return these settings
     */
    public Rules dropBeforeCommit(double rate) {
      requireRate(rate, "dropBeforeCommit");
      synchronized (SandboxFaults.this) {
        dropBeforeCommit = rate;
      }
      return this;
    }

    /**
     * Handles this share of matching requests, then closes the connection without answering: the
     * work is done (a payment charged, an idempotency key keeps its answer) but the client sees
     * an I/O error and no status — the "outcome unknown" case a client must retry with the same
     * key.
     *
     * @param rate from 0 (never) to 1 (always)
     * @return these settings
     */
    public Rules dropAfterCommit(double rate) {
      requireRate(rate, "dropAfterCommit");
      synchronized (SandboxFaults.this) {
        dropAfterCommit = rate;
      }
      return this;
    }

    private void clear() {
      latency = null;
      errorRate = 0;
      burstLeft = 0;
      retryAfter = Duration.ZERO;
      dropBeforeCommit = 0;
      dropAfterCommit = 0;
    }

    @Override
    public String toString() {
      synchronized (SandboxFaults.this) {
        return "SandboxFaults.Rules[" + name + ": latency=" + latency + ", errorRate=" + errorRate
            + (errorRate > 0 ? " (" + errorStatus + ")" : "") + ", burstLeft=" + burstLeft
            + ", dropBeforeCommit=" + dropBeforeCommit + ", dropAfterCommit=" + dropAfterCommit + "]";
      }
    }
  }

  private static void requireRate(double rate, String name) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(name + " must be a rate from 0 to 1, not " + rate);
    }
  }
}
