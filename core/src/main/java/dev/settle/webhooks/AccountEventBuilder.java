package dev.settle.webhooks;

import dev.settle.model.CustomerId;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the builder of every event about an account takes from the envelope and from its data's
 * {@code customer_id}: the generated builders already have these methods, so the parser sets them
 * in one place for every type.
 *
 * @param <B> the event's builder
 */
interface AccountEventBuilder<B extends AccountEventBuilder<B>> {
  /**
   * Sets the event's id.
   *
   * @param id the envelope's {@code id}
   * @return this builder
   */
  B id(String id);

  /**
   * Sets when the event happened.
   *
   * @param createdAt the envelope's {@code created_at}
   * @return this builder
   */
  B createdAt(Instant createdAt);

  /**
   * Sets the data as sent.
   *
   * @param entries the envelope's {@code data}, nulls kept
   * @return this builder
   */
  B data(Map<@Nullable String, ? extends @Nullable Object> entries);

  /**
   * Sets the account the event is about.
   *
   * @param customerId the data's {@code customer_id}
   * @return this builder
   */
  B customerId(CustomerId customerId);
}
