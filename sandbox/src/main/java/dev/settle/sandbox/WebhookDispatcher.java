package dev.settle.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The registered webhook endpoints and the deliveries to them. Each endpoint gets its events one
 * at a time, in the order they happened: an event is posted, retried on failure up to
 * {@link #MAX_ATTEMPTS} attempts after the delays of {@link #RETRY_DELAYS_MILLIS} (real time, not
 * sandbox time), and only then does the endpoint's next event go out. Deliveries run on the
 * dispatcher's own daemon threads, never on a request's. Thread-safe; it never calls into
 * the billing rules, which publish to it while holding the state's lock.
 */
final class WebhookDispatcher {
  static final int MAX_ATTEMPTS = 5;
  /** The wait before each attempt, in milliseconds: the first goes at once. */
  static final long[] RETRY_DELAYS_MILLIS = {0, 50, 100, 200, 400};
  /** How long one attempt waits for the endpoint's answer. */
  static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
  private static final System.Logger LOG = System.getLogger(SettleSandbox.class.getName());

  private final SandboxClock clock;
  private final Ids ids;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService httpThreads;
  private final HttpClient http;
  private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
  private final List<Delivery> deliveries = new ArrayList<>();
  private long sequence;
  private boolean closed;

  static final class Endpoint {
    final String id;
    final long sequence;
    final URI url;
    /** The types to deliver; null for all. */
    final Set<String> events;
    final byte[] key;
    final Instant createdAt;
    final Deque<Delivery> queue = new ArrayDeque<>();
    boolean sending;
    boolean deleted;

    Endpoint(String id, long sequence, URI url, Set<String> events, byte[] key, Instant createdAt) {
      this.id = id;
      this.sequence = sequence;
      this.url = url;
      this.events = events;
      this.key = key;
      this.createdAt = createdAt;
    }

    boolean wants(String type) {
      return events == null || events.contains(type);
    }
  }

  private static final class Delivery {
    final String eventId;
    final String type;
    final byte[] body;
    final Endpoint endpoint;
    int attempts;
    int lastResponseStatus;
    WebhookDelivery.Status status = WebhookDelivery.Status.PENDING;

    Delivery(String eventId, String type, byte[] body, Endpoint endpoint) {
      this.eventId = eventId;
      this.type = type;
      this.body = body;
      this.endpoint = endpoint;
    }

    WebhookDelivery snapshot() {
      return new WebhookDelivery(eventId, type, endpoint.id, endpoint.url.toString(), attempts, status,
          lastResponseStatus, new String(body, StandardCharsets.UTF_8));
    }
  }

  WebhookDispatcher(SandboxClock clock, Ids ids) {
    this.clock = clock;
    this.ids = ids;
    this.scheduler = Executors.newScheduledThreadPool(4, SandboxServer.daemonThreads("settle-sandbox-webhooks-"));
    this.httpThreads = Executors.newCachedThreadPool(SandboxServer.daemonThreads("settle-sandbox-webhooks-http-"));
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(ATTEMPT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(httpThreads)
        .build();
  }

  // ---- endpoints

  synchronized Endpoint register(URI url, Set<String> events, Instant now) {
    Endpoint endpoint = new Endpoint(ids.next("we_"), ++sequence, url, events, WebhookSignature.newKey(), now);
    endpoints.put(endpoint.id, endpoint);
    return endpoint;
  }

  synchronized List<Endpoint> endpoints() {
    return List.copyOf(endpoints.values());
  }

  /** Removes an endpoint: no event is sent to it any more; false for an unknown one. */
  synchronized boolean delete(String endpointId) {
    Endpoint endpoint = endpoints.remove(endpointId);
    if (endpoint == null) {
      return false;
    }
    cancel(endpoint);
    notifyAll();
    return true;
  }

  private static void cancel(Endpoint endpoint) {
    endpoint.deleted = true;
    for (Delivery delivery : endpoint.queue) {
      delivery.status = WebhookDelivery.Status.CANCELLED;
    }
    endpoint.queue.clear();
  }

  // ---- deliveries

  /** Queues an event for every endpoint that wants its type. */
  synchronized void publish(String eventId, String type, byte[] body) {
    for (Endpoint endpoint : endpoints.values()) {
      if (!endpoint.wants(type)) {
        continue;
      }
      Delivery delivery = new Delivery(eventId, type, body, endpoint);
      deliveries.add(delivery);
      endpoint.queue.addLast(delivery);
      if (!endpoint.sending) {
        endpoint.sending = true;
        schedule(endpoint, 0);
      }
    }
  }

  private void schedule(Endpoint endpoint, long delayMillis) {
    if (closed) {
      return;
    }
    try {
      scheduler.schedule(() -> attempt(endpoint), delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Closed meanwhile: nothing more is sent.
    }
  }

  /** Posts the endpoint's oldest queued event once, then decides what comes next. */
  private void attempt(Endpoint endpoint) {
    Delivery delivery;
    synchronized (this) {
      delivery = endpoint.queue.peekFirst();
      if (delivery == null || endpoint.deleted || closed) {
        endpoint.sending = false;
        return;
      }
    }
    long timestamp = clock.instant().getEpochSecond();
    int status = post(endpoint, delivery, timestamp);
    synchronized (this) {
      delivery.attempts++;
      delivery.lastResponseStatus = status;
      if (endpoint.deleted) {
        if (delivery.status == WebhookDelivery.Status.PENDING) {
          delivery.status = status >= 200 && status < 300
              ? WebhookDelivery.Status.DELIVERED
              : WebhookDelivery.Status.CANCELLED;
        }
        endpoint.sending = false;
        notifyAll();
        return;
      }
      if (status >= 200 && status < 300) {
        delivery.status = WebhookDelivery.Status.DELIVERED;
      } else if (delivery.attempts >= MAX_ATTEMPTS) {
        delivery.status = WebhookDelivery.Status.FAILED;
      } else {
        schedule(endpoint, RETRY_DELAYS_MILLIS[delivery.attempts]);
        return;
      }
      endpoint.queue.removeFirst();
      notifyAll();
      if (endpoint.queue.isEmpty()) {
        endpoint.sending = false;
      } else {
        schedule(endpoint, 0);
      }
    }
  }

  /** One POST; answers the HTTP status, or 0 when there was no answer. */
  private int post(Endpoint endpoint, Delivery delivery, long timestamp) {
    HttpRequest request = HttpRequest.newBuilder(endpoint.url)
        .timeout(ATTEMPT_TIMEOUT)
        .header("Content-Type", "application/json")
        .header("User-Agent", "settle-sandbox-webhooks")
        .header("webhook-id", delivery.eventId)
        .header("webhook-timestamp", Long.toString(timestamp))
        .header("webhook-signature", WebhookSignature.sign(endpoint.key, delivery.eventId, timestamp, delivery.body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body))
        .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, () -> "Webhook " + delivery.eventId + " to " + endpoint.id + " got no answer: " + e);
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  synchronized List<WebhookDelivery> snapshot() {
    return deliveries.stream().map(Delivery::snapshot).toList();
  }

  /**
   * Waits until at least {@code count} deliveries are finished, and answers all of them as they are
   * then.
   *
   * @throws IllegalStateException if fewer are finished when the timeout passes
   */
  synchronized List<WebhookDelivery> await(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (finished() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException("Waited " + timeout + " for " + count + " finished webhook deliveries; "
            + finished() + " finished: " + snapshot());
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return snapshot();
  }

  private long finished() {
    return deliveries.stream().filter(delivery -> delivery.status.finished()).count();
  }

  /** Forgets every endpoint and delivery; attempts in flight are not retried. */
  synchronized void reset() {
    endpoints.values().forEach(WebhookDispatcher::cancel);
    endpoints.clear();
    deliveries.clear();
    notifyAll();
  }

  synchronized void close() {
    closed = true;
    reset();
    scheduler.shutdownNow();
    httpThreads.shutdownNow();
  }
}
