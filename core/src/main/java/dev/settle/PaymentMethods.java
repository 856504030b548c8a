package dev.settle;

import dev.settle.internal.http.ApiCall;
import dev.settle.internal.http.Wire;
import dev.settle.model.PaymentMethod;
import dev.settle.model.PaymentMethodId;
import dev.settle.model.PaymentMethodInput;
import dev.settle.model.Portal;
import dev.settle.spi.PaymentMethodProvider;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The payment methods stored on one account: list, add, remove, and choose the preferred one.
 *
 * <p>Thread-safe. Adding a method never sends the raw card data anywhere but the tokenization
 * request: the kind's provider validates the input, exchanges it for a single-use token, and only
 * the token is attached to the account. Each call has an {@code …Async} twin that returns at once.
 */
public final class PaymentMethods {
  private final AccountClient account;

  PaymentMethods(AccountClient account) {
    this.account = account;
  }

  /** All stored methods, fetched lazily page by page. */
  public PagedIterable<PaymentMethod> list() {
    return new PagedIterable<>(account.transport(),
        cursor -> account.api().paymentMethods(account.customer(), 100, cursor));
  }

  /** One stored method. */
  public PaymentMethod get(PaymentMethodId id) {
    return account.transport().read(getCall(id), RequestOptions.defaults());
  }

  /** Like {@link #get(PaymentMethodId)}, without blocking. */
  public CompletableFuture<PaymentMethod> getAsync(PaymentMethodId id) {
    return account.transport().readAsync(getCall(id), RequestOptions.defaults());
  }

  /**
   * Validates {@code input}, tokenizes it and stores it on the account.
   *
   * <p>The first method stored on an account becomes its preferred one. On Portal I an account
   * holds one method: adding a second fails with a {@link ConflictException} whose code is
   * {@code portal_single_method}; use {@link #switchPreferred(PaymentMethodInput)} to replace it.
   *
   * @throws ValidationException if the input is invalid; nothing was sent
   * @throws MissingProviderException if no provider handles the input's kind
   * @throws PaymentDeclinedException if the issuer refused to verify the method
   */
  public PaymentMethod add(PaymentMethodInput input) {
    return add(input, RequestOptions.defaults());
  }

  /** Like {@link #add(PaymentMethodInput)}, with per-call options. */
  public PaymentMethod add(PaymentMethodInput input, RequestOptions options) {
    String key = idempotencyKey(options);
    return account.transport().write(attachCall(tokenize(input, key, options), false, key), key, options);
  }

  /** Like {@link #add(PaymentMethodInput, RequestOptions)}, without blocking. */
  public CompletableFuture<PaymentMethod> addAsync(PaymentMethodInput input, RequestOptions options) {
    String key = idempotencyKey(options);
    return tokenizeAsync(input, key, options)
        .thenCompose(token -> account.transport().writeAsync(attachCall(token, false, key), key, options));
  }

  /**
   * Makes a new method the preferred one, the right way for the account's portal.
   *
   * <p>The input is validated and tokenized first, so a bad or refused card changes nothing. On
   * Portal II the new method is then added already marked preferred. On Portal I, which holds a
   * single method, the old one is removed and the new one added; if the add fails, the old one
   * is put back with the restore token its removal returned.
   *
   * @return the new method, now preferred
   * @throws PreferredSwitchException if the switch failed after the account was changed; it says
   *     which method is preferred now
   * @throws SettleException any other failure, with the account unchanged
   */
  public PaymentMethod switchPreferred(PaymentMethodInput input) {
    return switchPreferred(input, RequestOptions.defaults());
  }

  /** Like {@link #switchPreferred(PaymentMethodInput)}, with per-call options. */
  public PaymentMethod switchPreferred(PaymentMethodInput input, RequestOptions options) {
    return Mode.join(switchPreferred(input, options, Mode.BLOCKING));
  }

  /** Like {@link #switchPreferred(PaymentMethodInput, RequestOptions)}, without blocking. */
  public CompletableFuture<PaymentMethod> switchPreferredAsync(
      PaymentMethodInput input, RequestOptions options) {
    return switchPreferred(input, options, Mode.ASYNC);
  }

  /**
   * Removes a stored method. Removing the preferred method leaves the account with none until
   * another is made preferred; {@link AccountClient#get()} then shows no preferred method.
   *
   * @throws OutcomeUnknownException if no attempt got an answer; repeat with its key
   */
  public void remove(PaymentMethodId id) {
    remove(id, RequestOptions.defaults());
  }

  /**
   * Like {@link #remove(PaymentMethodId)}, with per-call options. The removal carries an
   * idempotency key, so repeating it with the same key is answered as the first time.
   */
  public void remove(PaymentMethodId id, RequestOptions options) {
    String key = idempotencyKey(options);
    account.transport().write(removeCall(id, key), key, options);
  }

  /** Like {@link #remove(PaymentMethodId)}, without blocking. */
  public CompletableFuture<Void> removeAsync(PaymentMethodId id) {
    return removeAsync(id, RequestOptions.defaults());
  }

  /** Like {@link #remove(PaymentMethodId, RequestOptions)}, without blocking. */
  public CompletableFuture<Void> removeAsync(PaymentMethodId id, RequestOptions options) {
    String key = idempotencyKey(options);
    return account.transport().writeAsync(removeCall(id, key), key, options).thenApply(deleted -> null);
  }

  /**
   * Makes a stored method the one renewals are charged to.
   *
   * <p>On Portal II this marks it (the ✔ in the portal) and unmarks the previous one. On Portal I
   * the single stored method is always the preferred one: naming it returns it unchanged, and
   * there is no other to name.
   *
   * @throws UnsupportedPortalOperationException on Portal I for a method that is not the stored
   *     one; nothing was changed
   */
  public PaymentMethod makePreferred(PaymentMethodId id) {
    return Mode.join(makePreferred(id, Mode.BLOCKING));
  }

  /** Like {@link #makePreferred(PaymentMethodId)}, without blocking. */
  public CompletableFuture<PaymentMethod> makePreferredAsync(PaymentMethodId id) {
    return makePreferred(id, Mode.ASYNC);
  }

  private CompletableFuture<PaymentMethod> makePreferred(PaymentMethodId id, Mode mode) {
    Objects.requireNonNull(id, "id");
    return mode.read(account, account.api().account(account.customer())).thenCompose(current -> {
      if (current.portal() == Portal.II) {
        return mode.read(account, account.api().makePreferred(account.customer(), id.value()));
      }
      return current.preferredPaymentMethod()
          .filter(stored -> stored.id().equals(id))
          .map(CompletableFuture::completedFuture)
          .orElseThrow(() -> new UnsupportedPortalOperationException(Portal.I,
              "On Portal I an account holds one method, which is always preferred; "
                  + id + " is not it. To change it, use switchPreferred with the new method"));
    });
  }

  /**
   * The switch as one chain of steps, run either on the caller's thread ({@link Mode#BLOCKING},
   * each step completing before the next starts) or on OkHttp's ({@link Mode#ASYNC}).
   */
  private CompletableFuture<PaymentMethod> switchPreferred(
      PaymentMethodInput input, RequestOptions options, Mode mode) {
    String key = idempotencyKey(options);
    return mode.read(account, account.api().account(account.customer())).thenCompose(current -> {
      CompletableFuture<String> token =
          mode == Mode.ASYNC ? tokenizeAsync(input, key, options)
              : CompletableFuture.completedFuture(tokenize(input, key, options));
      return token.thenCompose(newToken -> current.portal() == Portal.II
          ? mode.write(account, attachCall(newToken, true, key), key, options)
          : new PortalOneSwitch(account, mode, key, options)
              .run(current.preferredPaymentMethod().orElse(null), newToken));
    });
  }

  private String tokenize(PaymentMethodInput input, String key, RequestOptions options) {
    return provider(input).tokenize(input, new ProviderCalls(account, key, options));
  }

  private CompletableFuture<String> tokenizeAsync(
      PaymentMethodInput input, String key, RequestOptions options) {
    try {
      return provider(input).tokenizeAsync(input, new ProviderCalls(account, key, options));
    } catch (SettleException refused) {
      return CompletableFuture.failedFuture(refused);
    }
  }

  private PaymentMethodProvider provider(PaymentMethodInput input) {
    Objects.requireNonNull(input, "input");
    return account.client().providers().forKind(input.kind());
  }

  private ApiCall<PaymentMethod> getCall(PaymentMethodId id) {
    return account.api().paymentMethod(account.customer(), id.value());
  }

  private ApiCall<Wire.Deleted> removeCall(PaymentMethodId id, String key) {
    Objects.requireNonNull(id, "id");
    return account.api().removePaymentMethod(account.customer(), id.value(), key);
  }

  private ApiCall<PaymentMethod> attachCall(String token, boolean preferred, String key) {
    return account.api().attachPaymentMethod(
        account.customer(), key, new Wire.AttachRequest(token, preferred ? Boolean.TRUE : null));
  }

  static String idempotencyKey(RequestOptions options) {
    return options.idempotencyKey().orElseGet(() -> UUID.randomUUID().toString());
  }
}
