package dev.settle;

import dev.settle.exception.SettleException;

/**
 * A write (adding a method, paying) may or may not have happened: every attempt ended without an
 * answer that says, and the retries or the call's deadline ran out.
 *
 * <p>Nothing is lost: the server keeps the outcome of each idempotency key. Resolve it by making
 * the same call again with {@link #retryOptions()}: the server replays what it did, or does it
 * now if it never got the request. For a payment, the invoice's payment attempts also show it.
 *
 * <pre>{@code
 * try {
 *   invoices.pay(id);
 * } catch (OutcomeUnknownException e) {
 *   Payment payment = invoices.pay(id, e.retryOptions());   // charges at most once
 * }
 * }</pre>
 */
public final class OutcomeUnknownException extends SettleException {
  /** The key every attempt carried, or the one the attempts' keys were derived from. */
  private final String idempotencyKey;
  /** How many attempts were made. */
  private final int attempts;

  OutcomeUnknownException(String idempotencyKey, int attempts, SettleException lastFailure) {
    this("The outcome of the write is unknown after " + attempts + " attempt"
            + (attempts == 1 ? "" : "s") + " (" + lastFailure.getMessage()
            + "); repeat it with idempotency key " + idempotencyKey + " to learn it",
        idempotencyKey, attempts, lastFailure);
  }

  OutcomeUnknownException(String message, String idempotencyKey, int attempts, SettleException lastFailure) {
    super(message, lastFailure.requestId().orElse(null), lastFailure);
    this.idempotencyKey = idempotencyKey;
    this.attempts = attempts;
  }

  /**
   * The same outcome, told under the key of the whole call: a provider's request carries a key
   * derived from it, and repeating the call is what resolves it.
   */
  OutcomeUnknownException forCallKey(String callKey) {
    return new OutcomeUnknownException(callKey, attempts, (SettleException) getCause());
  }

  /**
   * {@return the key to repeat the call with; every attempt carried it or a key derived from it}
   */
  public String idempotencyKey() {
    return idempotencyKey;
  }

  /** {@return how many attempts were made} */
  public int attempts() {
    return attempts;
  }

  /**
   * {@return options that repeat the write with the same key, so it resolves instead of repeating}
   */
  public RequestOptions retryOptions() {
    return RequestOptions.withKey(idempotencyKey);
  }
}
