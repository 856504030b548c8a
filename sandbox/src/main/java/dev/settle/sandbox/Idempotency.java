package dev.settle.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server side of {@code Idempotency-Key}: per API key, the first answer to a key is kept with a
 * fingerprint of its request and replayed for the same request; another request under the same key
 * is refused, and so is a second request while the first is still running after a moment's wait
 * ({@link #IN_FLIGHT_WAIT}: under load the first may only be waiting for the state's lock, which
 * is the sandbox's doing, not the client's). Keys are forgotten after {@link #RETENTION} of
 * sandbox time, as a real server prunes them. Thread-safe.
 */
final class Idempotency {
  static final Duration RETENTION = Duration.ofHours(24);
  /** How long a request waits for the first one under its key before it is refused as in use. */
  static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(1);

  private record Scope(String apiKey, String idempotencyKey) {}

  /** A key's entry: running while {@code response} is null. */
  private static final class Entry {
    final String fingerprint;
    final Instant createdAt;
    Response response;
    String requestId;

    Entry(String fingerprint, Instant createdAt) {
      this.fingerprint = fingerprint;
      this.createdAt = createdAt;
    }
  }

  /** What to do with a request: run it (and then {@link #finish}), or answer with a kept response. */
  static final class Claim {
    private final Scope scope;
    private final Entry entry;
    final Response replay;
    final String originalRequestId;

    private Claim(Scope scope, Entry entry, Response replay, String originalRequestId) {
      this.scope = scope;
      this.entry = entry;
      this.replay = replay;
      this.originalRequestId = originalRequestId;
    }
  }

  private final Map<Scope, Entry> entries = new HashMap<>();

  synchronized Claim claim(String apiKey, String idempotencyKey, String fingerprint, Instant now) {
    Scope scope = new Scope(apiKey, idempotencyKey);
    Entry existing = entries.get(scope);
    if (existing != null && existing.response != null
        && !now.isBefore(existing.createdAt.plus(RETENTION))) {
      entries.remove(scope);
      existing = null;
    }
    if (existing == null) {
      Entry entry = new Entry(fingerprint, now);
      entries.put(scope, entry);
      return new Claim(scope, entry, null, null);
    }
    if (!existing.fingerprint.equals(fingerprint)) {
      throw ApiError.idempotencyKeyReused();
    }
    // The first request may only be waiting for the state's lock: give it a moment to finish.
    long deadline = System.nanoTime() + IN_FLIGHT_WAIT.toNanos();
    while (existing.response == null && entries.get(scope) == existing) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw ApiError.idempotencyKeyInUse();
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ApiError.idempotencyKeyInUse();
      }
    }
    if (existing.response == null) {
      // Released without an answer kept (a refused request): this one runs afresh.
      return claim(apiKey, idempotencyKey, fingerprint, now);
    }
    return new Claim(scope, existing, existing.response, existing.requestId);
  }

  /** Keeps {@code response} for the claimed key, or releases the key when it is null. */
  synchronized void finish(Claim claim, Response response, String requestId) {
    notifyAll();
    // After a reset the claim's entry is gone; nothing of the old state may come back.
    if (entries.get(claim.scope) != claim.entry) {
      return;
    }
    if (response == null) {
      entries.remove(claim.scope);
    } else {
      claim.entry.response = response;
      claim.entry.requestId = requestId;
    }
  }

  synchronized void clear() {
    entries.clear();
    notifyAll();
  }
}
