package dev.settle.sandbox;

import static dev.settle.exception.ValidationException.required;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A stateful, in-memory server of the Settle billing API, for tests and local development: the
 * same HTTP API as the real system, with its portal rules, idempotency keys, test cards that
 * decline or ask for authentication, and a clock tests can move.
 *
 * <p>It starts on a free loopback port, seeded with {@linkplain #demoAccounts() demo accounts},
 * and accepts one API key. Point any HTTP client, or Settle's own client, at {@link #baseUrl()}:
 *
 * <pre>{@code
 * try (SettleSandbox sandbox = SettleSandbox.builder().build().start()) {
 *   SettleClient settle = SettleClient.builder()
 *       .baseUrl(sandbox.baseUrl())
 *       .apiKey(sandbox.apiKey())
 *       .build();
 *   ...
 * }
 * }</pre>
 *
 * <p>In JUnit 5 tests, {@link SettleSandboxExtension} does the starting, resetting and closing.
 * Standalone, {@code java -jar settle-sandbox-<version>-standalone.jar} runs one on port 12111
 * until it is killed, as a development service: its controls under {@code /sandbox/} (accounts,
 * invoices, licenses, reset, clock, PayPal payer, bank transfers, faults) are the HTTP form of
 * this class's helpers, and a dashboard at {@code /} shows its state. The test cards, the demo
 * data and the controls are described in the module's README.
 *
 * <p>Thread-safe: requests are served concurrently and each sees a consistent state. The server's
 * threads are daemon threads, so a forgotten sandbox does not keep a JVM alive. Starting a sandbox
 * sets the system property {@code sun.net.httpserver.nodelay=true} before the JDK's HTTP server is
 * first used: without it every small response on loopback waits about 40 ms for a delayed ACK. The
 * JDK reads that property once, so it has no effect if the JDK's HTTP server was used in this JVM
 * before the first sandbox started.
 */
public final class SettleSandbox extends SandboxFixtures implements AutoCloseable {
  /** The API key a sandbox accepts unless the builder names another. */
  static final String DEFAULT_API_KEY = "sk_test_settle_sandbox";
  static final Duration DEFAULT_PAYPAL_SETUP_LIFETIME = Duration.ofHours(3);

  /**
   * The management portal an account lives on: Portal I stores one payment method, which is the
   * preferred one; Portal II stores many, at most one of them preferred.
   */
  public enum Portal {
    /** Stores one payment method, always the preferred one. */
    I,
    /** Stores many payment methods, at most one preferred. */
    II
  }

  /**
   * An account every sandbox starts with, so that tests and demos can use it without setup.
   *
   * @param customerId the customer number, as the API's {@code customer_id}
   * @param portal the portal the account lives on
   * @param name the customer's name
   * @param currency the ISO 4217 currency of its invoices
   */
  public record DemoAccount(String customerId, Portal portal, String name, String currency) {}

  private final int requestedPort;
  private final InetAddress host;
  private final String apiKey;
  private final SandboxClock clock;
  private final Billing billing;
  private final Idempotency idempotency = new Idempotency();
  private final WebhookDispatcher webhooks;
  private final SandboxFaults faults = new SandboxFaults();
  private final SandboxHandler handler;
  private SandboxServer server;
  private volatile URI baseUrl;
  private boolean closed;

  private SettleSandbox(Builder builder) {
    this.requestedPort = builder.port;
    this.apiKey = builder.apiKey;
    this.clock = new SandboxClock(builder.clock);
    this.host = builder.host;
    Ids ids = builder.seed == null ? Ids.unseeded() : Ids.seeded(builder.seed);
    this.webhooks = new WebhookDispatcher(clock, ids);
    this.billing = Billing.create(clock, this::baseUrl, builder.payPalSetupLifetime, builder.dunningSchedule,
        new WebhookEvents(webhooks, ids), ids, builder.demoData);
    clock.onAdvance(billing.due());
    List<Route> routes = new ArrayList<>(Api.routes(billing));
    routes.addAll(WebhookApi.routes(webhooks, clock));
    routes.addAll(ControlRoutes.routes(billing, webhooks, clock, this::resetTo));
    routes.addAll(TransferRoutes.routes(billing.transfers(), clock));
    routes.addAll(FaultApi.routes(faults));
    routes.add(new Dashboard(billing, webhooks, faults).route());
    this.handler = new SandboxHandler(apiKey, clock, List.copyOf(routes), idempotency,
        new AuthenticationPages(billing.invoices(), billing.cardSetups()), new PayPalPages(billing.payPal()), faults);
  }

  /** {@return a builder with port 0 (any free port), the default API key and a clock standing at now} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds 127.0.0.1 (or the builder's host) and starts serving.
   *
   * @return this sandbox, for chaining
   * @throws IllegalStateException if it was started or closed before
   * @throws UncheckedIOException if the port cannot be bound
   */
  public synchronized SettleSandbox start() {
    if (server != null || closed) {
      throw new IllegalStateException(closed ? "This sandbox is closed" : "This sandbox is already started");
    }
    server = SandboxServer.start(host, requestedPort, handler);
    baseUrl = server.url();
    return this;
  }

  /** Whether only this machine can connect: the sandbox is bound to a loopback address. */
  boolean loopbackOnly() {
    return host.isLoopbackAddress();
  }

  /**
   * {@return where the sandbox listens, ending in a slash, like {@code http://127.0.0.1:54321/}}
   *
   * @throws IllegalStateException before {@link #start()}
   */
  public URI baseUrl() {
    URI url = baseUrl;
    if (url == null) {
      throw new IllegalStateException("Start the sandbox before asking for its URL");
    }
    return url;
  }

  /** {@return the one API key this sandbox accepts, to send as {@code Authorization: Bearer <key>}} */
  public String apiKey() {
    return apiKey;
  }

  /** {@return the sandbox's clock; {@link SandboxClock#advance} moves the sandbox's time forward} */
  public SandboxClock clock() {
    return clock;
  }

  /** {@return the accounts every sandbox starts with, and {@link #reset()} brings back} */
  public List<DemoAccount> demoAccounts() {
    return DemoData.ACCOUNTS;
  }

  /**
   * Puts everything back as it was when the sandbox was built: the demo data (unless built
   * without), no tokens, no idempotency keys, no webhook endpoints or deliveries, every fault
   * switched off, the clock at its start, and a seeded sandbox's ids from the start of their
   * sequence. Objects created since are gone. Over HTTP: {@code POST /sandbox/reset}.
   */
  public void reset() {
    resetTo(null);
  }

  /**
   * {@link #reset()}, with the clock set to {@code now} instead of its start: earlier or later,
   * as time may only go back together with the state. The demo data is laid out around {@code now}.
   *
   * @param now where the clock stands after the reset
   */
  public void reset(Instant now) {
    resetTo(required(now, "now"));
  }

  /** Resets with the clock at {@code now}, or at its start for null. */
  private void resetTo(@Nullable Instant now) {
    faults.reset();
    webhooks.reset();
    billing.reset(now);
    idempotency.clear();
  }

  /**
   * The fault switches: latency, error answers, 429 bursts and dropped connections, globally or per
   * route, repeatable under a seed. Nothing is switched on until a test does; {@link #reset()}
   * switches everything off. Over HTTP: {@code /sandbox/faults}.
   *
   * @return the fault switches
   */
  public SandboxFaults faults() {
    return faults;
  }

  @Override
  Billing billing() {
    return billing;
  }

  @Override
  WebhookDispatcher webhooks() {
    return webhooks;
  }

  /** Stops serving and frees the port. Closing twice does nothing. */
  @Override
  public synchronized void close() {
    closed = true;
    webhooks.close();
    handler.close();
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** What the sandbox serves behind the API key: the API's operations and the controls. */
  List<Route> routes() {
    return handler.routes();
  }

  /** Lets a test see every answer's method, path and status, as {@code "GET /sandbox/clock 200"}. */
  void answered(Consumer<String> hook) {
    handler.answered(hook);
  }

  /** Lets a test hold a keyed request after its idempotency key is claimed and before it executes. */
  void beforeExecute(Consumer<String> hook) {
    handler.beforeExecute(hook);
  }

  /**
   * Runs a sandbox until the process is killed: {@code [--port N] [--api-key KEY] [--host ADDRESS]
   * [--seed N] [--demo-data standard|none] [--clock INSTANT]}. Port 0 picks a free one; the default
   * is 12111. It prints its URL, whether only this machine can reach it, its API key and accounts.
   *
   * @param args the options above
   * @throws InterruptedException if the thread waiting for the server to stop is interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    Standalone.main(args);
  }

  /**
   * Configures a {@link SettleSandbox}. Not thread-safe; build once and share the sandbox.
   */
  public static final class Builder {
    private int port;
    private String apiKey = DEFAULT_API_KEY;
    private Clock clock = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    private Duration payPalSetupLifetime = DEFAULT_PAYPAL_SETUP_LIFETIME;
    private InetAddress host = SandboxServer.LOOPBACK;
    private Long seed;
    private boolean demoData = true;
    private DunningSchedule dunningSchedule = DunningSchedule.defaults();

    private Builder() {}

    /**
     * Sets the port to bind; 0, the default, picks a free one.
     *
     * @param port the port
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be from 0 to 65535, not " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Sets the API key to accept; {@code sk_test_settle_sandbox} unless set.
     *
     * @param apiKey the key
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      if (required(apiKey, "apiKey").isBlank() || apiKey.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("apiKey must be non-blank and without spaces");
      }
      this.apiKey = apiKey;
      return this;
    }

    /**
     * The clock the sandbox's time starts from. A fixed clock (the default stands at the time the
     * builder was made, in whole seconds) keeps time still unless a test advances it; a ticking
     * clock lets it run.
     *
     * @param clock where the sandbox's time starts, and whether it ticks
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = required(clock, "clock");
      return this;
    }

    /**
     * How long, in sandbox clock time, a PayPal setup waits for the payer's approval before it
     * expires; 3 hours unless set (PayPal publishes no figure; its approval tokens live 3 hours).
     *
     * @param lifetime how long a setup waits for its payer
     * @return this builder
     * @throws IllegalArgumentException unless positive
     */
    public Builder paypalSetupLifetime(Duration lifetime) {
      if (required(lifetime, "lifetime").isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("paypalSetupLifetime must be positive, not " + lifetime);
      }
      this.payPalSetupLifetime = lifetime;
      return this;
    }

    /**
     * The address to listen on: an IP address or a host name, such as {@code 0.0.0.0} to serve
     * other machines too. 127.0.0.1 unless set, so that nothing outside this machine can reach the
     * sandbox; anyone who can reach it and has its API key controls it.
     *
     * @param host a name or an address to bind
     * @return this builder
     * @throws IllegalArgumentException for a name that does not resolve
     */
    public Builder host(String host) {
      try {
        this.host = InetAddress.getByName(required(host, "host"));
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("host must be an IP address or a name that resolves, not " + host);
      }
      return this;
    }

    /**
     * Makes ids repeatable: with the same seed, the same requests get the same ids ({@code tok_…},
     * {@code pm_…}, {@code in_…}…) in every run, and again after each {@link SettleSandbox#reset()}.
     * Unseeded, ids are random. Request ids and webhook secrets stay random.
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets when failed automatic charges are retried and an unpaid renewal's license is
     * suspended; {@link DunningSchedule#defaults()} (retries on days 1, 3, 5 and 7, suspended 7
     * days after the last) unless set. {@link SettleSandbox#reset()} brings it back after a change
     * at runtime.
     *
     * @param schedule the retries and the suspension
     * @return this builder
     */
    public Builder dunningSchedule(DunningSchedule schedule) {
      this.dunningSchedule = required(schedule, "schedule");
      return this;
    }

    /**
     * Sets whether the sandbox starts (and resets) with the demo accounts; true unless set.
     *
     * @param demoData false for an empty sandbox
     * @return this builder
     */
    public Builder demoData(boolean demoData) {
      this.demoData = demoData;
      return this;
    }

    /** {@return a sandbox as set up here, not yet listening; call {@link SettleSandbox#start()}} */
    public SettleSandbox build() {
      return new SettleSandbox(this);
    }
  }
}
