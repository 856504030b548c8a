package dev.settle.spring;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Delivery ids in the {@value #TABLE} table of the application's database, shared by every
 * instance of a service: the primary key decides which instance publishes a delivery.
 *
 * <p>The table is created by {@code dev/settle/spring/settle-webhook-deliveries.sql}, shipped in
 * this jar. The receiver claims outside any transaction, each statement on its own, so a duplicate
 * key aborts nothing.
 */
final class JdbcDeliveryLog implements DeliveryLog {
  static final String TABLE = "settle_webhook_deliveries";
  private static final int SWEEP_EVERY = 256;

  private final JdbcTemplate jdbc;
  private final AtomicInteger claims = new AtomicInteger();

  JdbcDeliveryLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean claim(String deliveryId, Instant now, Instant expiresAt) {
    if (claims.incrementAndGet() % SWEEP_EVERY == 0) {
      jdbc.update("DELETE FROM " + TABLE + " WHERE expires_at <= ?", at(now));
    }
    // An expired row of this id would block the insert; the key's uniqueness settles races.
    jdbc.update("DELETE FROM " + TABLE + " WHERE webhook_id = ? AND expires_at <= ?", deliveryId, at(now));
    try {
      jdbc.update("INSERT INTO " + TABLE + " (webhook_id, expires_at) VALUES (?, ?)", deliveryId, at(expiresAt));
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /** With its offset, so instances in different time zones compare the same instants. */
  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  @Override
  public void release(String deliveryId) {
    jdbc.update("DELETE FROM " + TABLE + " WHERE webhook_id = ?", deliveryId);
  }
}
