package dev.settle;

import dev.settle.exception.InvalidRequestException;
import dev.settle.exception.NotFoundException;
import dev.settle.exception.ConnectionException;
import dev.settle.exception.RateLimitedException;
import dev.settle.exception.ServerException;
import dev.settle.exception.SettleException;
import dev.settle.internal.http.Wire;
import dev.settle.model.Account;
import dev.settle.model.CustomerId;
import dev.settle.model.PaymentMethod;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The switch of the preferred method on Portal I, which stores one method: remove the old one,
 * add the new one, and put the old one back if the add fails.
 *
 * <p>Every step that changes the account carries a key derived from the switch's own, so a step
 * repeated after a lost answer is replayed by the server: the removal's answer, with the restore
 * token that brings the old method back, is never lost to a retry. Whenever a step's outcome is
 * unknown, the account is read back before deciding, and the caller gets either the new method, a
 * {@link PreferredSwitchException} saying where the account ended, an exception that means
 * nothing changed only when the account was seen unchanged, or an {@link OutcomeUnknownException}
 * under the switch's key when even that could not be seen.
 */
final class PortalOneSwitch {
  /** How many times a restore is asked for before the account is reported without a method. */
  private static final int RESTORE_ATTEMPTS = 4;

  private final CustomerId customer;
  private final Backend backend;
  private final Steps steps;
  private final String key;

  PortalOneSwitch(CustomerId customer, Backend backend, Steps steps, String key) {
    this.customer = customer;
    this.backend = backend;
    this.steps = steps;
    this.key = key;
  }

  /** Replaces {@code previous} (null when the account has none) by the method of {@code token}. */
  CompletableFuture<PaymentMethod> run(PaymentMethod previous, String token) {
    if (previous == null) {
      return addOrRecover(null, null, token);
    }
    return remove(previous, token).thenCompose(removal -> removal.finished() != null
        ? CompletableFuture.completedFuture(removal.finished())
        : addOrRecover(previous, removal.restoreToken(), token));
  }

  private CompletableFuture<PaymentMethod> addOrRecover(PaymentMethod previous, String restoreToken, String token) {
    return add(token).exceptionallyCompose(failed -> afterFailedAdd(previous, restoreToken, Steps.unwrap(failed)));
  }

  private CompletableFuture<PaymentMethod> add(String token) {
    return steps.call(PaymentMethods.attachCall(backend, customer, token, false, key));
  }

  /**
   * Removes the old method and returns the token that restores it. A removal that failed is
   * checked against the account: one that got no answer, or a 404 from a server that did it and
   * does not replay, may have happened. A removal refused because the switch's key already
   * removed another method is a repeat of a switch that got past its removal; its add, replayed,
   * says whether {@code previous} is the method it added.
   */
  private CompletableFuture<Removal> remove(PaymentMethod previous, String token) {
    return removeCall(previous).thenApply(restore -> new Removal(restore, null)).exceptionallyCompose(failed -> {
      SettleException failure = Steps.unwrap(failed);
      if (keyReused(failure)) {
        return add(token).handle((added, addFailed) -> {
          if (added != null && added.id().equals(previous.id())) {
            return new Removal(null, added);
          }
          throw failure;
        });
      }
      boolean unanswered = failure instanceof OutcomeUnknownException;
      boolean mayHaveHappened = unanswered || failure instanceof NotFoundException;
      return readAccount().handle((now, readFailed) -> {
        if (readFailed != null) {
          if (mayHaveHappened) {
            throw unknown("the removal of " + previous.id() + " failed and the account could not be read",
                failure, readFailed);
          }
          throw failure;
        }
        if (isStored(now, previous)) {
          // Seen unchanged: the removal did not happen, so the switch changed nothing.
          throw unanswered ? (SettleException) failure.getCause() : failure;
        }
        return unanswered;
      }).thenCompose(askAgain -> askAgain
          // It happened; the server replays its answer to the same key, restore token included.
          ? removeCall(previous).exceptionally(lost -> null)
          : CompletableFuture.<String>completedFuture(null))
          .thenApply(restore -> new Removal(restore, null));
    });
  }

  private CompletableFuture<String> removeCall(PaymentMethod previous) {
    String removeKey = key + ":remove";
    return steps.call(backend.api.removePaymentMethod(customer, previous.id(), removeKey))
        .thenApply(Wire.Deleted::restoreToken);
  }

  private CompletionStage<PaymentMethod> afterFailedAdd(
      PaymentMethod previous, String restoreToken, SettleException addFailed) {
    if (!(addFailed instanceof OutcomeUnknownException)) {
      return putBack(previous, restoreToken, addFailed);
    }
    return readAccount().handle((now, readFailed) -> {
      if (readFailed != null) {
        throw unknown("the new method's add got no answer and the account could not be read",
            addFailed, readFailed);
      }
      return now;
    }).thenCompose(now -> {
      PaymentMethod stored = now.preferredPaymentMethod().orElse(null);
      if (stored != null && (previous == null || !stored.id().equals(previous.id()))) {
        return CompletableFuture.completedFuture(stored);   // the add was done
      }
      return putBack(previous, restoreToken, (SettleException) addFailed.getCause());
    });
  }

  /** The add failed and left nothing: the old method comes back with its restore token. */
  private CompletionStage<PaymentMethod> putBack(
      PaymentMethod previous, String restoreToken, SettleException addFailed) {
    if (previous == null) {
      return CompletableFuture.failedFuture(addFailed);   // there was nothing to remove
    }
    CompletableFuture<PaymentMethod> restored = restoreToken == null
        ? CompletableFuture.failedFuture(addFailed)
        : restore(restoreToken, RESTORE_ATTEMPTS);
    return restored.handle((method, restoreFailed) -> {
      if (method != null) {
        throw new PreferredSwitchException(
            "The new method could not be added (" + addFailed.getMessage()
                + "); the previous method " + method.id() + " was put back and is preferred",
            method, true, addFailed);
      }
      if (restoreToken != null) {
        addFailed.addSuppressed(Steps.unwrap(restoreFailed));
      }
      return null;
    }).thenCompose(nothing -> readAccount().handle((Account now, Throwable readFailed) -> {
      String why = "The new method could not be added (" + addFailed.getMessage() + ") and the previous method "
          + previous.id() + (restoreToken == null ? " could not be restored: its removal's answer was lost"
              : " could not be put back");
      if (readFailed != null) {
        throw unknown(why + "; the account could not be read", addFailed, readFailed);
      }
      PaymentMethod preferred = now.preferredPaymentMethod().orElse(null);
      throw new PreferredSwitchException(
          why + "; the account's preferred method is now " + (preferred == null ? "none" : preferred.id()),
          preferred, false, addFailed);
    }));
  }

  /**
   * Puts the old method back, asking again while the failure may pass: the account is without a
   * method until it succeeds, so the restore insists beyond the client's retry policy, under one
   * key, which the server answers once.
   */
  private CompletableFuture<PaymentMethod> restore(String restoreToken, int attempts) {
    String restoreKey = key + ":restore";
    return steps.call(PaymentMethods.attachCall(backend, customer, restoreToken, false, restoreKey))
        .exceptionallyCompose(failed -> {
          SettleException failure = Steps.unwrap(failed);
          return attempts > 1 && mayPass(failure)
              ? restore(restoreToken, attempts - 1) : CompletableFuture.failedFuture(failure);
        });
  }

  /** A failure that says nothing of the restore's refusal: the network, the server, overload. */
  private static boolean mayPass(SettleException failure) {
    return failure instanceof OutcomeUnknownException || failure instanceof ConnectionException
        || failure instanceof ServerException || failure instanceof RateLimitedException;
  }

  private CompletableFuture<Account> readAccount() {
    return steps.call(backend.api.getAccount(customer));
  }

  private static boolean keyReused(SettleException failure) {
    return failure instanceof InvalidRequestException
        && ((InvalidRequestException) failure).code().filter("idempotency_key_reused"::equals).isPresent();
  }

  private static boolean isStored(Account account, PaymentMethod method) {
    return account.preferredPaymentMethod().filter(m -> m.id().equals(method.id())).isPresent();
  }

  /** The switch may have changed the account in a way no read could confirm: resolved by its key. */
  private OutcomeUnknownException unknown(String what, SettleException failure, Throwable readFailed) {
    SettleException cause = failure instanceof OutcomeUnknownException
        ? (SettleException) failure.getCause() : failure;
    OutcomeUnknownException unknown = new OutcomeUnknownException(
        "The switch's outcome is unknown: " + what + " (" + cause.getMessage()
            + "); repeat it with idempotency key " + key + " to finish it",
        key, failure instanceof OutcomeUnknownException ? ((OutcomeUnknownException) failure).attempts() : 1,
        cause);
    unknown.addSuppressed(Steps.unwrap(readFailed));
    return unknown;
  }

  /** What the removal step left: the token that restores the old method, or the finished switch. */
  private record Removal(String restoreToken, PaymentMethod finished) {}
}
