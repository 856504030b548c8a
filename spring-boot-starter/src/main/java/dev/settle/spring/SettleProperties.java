package dev.settle.spring;

import dev.settle.HttpLogger;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code settle.*} properties: where the billing API is, the key to it, and what the starter
 * adds around the client.
 *
 * <p>Only {@code settle.base-url} and {@code settle.api-key} are required; every other value has
 * the client's own default. The webhook endpoint's {@code settle.webhooks.*} are in {@link
 * SettleWebhooksProperties}. The API key is never shown by this class: it has no {@code
 * toString()} of its own, and the Actuator masks it in {@code /actuator/configprops}.
 */
@ConfigurationProperties("settle")
public class SettleProperties {
  /** The billing API's address; HTTPS, or HTTP to a loopback host such as a local sandbox. */
  private URI baseUrl;

  /** The secret API key, sent as a bearer token. */
  private String apiKey;

  /** How long to wait for a connection to open. */
  private Duration connectTimeout = Duration.ofSeconds(10);

  /** How long a read may wait for data on an open connection. */
  private Duration readTimeout = Duration.ofSeconds(30);

  /** How long a write may wait to send data on an open connection. */
  private Duration writeTimeout = Duration.ofSeconds(30);

  /** The limit for a whole call, all its attempts and the waits between them included. */
  private Duration callTimeout = Duration.ofSeconds(60);

  /**
   * How much of each HTTP exchange is written to the dev.settle.http logger, at INFO, with secrets
   * masked.
   */
  private HttpLogger.Level httpLogging = HttpLogger.Level.NONE;

  private final Retry retry = new Retry();
  private final Metrics metrics = new Metrics();
  private final Health health = new Health();

  /**
   * {@return the {@code settle.base-url} property: the billing API's address; HTTPS, or HTTP to a
   * loopback host such as a local sandbox}
   */
  public URI getBaseUrl() {
    return baseUrl;
  }

  /**
   * Sets the {@code settle.base-url} property: the billing API's address; HTTPS, or HTTP to a
   * loopback host such as a local sandbox.
   *
   * @param baseUrl the new value
   */
  public void setBaseUrl(URI baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** {@return the {@code settle.api-key} property: the secret API key, sent as a bearer token} */
  public String getApiKey() {
    return apiKey;
  }

  /**
   * Sets the {@code settle.api-key} property: the secret API key, sent as a bearer token.
   *
   * @param apiKey the new value
   */
  public void setApiKey(String apiKey) {
    this.apiKey = apiKey;
  }

  /**
   * {@return the {@code settle.connect-timeout} property: how long to wait for a connection to
   * open}
   */
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  /**
   * Sets the {@code settle.connect-timeout} property: how long to wait for a connection to open.
   *
   * @param connectTimeout the new value
   */
  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /**
   * {@return the {@code settle.read-timeout} property: how long a read may wait for data on an open
   * connection}
   */
  public Duration getReadTimeout() {
    return readTimeout;
  }

  /**
   * Sets the {@code settle.read-timeout} property: how long a read may wait for data on an open
   * connection.
   *
   * @param readTimeout the new value
   */
  public void setReadTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  /**
   * {@return the {@code settle.write-timeout} property: how long a write may wait to send data on
   * an open connection}
   */
  public Duration getWriteTimeout() {
    return writeTimeout;
  }

  /**
   * Sets the {@code settle.write-timeout} property: how long a write may wait to send data on an
   * open connection.
   *
   * @param writeTimeout the new value
   */
  public void setWriteTimeout(Duration writeTimeout) {
    this.writeTimeout = writeTimeout;
  }

  /**
   * {@return the {@code settle.call-timeout} property: the limit for a whole call, all its attempts
   * and the waits between them included}
   */
  public Duration getCallTimeout() {
    return callTimeout;
  }

  /**
   * Sets the {@code settle.call-timeout} property: the limit for a whole call, all its attempts and
   * the waits between them included.
   *
   * @param callTimeout the new value
   */
  public void setCallTimeout(Duration callTimeout) {
    this.callTimeout = callTimeout;
  }

  /**
   * {@return the {@code settle.http-logging} property: how much of each HTTP exchange is written to
   * the dev.settle.http logger, at INFO, with secrets masked}
   */
  public HttpLogger.Level getHttpLogging() {
    return httpLogging;
  }

  /**
   * Sets the {@code settle.http-logging} property: how much of each HTTP exchange is written to the
   * dev.settle.http logger, at INFO, with secrets masked.
   *
   * @param httpLogging the new value
   */
  public void setHttpLogging(HttpLogger.Level httpLogging) {
    this.httpLogging = httpLogging;
  }

  /** {@return the {@code settle.retry.*} properties} */
  public Retry getRetry() {
    return retry;
  }

  /** {@return the {@code settle.metrics.*} properties} */
  public Metrics getMetrics() {
    return metrics;
  }

  /** {@return the {@code settle.health.*} properties} */
  public Health getHealth() {
    return health;
  }

  /** When Settle repeats a call that failed for a reason that may pass. */
  public static class Retry {
    /** Attempts per call, the first included; 1 turns retries off. */
    private int maxAttempts = 4;

    /** The longest first wait; each later one may be twice as long. */
    private Duration initialBackoff = Duration.ofMillis(200);

    /** The longest any wait may be, unless the server's Retry-After asks for more. */
    private Duration maxBackoff = Duration.ofSeconds(5);

    /**
     * {@return the {@code settle.retry.max-attempts} property: attempts per call, the first
     * included; 1 turns retries off}
     */
    public int getMaxAttempts() {
      return maxAttempts;
    }

    /**
     * Sets the {@code settle.retry.max-attempts} property: attempts per call, the first included; 1
     * turns retries off.
     *
     * @param maxAttempts the new value
     */
    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    /**
     * {@return the {@code settle.retry.initial-backoff} property: the longest first wait; each
     * later one may be twice as long}
     */
    public Duration getInitialBackoff() {
      return initialBackoff;
    }

    /**
     * Sets the {@code settle.retry.initial-backoff} property: the longest first wait; each later
     * one may be twice as long.
     *
     * @param initialBackoff the new value
     */
    public void setInitialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
    }

    /**
     * {@return the {@code settle.retry.max-backoff} property: the longest any wait may be, unless
     * the server's Retry-After asks for more}
     */
    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    /**
     * Sets the {@code settle.retry.max-backoff} property: the longest any wait may be, unless the
     * server's Retry-After asks for more.
     *
     * @param maxBackoff the new value
     */
    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }
  }

  /** Micrometer meters for Settle's calls, when the application has a MeterRegistry. */
  public static class Metrics {
    /** Whether to record the settle.calls timer and the settle.retries counter. */
    private boolean enabled = true;

    /**
     * {@return the {@code settle.metrics.enabled} property: whether to record the settle.calls
     * timer and the settle.retries counter}
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets the {@code settle.metrics.enabled} property: whether to record the settle.calls timer
     * and the settle.retries counter.
     *
     * @param enabled the new value
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /**
   * The settle health indicator, when the application has Spring Boot's health support;
   * management.health.settle.enabled=false turns it off.
   */
  public static class Health {
    /** How long after its last answer the billing API still counts as answering. */
    private Duration recent = Duration.ofMinutes(5);

    /**
     * {@return the {@code settle.health.recent} property: how long after its last answer the
     * billing API still counts as answering}
     */
    public Duration getRecent() {
      return recent;
    }

    /**
     * Sets the {@code settle.health.recent} property: how long after its last answer the billing
     * API still counts as answering.
     *
     * @param recent the new value
     */
    public void setRecent(Duration recent) {
      this.recent = recent;
    }
  }
}
