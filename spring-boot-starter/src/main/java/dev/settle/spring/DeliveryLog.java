package dev.settle.spring;

import java.time.Instant;

/**
 * Remembers which webhook deliveries were received, so that a delivery the billing system sends
 * again is published once. Implementations must be safe for concurrent use, also across the
 * instances of a service when they share it.
 */
interface DeliveryLog {
  /**
   * Records {@code deliveryId} as received until {@code expiresAt}.
   *
   * @return false when it was already recorded and has not expired: a repeated delivery
   */
  boolean claim(String deliveryId, Instant now, Instant expiresAt);

  /** Forgets {@code deliveryId}, so that its next delivery is published: its listeners failed. */
  void release(String deliveryId);
}
