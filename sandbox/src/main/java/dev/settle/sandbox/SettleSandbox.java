package dev.settle.sandbox;

import static dev.settle.exception.ValidationException.required;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
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
  static final int STANDALONE_PORT = 12111;
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
  private HttpServer server;
  private ExecutorService executor;
  private volatile URI baseUrl;
  private boolean closed;

  private SettleSandbox(Builder builder) {
    this.requestedPort = builder.port;
    this.apiKey = builder.apiKey;
    this.clock = new SandboxClock(builder.clock);
    this.webhooks = new WebhookDispatcher(clock);
    this.billing = new Billing(clock, this::baseUrl, builder.payPalSetupLifetime, new WebhookEvents(webhooks));
    clock.onAdvance(billing::renewDue);
    List<Route> routes = new java.util.ArrayList<>(Api.routes(billing));
    routes.addAll(TransferRoutes.routes(billing, clock));
    routes.addAll(WebhookApi.routes(webhooks, clock));
    this.handler = new SandboxHandler(apiKey, clock, List.copyOf(routes), idempotency,
        new AuthenticationPages(billing), new PayPalPages(billing), faults);
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
    // Must precede the first use of the JDK's HTTP server classes, which read it once.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try {
      InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
      server = HttpServer.create(new InetSocketAddress(loopback, requestedPort), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot bind the sandbox to 127.0.0.1:" + requestedPort, e);
    }
    int port = server.getAddress().getPort();
    executor = Executors.newFixedThreadPool(8, daemonThreads("settle-sandbox-" + port + "-"));
    server.setExecutor(executor);
    server.createContext("/", handler);
    server.start();
    baseUrl = URI.create("http://127.0.0.1:" + port + "/");
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
    return webhooks.await(count, required(timeout, "timeout"));
  }

  /**
   * Creates an account, for tests that need one beyond the demo accounts.
   *
   * @param currency an upper-case ISO 4217 code, such as {@code EUR} or {@code JPY}
   * @return the new account's customer id
   * @throws IllegalArgumentException for a blank name or an unknown currency
   */
  public String createAccount(Portal portal, String name, String currency) {
    required(portal, "portal");
    required(name, "name");
    required(currency, "currency");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    if (!currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("currency must be an upper-case ISO 4217 code, not " + currency);
    }
    Currency.getInstance(currency);
    return billing.createAccount(portal, name, currency);
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
    required(customerId, "customerId");
    required(description, "description");
    if (amountMinor <= 0) {
      throw new IllegalArgumentException("amountMinor must be positive, not " + amountMinor);
    }
    if (description.isBlank()) {
      throw new IllegalArgumentException("description must not be blank");
    }
    return billing.createInvoice(customerId, amountMinor, description);
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
    required(setupId, "setupId");
    required(email, "email");
    if (!email.strip().matches("[^@\\s]+@[^@\\s]+")) {
      throw new IllegalArgumentException("email must be an email address such as buyer@example.com");
    }
    return payerAnswer(setupId, billing.approvePayPalSetup(setupId, email.strip()));
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
    return payerAnswer(required(setupId, "setupId"), billing.cancelPayPalSetup(setupId));
  }

  /**
   * Test helper: an incoming bank transfer arrives, as the payee's bank would report it. It is
   * matched to the invoice whose payment reference ({@code RF…}) it quotes, ignoring spaces and
   * case. On an open invoice in the same currency, the part applied is recorded as a succeeded
   * payment of the invoice with no {@code payment_method_id}, made at the value date:
   *
   * <ul>
   *   <li>the exact amount due pays the invoice ({@link TransferReceipt.Outcome#PAID});
   *   <li>less leaves it open with the rest still due ({@code PARTIALLY_PAID}); partial transfers
   *       add up, and the one that completes the amount pays it;
   *   <li>more pays it and keeps the rest as the receipt's excess ({@code OVERPAID}).
   * </ul>
   *
   * <p>Paying a renewal invoice this way brings its {@code renewal_failed} license back to
   * {@code active}, as any payment does. Nothing is applied when no invoice has the reference
   * ({@code UNMATCHED}), when the invoice is no longer open, for example already paid by card
   * ({@code ALREADY_PAID}), or when it is in another currency ({@code CURRENCY_MISMATCH}); the
   * transfer is kept all the same, listed by {@link #transfers()}. Over HTTP: {@code POST
   * /sandbox/transfers}.
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
  public TransferReceipt receiveTransfer(long amountMinor, String currency, String reference,
      @Nullable Instant valueDate) {
    required(currency, "currency");
    required(reference, "reference");
    if (amountMinor <= 0 || amountMinor > TransferRoutes.MAX_AMOUNT) {
      throw new IllegalArgumentException("amountMinor must be from 1 to " + TransferRoutes.MAX_AMOUNT);
    }
    if (!currency.matches("[A-Z]{3}") || !TransferRoutes.isCurrency(currency)) {
      throw new IllegalArgumentException("currency must be an upper-case ISO 4217 code, not " + currency);
    }
    if (reference.isBlank() || reference.length() > 140) {
      throw new IllegalArgumentException("reference must be non-blank and at most 140 characters");
    }
    Instant now = clock.instant();
    Instant when = valueDate == null ? now : valueDate;
    if (when.isAfter(now)) {
      throw new IllegalArgumentException("valueDate " + valueDate + " is later than the sandbox's now, " + now);
    }
    return billing.receiveTransfer(amountMinor, currency, reference, when);
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
    return billing.transfers();
  }

  private static URI payerAnswer(String setupId, Billing.PayerAnswer answer) {
    if (answer == null) {
      throw new IllegalArgumentException("No PayPal setup " + setupId);
    }
    if (answer.location() == null) {
      throw new IllegalStateException("PayPal setup " + setupId + " is " + answer.refusedBecause().wireName()
          + "; the payer can no longer answer it");
    }
    return URI.create(answer.location());
  }

  /** Stops serving and frees the port. Closing twice does nothing. */
  @Override
  public synchronized void close() {
    closed = true;
    webhooks.close();
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
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
    SettleSandbox sandbox;
    try {
      sandbox = startStandalone(args, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sandbox.close();
      stopped.countDown();
    }, "settle-sandbox-shutdown"));
    stopped.await();
  }

  static SettleSandbox startStandalone(String[] args, PrintStream out) {
    Builder builder = builder().port(STANDALONE_PORT);
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--port" -> builder.port(parsePort(value));
        case "--api-key" -> builder.apiKey(Objects.requireNonNullElse(value, ""));
        default -> throw new IllegalArgumentException(
            "Unknown argument " + args[i] + ". Usage: java -jar settle-sandbox-standalone.jar [--port N] [--api-key KEY]");
      }
      i++;
    }
    SettleSandbox sandbox = builder.build().start();
    out.println("Settle sandbox listening on " + sandbox.baseUrl());
    out.println("API key: " + sandbox.apiKey());
    out.println("Demo accounts:");
    sandbox.billing.accountSummaries().forEach(line -> out.println("  " + line));
    out.println("Test cards: 4242424242424242 succeeds; see the sandbox README for declines and 3-D Secure.");
    out.println("Move the clock (renewals follow): POST /sandbox/clock/advance {\"seconds\": N} with the API key.");
    out.println("Stop with Ctrl+C.");
    out.flush();
    return sandbox;
  }

  private static int parsePort(String value) {
    try {
      return Integer.parseInt(value);   // null, too, is a NumberFormatException
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port needs a number from 0 to 65535");
    }
  }

  private static ThreadFactory daemonThreads(String namePrefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, namePrefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
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
     */
    public Builder clock(Clock clock) {
      this.clock = required(clock, "clock");
      return this;
    }

    /**
     * How long, in sandbox clock time, a PayPal setup waits for the payer's approval before it
     * expires; 3 hours unless set (PayPal publishes no figure; its approval tokens live 3 hours).
     *
     * @throws IllegalArgumentException unless positive
     */
    public Builder paypalSetupLifetime(Duration lifetime) {
      if (required(lifetime, "lifetime").isNegative() || lifetime.isZero()) {
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
