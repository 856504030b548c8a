package dev.settle;

import static dev.settle.exception.ValidationException.required;

import dev.settle.exception.ClientClosedException;
import dev.settle.exception.SettleConfigurationException;
import dev.settle.internal.http.HttpStack;
import dev.settle.internal.http.Redaction;
import dev.settle.internal.http.Scheduler;
import dev.settle.internal.http.Sleeper;
import dev.settle.internal.http.Transport;
import dev.settle.model.CustomerId;
import dev.settle.spi.PaymentMethodProvider;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;

/**
 * The entry point: a client of one billing system, with one API key.
 *
 * <pre>{@code
 * try (SettleClient settle = SettleClient.builder()
 *     .baseUrl(URI.create("https://billing.example.com/"))
 *     .apiKey(System.getenv("SETTLE_API_KEY"))
 *     .build()) {
 *   AccountClient account = settle.account(CustomerId.of("200001"));
 *   PaymentMethod card = account.paymentMethods().add(CardDetails.builder()...build());
 *   account.paymentMethods().makePreferred(card.id());
 *   Payment payment = account.invoices().pay(invoiceId);
 * }
 * }</pre>
 *
 * <p>A client is immutable and thread-safe; build one and share it. It holds no global state, so
 * several clients with different keys or servers can live side by side. Use {@link #newBuilder()}
 * to derive a client that shares this one's connection pool, dispatcher and timer.
 *
 * <p>Close it when it will not be used again: {@link #close()} releases the threads and
 * connections Settle created for it, once every client derived from it is closed too. Its threads
 * are daemon threads, so a client left open never keeps a JVM alive.
 */
public final class SettleClient implements AutoCloseable {
  /** The version of the billing API this client speaks, sent with every request as {@code Settle-Version}. */
  public static final String API_VERSION = HttpStack.API_VERSION;

  private final ClientSettings settings;
  private final ClientResources resources;
  private final Backend backend;
  private final AtomicBoolean closed = new AtomicBoolean();

  SettleClient(ClientSettings settings, ClientResources resources, Providers providers, HttpStack http,
      Transport transport) {
    this.settings = settings;
    this.resources = resources;
    this.backend = new Backend(http, transport, providers, settings.clock, closed::get);
  }

  /** {@return a builder for a new client; only {@code baseUrl} and {@code apiKey} are required} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this client's settings, to derive a client that differs in a few. The
   * derived client shares this one's connection pool, dispatcher and timer unless it is given
   * another {@code OkHttpClient} or limit of calls in flight.
   *
   * @return a builder with this client's settings
   */
  public Builder newBuilder() {
    return new Builder(settings).shareResources(resources);
  }

  /**
   * The account of {@code customerId}. Makes no request: each call on the returned object does.
   *
   * @param customerId the customer whose account to reach
   * @return the account's client, bound to this client's settings
   * @throws dev.settle.exception.ValidationException if {@code customerId} is null
   */
  public AccountClient account(CustomerId customerId) {
    return new AccountClient(required(customerId, "customerId"), backend);
  }

  /** {@return the URLs the billing system sends signed events to} */
  public WebhookEndpoints webhookEndpoints() {
    return new WebhookEndpoints(backend);
  }

  /**
   * Releases what this client created: its dispatcher's threads, its connection pool and its
   * timer, once every client sharing them is closed. An {@code OkHttpClient} handed to the builder
   * is left as it is. Calls already in flight finish; calls made after this one fail with
   * {@link ClientClosedException}. Closing twice does nothing more.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      resources.release();
    }
  }

  @Override
  public String toString() {
    return "SettleClient{baseUrl=" + settings.baseUrl + ", apiKey=" + Redaction.mask(settings.apiKey)
        + (closed.get() ? ", closed" : "") + "}";
  }

  /**
   * Configures a {@link SettleClient}. Only the base URL and the API key are required.
   *
   * <p>Timeouts default to 10 s to connect, 30 s to read or write, and 60 s for a whole call
   * including its retries.
   */
  public static final class Builder {
    final ClientSettings settings;

    private Builder() {
      settings = new ClientSettings();
    }

    private Builder(ClientSettings from) {
      settings = from.copy();
    }

    /**
     * The billing system's address. HTTPS is required, except for a loopback host such as a
     * local sandbox.
     *
     * @param baseUrl the API's root, such as {@code https://billing.example.com/}
     * @return this builder
     * @throws SettleConfigurationException if it is not an absolute http(s) URL, or is plain
     *     HTTP to a host other than loopback
     */
    public Builder baseUrl(URI baseUrl) {
      settings.baseUrl = BaseUrl.parse(required(baseUrl, "baseUrl"));
      return this;
    }

    /**
     * The secret API key, sent as a bearer token; it never appears in logs or messages.
     *
     * @param apiKey the key, printable ASCII without spaces
     * @return this builder
     * @throws SettleConfigurationException if it is blank or holds a space, a control or a
     *     non-ASCII character
     */
    public Builder apiKey(String apiKey) {
      if (required(apiKey, "apiKey").isBlank()) {
        throw new SettleConfigurationException("The API key is missing");
      }
      if (!apiKey.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
        // A key read from a file often ends with a line break; OkHttp would refuse the header.
        throw new SettleConfigurationException(
            "The API key holds a space or a control or non-ASCII character");
      }
      settings.apiKey = apiKey;
      return this;
    }

    /**
     * An OkHttp client to share connection pools and dispatchers with. Settle derives its own
     * from it with {@link OkHttpClient#newBuilder()}, adding its timeouts and, after the
     * client's own interceptors, its headers (so they never see the API key), and turning off
     * OkHttp's silent retry, which could repeat a payment.
     *
     * @param client the client to derive Settle's own from; it is never closed by Settle
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient client) {
      settings.okHttpClient = required(client, "client");
      return this;
    }

    /**
     * How long to wait for a connection to open; 10 s unless set.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      settings.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * How long a read may wait for data on an open connection; 30 s unless set.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      settings.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /**
     * How long a write may wait to send data on an open connection; 30 s unless set.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder writeTimeout(Duration timeout) {
      settings.writeTimeout = positive(timeout, "writeTimeout");
      return this;
    }

    /**
     * When to repeat a call that failed for a reason that may pass; {@link RetryPolicy#defaults()}
     * unless set. {@link RetryPolicy#none()} turns retries off.
     *
     * @param policy the retry policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy policy) {
      settings.retryPolicy = required(policy, "policy");
      return this;
    }

    /**
     * How many calls this client runs at once; further asynchronous calls wait in a queue, without
     * a thread each, and their deadline counts from the call, time queued included. 64 unless set:
     * enough for a service talking to one billing API, and a bound on what a batch can ask of it.
     *
     * <p>It applies to the dispatcher Settle creates. With {@link #okHttpClient(OkHttpClient)},
     * that client's own dispatcher limits apply instead (OkHttp's default is 64 in all and 5 per
     * host); set them there. A blocking call runs on its caller's thread, and a limit on calls
     * from many threads is the caller's.
     *
     * @param maxConcurrentCalls at least 1
     * @return this builder
     * @throws SettleConfigurationException if below 1
     */
    public Builder maxConcurrentCalls(int maxConcurrentCalls) {
      if (maxConcurrentCalls < 1) {
        throw new SettleConfigurationException("maxConcurrentCalls must be at least 1");
      }
      settings.maxConcurrentCalls = maxConcurrentCalls;
      return this;
    }

    private Builder shareResources(ClientResources resources) {
      settings.shared = resources;
      return this;
    }

    Builder sleeper(Sleeper sleeper) {
      settings.sleeper = sleeper;
      return this;
    }

    Builder scheduler(Scheduler scheduler) {
      settings.scheduler = scheduler;
      return this;
    }

    /**
     * Pins the certificates {@code host} may present: a connection whose chain holds none of
     * {@code pins} ({@code sha256/<base64>} of a public key) fails before any request is sent.
     * Pin a backup key too, or a key rotation will lock the client out.
     *
     * @param host a host name, or a pattern such as {@code *.example.com}
     * @param pins the accepted public-key hashes
     * @return this builder
     * @throws SettleConfigurationException if a pin is not of the form {@code sha256/<base64>}
     */
    public Builder certificatePins(String host, String... pins) {
      required(host, "host");
      for (String pin : required(pins, "pins")) {
        required(pin, "pins");
      }
      try {
        settings.pins.add(host, pins);
        settings.pinned = true;
      } catch (IllegalArgumentException e) {
        throw new SettleConfigurationException("Bad certificate pin for " + host + ": " + e.getMessage());
      }
      return this;
    }

    /**
     * Writes every HTTP exchange to {@code logger} at {@code level}, with secrets masked; off by
     * default. See {@link HttpLogger}.
     *
     * @param logger where the lines go
     * @param level how much of each exchange to write
     * @return this builder
     */
    public Builder httpLogger(HttpLogger logger, HttpLogger.Level level) {
      settings.httpLogger = required(logger, "logger");
      settings.httpLogLevel = required(level, "level");
      return this;
    }

    /**
     * Sees every call and attempt, for metrics and traces; see {@link CallListener}.
     *
     * @param listener the listener; thread-safe, quick, and not throwing
     * @return this builder
     */
    public Builder callListener(CallListener listener) {
      settings.listener = required(listener, "listener");
      return this;
    }

    /**
     * The limit for a whole call, all its attempts and waits included; {@link
     * RequestOptions#timeout()} overrides it per call.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      settings.callTimeout = positive(timeout, "callTimeout");
      return this;
    }

    /**
     * The clock used to check card expiry and read dates; the system clock by default.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      settings.clock = required(clock, "clock");
      return this;
    }

    /**
     * Registers a provider. It is used for its kind even when another provider of that kind is
     * found on the classpath.
     *
     * @param provider the provider to use for its kind
     * @return this builder
     */
    public Builder addProvider(PaymentMethodProvider provider) {
      settings.providers.add(required(provider, "provider"));
      return this;
    }

    /**
     * Whether to look for providers on the classpath with {@link java.util.ServiceLoader}; on by
     * default.
     *
     * @param discover false to use only the providers added with {@link #addProvider}
     * @return this builder
     */
    public Builder discoverProviders(boolean discover) {
      settings.discoverProviders = discover;
      return this;
    }

    /**
     * Builds the client.
     *
     * @return a new client, ready for calls
     * @throws SettleConfigurationException when the base URL or API key is missing, or two
     *     providers claim one kind
     */
    public SettleClient build() {
      return ClientAssembly.build(settings.copy());
    }

    @Override
    public String toString() {
      return "SettleClient.Builder{baseUrl=" + settings.baseUrl + ", apiKey=" + Redaction.mask(settings.apiKey) + "}";
    }

    private static Duration positive(Duration timeout, String name) {
      if (required(timeout, name).isNegative() || timeout.isZero()) {
        throw new SettleConfigurationException(name + " must be a positive duration");
      }
      return timeout;
    }
  }
}
