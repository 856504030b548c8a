package dev.settle.spring;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Delivery ids in this instance's memory, each until it expires. Thread-safe. */
final class InMemoryDeliveryLog implements DeliveryLog {
  /** Expired ids are swept once every this many claims, so the map stays as small as the window. */
  private static final int SWEEP_EVERY = 256;

  private final ConcurrentMap<String, Instant> expiries = new ConcurrentHashMap<>();
  private final AtomicInteger claims = new AtomicInteger();

  @Override
  public boolean claim(String deliveryId, Instant now, Instant expiresAt) {
    if (claims.incrementAndGet() % SWEEP_EVERY == 0) {
      expiries.values().removeIf(expiry -> !expiry.isAfter(now));
    }
    boolean[] claimed = {false};
    expiries.compute(deliveryId, (id, expiry) -> {
      if (expiry != null && expiry.isAfter(now)) {
        return expiry;
      }
      claimed[0] = true;
      return expiresAt;
    });
    return claimed[0];
  }

  @Override
  public void release(String deliveryId) {
    expiries.remove(deliveryId);
  }

  int size() {
    return expiries.size();
  }
}
