package dev.settle.spi;

import dev.settle.model.CustomerId;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One account, as a provider's entry point sees it: the source of a {@link ProviderContext} for
 * each of its calls. A provider builds its entry point on one ({@code PayPal.of(account)} is
 * {@code account.extension(PayPal::new)}); applications use that entry point instead.
 *
 * <p>Thread-safe.
 */
public interface ProviderScope {
  /** {@return the account's customer number} */
  CustomerId customerId();

  /**
   * A context for one call of the provider's.
   *
   * @param idempotencyKey the caller's key for the call, or null for a fresh one
   * @param timeout the whole call's limit, or null for the client's
   * @return a context for the call
   */
  ProviderContext context(@Nullable String idempotencyKey, @Nullable Duration timeout);
}
