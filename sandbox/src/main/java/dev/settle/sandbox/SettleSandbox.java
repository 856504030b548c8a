package dev.settle.sandbox;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
 * Standalone, {@code java -jar settle-sandbox-<version>-standalone.jar [--port N]} runs one until
 * it is killed. The test cards and the demo data are listed in the module's README.
 *
 * <p>Thread-safe: requests are served concurrently and each sees a consistent state. The server's
 * threads are daemon threads, so a forgotten sandbox does not keep a JVM alive. Starting a sandbox
 * sets the system property {@code sun.net.httpserver.nodelay=true} before the JDK's HTTP server is
 * first used: without it every small response on loopback waits about 40 ms for a delayed ACK. The
 * JDK reads that property once, so it has no effect if the JDK's HTTP server was used in this JVM
 * before the first sandbox started.
 */
public final class SettleSandbox implements AutoCloseable {
  /** The API key a sandbox accepts unless the builder names another. */
  static final String DEFAULT_API_KEY = "sk_test_settle_sandbox";
  static final Duration DEFAULT_PAYPAL_SETUP_LIFETIME = Duration.ofHours(3);

  /**
   * The management portal an account lives on: Portal I stores one payment method, which is the
   * preferred one; Portal II stores many, at most one of them preferred.
   */
  public enum Portal { I, II }

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
    Ids ids = Ids.unseeded();
    this.webhooks = new WebhookDispatcher(clock, ids);
    this.billing = Billing.create(clock, this::baseUrl, builder.payPalSetupLifetime, new WebhookEvents(webhooks, ids), ids);
    clock.onAdvance(billing.licenses()::renewDue);
    List<Route> routes = new ArrayList<>(Api.routes(billing));
    routes.addAll(TransferRoutes.routes(billing.transfers(), clock));
    routes.addAll(WebhookApi.routes(webhooks, clock));
    this.handler = new SandboxHandler(apiKey, clock, List.copyOf(routes), idempotency,
        new AuthenticationPages(billing.invoices()), new PayPalPages(billing.payPal()), faults);
  }

  /** A builder with port 0 (any free port), the default API key and a clock standing at now. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds 127.0.0.1 and starts serving.
   *
   * @return this sandbox, for chaining
   * @throws IllegalStateException if it was started or closed before
   * @throws UncheckedIOException if the port cannot be bound
   */
  public synchronized SettleSandbox start() {
    if (server != null || closed) {
      throw new IllegalStateException(closed ? "This sandbox is closed" : "This sandbox is already started");
    }
    InetAddress loopback = InetAddress.getLoopbackAddress();
    server = SandboxServer.start(loopback, requestedPort, handler);
    baseUrl = URI.create("http://127.0.0.1:" + server.port() + "/");
    return this;
  }

  /**
   * Where the sandbox listens, ending in a slash, like {@code http://127.0.0.1:54321/}.
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

  /** The one API key this sandbox accepts, to send as {@code Authorization: Bearer <key>}. */
  public String apiKey() {
    return apiKey;
  }

  /** The sandbox's clock; {@link SandboxClock#advance} moves the sandbox's time forward. */
  public SandboxClock clock() {
    return clock;
  }

  /** The accounts every sandbox starts with, and {@link #reset()} brings back. */
  public List<DemoAccount> demoAccounts() {
    return DemoData.ACCOUNTS;
  }

  /**
   * Puts everything back as it was when the sandbox was built: the demo data, no tokens, no
   * idempotency keys, no webhook endpoints or deliveries, every fault switched off, and the clock
   * at its start. Objects created since are gone.
   */
  public void reset() {
    faults.reset();
    webhooks.reset();
    billing.reset();
    idempotency.clear();
  }

  /**
   * The fault switches: latency, error answers, 429 bursts and dropped connections, globally or per
   * route, repeatable under a seed. Nothing is switched on until a test does; {@link #reset()}
   * switches everything off. Over HTTP: {@code /sandbox/faults}.
   */
  public SandboxFaults faults() {
    return faults;
  }

  /**
   * Every webhook delivery since the sandbox was built or last {@linkplain #reset() reset}, one per
   * event and endpoint, in the order the events happened, as they stand now (a snapshot).
   */
  public List<WebhookDelivery> webhookDeliveries() {
    return webhooks.snapshot();
  }

  /**
   * Waits until at least {@code count} webhook deliveries are finished (delivered, failed after
   * every attempt, or cancelled), then answers {@link #webhookDeliveries()}. Deliveries run on
   * their own threads; this is how a test waits for them without sleeping.
   *
   * @throws IllegalStateException if fewer are finished when {@code timeout} has passed; the
   *     message lists the deliveries as they stood
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public List<WebhookDelivery> awaitDeliveries(int count, Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout");
    return webhooks.await(count, timeout);
  }

  /**
   * Creates an account, for tests that need one beyond the demo accounts.
   *
   * @param currency an upper-case ISO 4217 code, such as {@code EUR} or {@code JPY}
   * @return the new account's customer id
   * @throws IllegalArgumentException for a blank name or an unknown currency
   */
  public String createAccount(Portal portal, String name, String currency) {
    Objects.requireNonNull(portal, "portal");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    if (currency == null || !currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("currency must be an upper-case ISO 4217 code, not " + currency);
    }
    Currency.getInstance(currency);
    return billing.accounts().createAccount(portal, name, currency);
  }

  /**
   * Issues an open invoice of one line on an account, due in 30 days.
   *
   * @param amountMinor the amount in the account currency's minor units (cents for EUR)
   * @return the new invoice's id
   * @throws IllegalArgumentException for an unknown account, an amount that is not positive or a
   *     blank description
   */
  public String createInvoice(String customerId, long amountMinor, String description) {
    if (amountMinor <= 0) {
      throw new IllegalArgumentException("amountMinor must be positive, not " + amountMinor);
    }
    if (description == null || description.isBlank()) {
      throw new IllegalArgumentException("description must not be blank");
    }
    return billing.invoices().create(customerId, amountMinor, description);
  }

  /**
   * Test helper: approves a PayPal setup as the payer would on its approval page, without a
   * browser. The setup is then {@code approved} with this email and a generated payer id, ready
   * for {@code POST …/paypal_setups/{id}/complete}. Approving an approved setup again changes
   * nothing.
   *
   * <p>The sandbox's test payer {@code decline@example.com} is approved like any other, but every
   * charge to the PayPal account saved from it declines.
   *
   * @param setupId the setup's id ({@code pps_…}), as {@code POST …/paypal_setups} answered it
   * @param email the payer's PayPal email, such as {@code buyer@example.com}
   * @return where the payer's browser would be sent: the setup's {@code return_url} with
   *     {@code approval_session_id} (the setup id) and {@code approval_token_id}
   * @throws IllegalArgumentException for an unknown setup or an email without an {@code @}
   * @throws IllegalStateException if the setup is expired, cancelled or completed
   */
  public URI approvePayPalSetup(String setupId, String email) {
    Objects.requireNonNull(setupId, "setupId");
    return URI.create(javaHelper(() -> billing.payPal().approveAsPayer(setupId, email)));
  }

  /**
   * Test helper: cancels a PayPal setup as the payer would with the approval page's Cancel
   * button. The setup is then {@code cancelled}; completing it fails with {@code setup_cancelled}.
   *
   * @return where the payer's browser would be sent: the setup's {@code cancel_url} with
   *     {@code approval_session_id} (the setup id)
   * @throws IllegalArgumentException for an unknown setup
   * @throws IllegalStateException if the setup is approved, expired or completed
   */
  public URI cancelPayPalSetup(String setupId) {
    Objects.requireNonNull(setupId, "setupId");
    return URI.create(javaHelper(() -> billing.payPal().cancelAsPayer(setupId)));
  }

  /**
   * Test helper: an incoming bank transfer arrives, as the payee's bank would report it. It is
   * matched to the invoice whose payment reference ({@code RF…}) it quotes, ignoring spaces and
   * case. On an open invoice in its currency, the part applied is recorded as a succeeded payment
   * of the invoice with no {@code payment_method_id}, made at the value date; partial transfers
   * add up, and a renewal invoice paid this way brings its license back to {@code active}. The
   * receipt's {@link TransferReceipt.Outcome} says what became of it; every transfer is kept,
   * listed by {@link #transfers()}. Over HTTP: {@code POST /sandbox/transfers}.
   *
   * @param amountMinor the amount received, in minor units of {@code currency}; positive
   * @param currency an upper-case ISO 4217 code, such as {@code EUR}
   * @param reference the remittance information, at most 140 characters, such as
   *     {@code RF75 INV2 0260 006}
   * @param valueDate when the money was credited: not later than the sandbox clock's now; null
   *     for now
   * @return what became of the transfer
   * @throws IllegalArgumentException for an amount that is not positive, an unknown currency, a
   *     blank or longer reference, or a value date in the sandbox's future
   */
  public TransferReceipt receiveTransfer(long amountMinor, String currency, String reference, Instant valueDate) {
    return billing.transfers().receiveFromJava(amountMinor, currency, reference, valueDate);
  }

  /** Test helper: {@link #receiveTransfer(long, String, String, Instant)} with the value date now. */
  public TransferReceipt receiveTransfer(long amountMinor, String currency, String reference) {
    return receiveTransfer(amountMinor, currency, reference, null);
  }

  /**
   * Every transfer received since the sandbox was built or last {@linkplain #reset() reset}, in
   * the order received, matched or not. Over HTTP: {@code GET /sandbox/transfers}.
   */
  public List<TransferReceipt> transfers() {
    return billing.transfers().all();
  }

  /** Runs a rule for a Java caller: its refusals as the exceptions a Java method throws. */
  private static <T> T javaHelper(Supplier<T> rule) {
    try {
      return rule.get();
    } catch (ApiError refused) {
      throw refused.forJava();
    }
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

  /** Lets a test hold a keyed request after its idempotency key is claimed and before it executes. */
  void beforeExecute(Consumer<String> hook) {
    handler.beforeExecute(hook);
  }

  /**
   * Runs a sandbox until the process is killed: {@code [--port N] [--api-key KEY]}. Port 0 picks
   * a free one; the default is 12111. It prints its URL, API key and demo accounts.
   */
  public static void main(String[] args) throws InterruptedException {
    Standalone.main(args);
  }

  static SettleSandbox startStandalone(String[] args, PrintStream out) {
    return Standalone.start(args, out);
  }

  List<String> accountSummaries() {
    return billing.accounts().summaries();
  }

  /**
   * Configures a {@link SettleSandbox}. Not thread-safe; build once and share the sandbox.
   */
  public static final class Builder {
    private int port;
    private String apiKey = DEFAULT_API_KEY;
    private Clock clock = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    private Duration payPalSetupLifetime = DEFAULT_PAYPAL_SETUP_LIFETIME;

    private Builder() {}

    /** The port to bind on 127.0.0.1; 0, the default, picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be from 0 to 65535, not " + port);
      }
      this.port = port;
      return this;
    }

    /** The API key to accept; defaults to {@code sk_test_settle_sandbox}. */
    public Builder apiKey(String apiKey) {
      if (apiKey == null || apiKey.isBlank() || apiKey.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("apiKey must be non-blank and without spaces");
      }
      this.apiKey = apiKey;
      return this;
    }

    /**
     * The clock the sandbox's time starts from. A fixed clock (the default stands at the time the
     * builder was made, in whole seconds) keeps time still unless a test advances it; a ticking
     * clock lets it run.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long, in sandbox clock time, a PayPal setup waits for the payer's approval before it
     * expires; 3 hours unless set (PayPal publishes no figure; its approval tokens live 3 hours).
     *
     * @throws IllegalArgumentException unless positive
     */
    public Builder paypalSetupLifetime(Duration lifetime) {
      Objects.requireNonNull(lifetime, "lifetime");
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("paypalSetupLifetime must be positive, not " + lifetime);
      }
      this.payPalSetupLifetime = lifetime;
      return this;
    }

    /** A sandbox with the demo data, not yet listening; call {@link SettleSandbox#start()}. */
    public SettleSandbox build() {
      return new SettleSandbox(this);
    }
  }
}
