package dev.settle;

import dev.settle.exception.SettleException;
import org.jspecify.annotations.Nullable;

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
  /** The options of the call, when known: a repeat must send what the call sent. */
  private final @Nullable RequestOptions callOptions;

  OutcomeUnknownException(String idempotencyKey, int attempts, SettleException lastFailure) {
    this("The outcome of the write is unknown after " + attempts + " attempt"
            + (attempts == 1 ? "" : "s") + " (" + lastFailure.getMessage()
            + "); repeat it with idempotency key " + idempotencyKey + " to learn it",
        idempotencyKey, attempts, lastFailure);
  }

  OutcomeUnknownException(String message, String idempotencyKey, int attempts, SettleException lastFailure) {
    this(message, idempotencyKey, attempts, lastFailure, null);
  }

  private OutcomeUnknownException(String message, String idempotencyKey, int attempts, SettleException lastFailure,
      @Nullable RequestOptions callOptions) {
    super(message, lastFailure.requestId().orElse(null), lastFailure);
    this.idempotencyKey = idempotencyKey;
    this.attempts = attempts;
    this.callOptions = callOptions;
  }

  /**
   * The same outcome, of a call made with {@code options}: its {@link #retryOptions()} repeat
   * them (a return URL, a timeout) under the key, so that the repeat sends what the call sent.
   */
  OutcomeUnknownException ofCall(RequestOptions options) {
    OutcomeUnknownException same =
        new OutcomeUnknownException(getMessage(), idempotencyKey, attempts, (SettleException) getCause(), options);
    for (Throwable suppressed : getSuppressed()) {
      same.addSuppressed(suppressed);
    }
    return same;
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
   * {@return options that repeat the write with the same key, so it resolves instead of repeating;
   * the call's other options (timeout, return URL) come along}
   */
  public RequestOptions retryOptions() {
    return (callOptions == null ? RequestOptions.defaults() : callOptions).withKey(idempotencyKey);
  }
}
