package dev.settle;

import static dev.settle.exception.ValidationException.required;

import dev.settle.exception.MalformedResponseException;
import dev.settle.exception.SettleException;
import dev.settle.internal.http.Wire;
import dev.settle.model.Account;
import dev.settle.model.CustomerId;
import dev.settle.model.PaymentMethod;
import dev.settle.model.PaymentMethodId;
import dev.settle.model.PaymentMethodInput;
import dev.settle.model.Portal;
import dev.settle.spi.ApiCall;
import dev.settle.spi.PaymentMethodProvider;
import dev.settle.spi.Token;
import java.util.concurrent.CompletableFuture;

/**
 * The payment methods stored on one account: list, add, remove, and choose the preferred one.
 *
 * <p>Thread-safe. Adding a method never sends the raw card data anywhere but the tokenization
 * request: the kind's provider validates the input, exchanges it for a single-use token, and only
 * the token is attached to the account. Each operation has four forms: blocking and
 * {@code …Async}, each with and without {@link RequestOptions}. Cancelling an {@code …Async}
 * future cancels the request in flight; a write cancelled after it may have left is as unknown as
 * one that lost its answer: repeat it with your own key to learn what happened.
 */
public final class PaymentMethods {
  private final CustomerId customer;
  private final Backend backend;

  PaymentMethods(CustomerId customer, Backend backend) {
    this.customer = customer;
    this.backend = backend;
  }

  /** {@return all stored methods, fetched lazily page by page} */
  public PagedIterable<PaymentMethod> list() {
    return list(RequestOptions.defaults());
  }

  /**
   * Like {@link #list()}, each page's request made with {@code options}.
   *
   * @param options the options of every page's request
   * @return the methods; a page is requested when iteration reaches it
   */
  public PagedIterable<PaymentMethod> list(RequestOptions options) {
    return new PagedIterable<>(backend, required(options, "options"),
        cursor -> backend.api.listPaymentMethods(customer, 100, cursor));
  }

  /**
   * One stored method.
   *
   * @param id the stored method
   * @return the method
   */
  public PaymentMethod get(PaymentMethodId id) {
    return get(id, RequestOptions.defaults());
  }

  /**
   * Like {@link #get(PaymentMethodId)}, with per-call options.
   *
   * @param id the stored method
   * @param options options for this call, such as its timeout
   * @return the method
   */
  public PaymentMethod get(PaymentMethodId id, RequestOptions options) {
    return backend.call(getCall(id), required(options, "options"));
  }

  /**
   * Like {@link #get(PaymentMethodId)}, without blocking.
   *
   * @param id the stored method
   * @return a future of the method
   */
  public CompletableFuture<PaymentMethod> getAsync(PaymentMethodId id) {
    return getAsync(id, RequestOptions.defaults());
  }

  /**
   * Like {@link #get(PaymentMethodId, RequestOptions)}, without blocking.
   *
   * @param id the stored method
   * @param options options for this call, such as its timeout
   * @return a future of the method
   */
  public CompletableFuture<PaymentMethod> getAsync(PaymentMethodId id, RequestOptions options) {
    return backend.callAsync(getCall(id), required(options, "options"));
  }

  /**
   * Validates {@code input}, tokenizes it and stores it on the account.
   *
   * <p>The first method stored on an account becomes its preferred one. On Portal I an account
   * holds one method: adding a second fails with a {@link dev.settle.exception.ConflictException}
   * whose code is {@code portal_single_method}; use {@link #switchPreferred(PaymentMethodInput)}
   * to replace it.
   *
   * @param input the new method's details, of a kind a provider on the classpath handles
   * @return the stored method, as the server answered
   * @throws dev.settle.exception.ValidationException if the input is invalid; nothing was sent
   * @throws dev.settle.exception.MissingProviderException if no provider handles the input's kind
   * @throws PaymentDeclinedException if the issuer refused to verify the method
   * @throws OutcomeUnknownException if it may have been stored; repeat with its key
   */
  public PaymentMethod add(PaymentMethodInput input) {
    return add(input, RequestOptions.defaults());
  }

  /**
   * Like {@link #add(PaymentMethodInput)}, with per-call options such as your own key.
   *
   * @param input the new method's details, of a kind a provider on the classpath handles
   * @param options your idempotency key, or a timeout for the whole add
   * @return the stored method, as the server answered
   */
  public PaymentMethod add(PaymentMethodInput input, RequestOptions options) {
    required(input, "input");
    return Steps.blocking(backend, required(options, "options"), steps -> add(input, steps));
  }

  /**
   * Like {@link #add(PaymentMethodInput)}, without blocking.
   *
   * @param input the new method's details, of a kind a provider on the classpath handles
   * @return a future of the stored method
   */
  public CompletableFuture<PaymentMethod> addAsync(PaymentMethodInput input) {
    return addAsync(input, RequestOptions.defaults());
  }

  /**
   * Like {@link #add(PaymentMethodInput, RequestOptions)}, without blocking.
   *
   * @param input the new method's details, of a kind a provider on the classpath handles
   * @param options your idempotency key, or a timeout for the whole add
   * @return a future of the stored method
   */
  public CompletableFuture<PaymentMethod> addAsync(PaymentMethodInput input, RequestOptions options) {
    required(input, "input");
    return Steps.async(backend, required(options, "options"), steps -> add(input, steps));
  }

  /**
   * Makes a new method the preferred one, the right way for the account's portal.
   *
   * <p>The input is validated and tokenized first, so a bad or refused card changes nothing. On
   * Portal II the new method is then added already marked preferred. On Portal I, which holds a
   * single method, the old one is removed and the new one added; if the add fails, the old one
   * is put back with the restore token its removal returned.
   *
   * @param input the new method's details, a kind that can be preferred (card or PayPal)
   * @return the new method, now preferred
   * @throws PreferredSwitchException if the switch failed after the account was changed; it says
   *     which method is preferred now
   * @throws OutcomeUnknownException if the account may have changed and could not be read back;
   *     repeat with its key, or read the account
   * @throws dev.settle.exception.SettleException any other failure, with the account unchanged
   */
  public PaymentMethod switchPreferred(PaymentMethodInput input) {
    return switchPreferred(input, RequestOptions.defaults());
  }

  /**
   * Like {@link #switchPreferred(PaymentMethodInput)}, with per-call options.
   *
   * @param input the new method's details, a kind that can be preferred (card or PayPal)
   * @param options your idempotency key, or a timeout for the whole switch
   * @return the new method, now preferred
   */
  public PaymentMethod switchPreferred(PaymentMethodInput input, RequestOptions options) {
    required(input, "input");
    return Steps.blocking(backend, required(options, "options"), steps -> switchPreferred(input, steps));
  }

  /**
   * Like {@link #switchPreferred(PaymentMethodInput)}, without blocking.
   *
   * @param input the new method's details, a kind that can be preferred (card or PayPal)
   * @return a future of the new method, now preferred
   */
  public CompletableFuture<PaymentMethod> switchPreferredAsync(PaymentMethodInput input) {
    return switchPreferredAsync(input, RequestOptions.defaults());
  }

  /**
   * Like {@link #switchPreferred(PaymentMethodInput, RequestOptions)}, without blocking.
   *
   * @param input the new method's details, a kind that can be preferred (card or PayPal)
   * @param options your idempotency key, or a timeout for the whole switch
   * @return a future of the new method, now preferred
   */
  public CompletableFuture<PaymentMethod> switchPreferredAsync(PaymentMethodInput input, RequestOptions options) {
    required(input, "input");
    return Steps.async(backend, required(options, "options"), steps -> switchPreferred(input, steps));
  }

  /**
   * Removes a stored method. Removing the preferred method leaves the account with none until
   * another is made preferred; {@link AccountClient#get()} then shows no preferred method.
   *
   * @param id the stored method
   * @throws OutcomeUnknownException if it may have been removed; repeat with its key
   */
  public void remove(PaymentMethodId id) {
    remove(id, RequestOptions.defaults());
  }

  /**
   * Like {@link #remove(PaymentMethodId)}, with per-call options. The removal carries an
   * idempotency key, so repeating it with the same key is answered as the first time.
   *
   * @param id the stored method
   * @param options your idempotency key, or a timeout for this call
   */
  public void remove(PaymentMethodId id, RequestOptions options) {
    required(id, "id");
    Steps.blocking(backend, required(options, "options"), steps -> remove(id, steps));
  }

  /**
   * Like {@link #remove(PaymentMethodId)}, without blocking.
   *
   * @param id the stored method
   * @return a future that completes when the method is removed
   */
  public CompletableFuture<Void> removeAsync(PaymentMethodId id) {
    return removeAsync(id, RequestOptions.defaults());
  }

  /**
   * Like {@link #remove(PaymentMethodId, RequestOptions)}, without blocking.
   *
   * @param id the stored method
   * @param options your idempotency key, or a timeout for this call
   * @return a future that completes when the method is removed
   */
  public CompletableFuture<Void> removeAsync(PaymentMethodId id, RequestOptions options) {
    required(id, "id");
    return Steps.async(backend, required(options, "options"), steps -> remove(id, steps));
  }

  /**
   * Makes a stored method the one renewals are charged to.
   *
   * <p>On Portal II this marks it (the ✔ in the portal) and unmarks the previous one. On Portal I
   * the single stored method is always the preferred one: naming it returns it unchanged, and
   * there is no other to name.
   *
   * @param id the stored method
   * @return the method, now preferred
   * @throws UnsupportedPortalOperationException on Portal I for a method that is not the stored
   *     one; nothing was changed
   */
  public PaymentMethod makePreferred(PaymentMethodId id) {
    return makePreferred(id, RequestOptions.defaults());
  }

  /**
   * Like {@link #makePreferred(PaymentMethodId)}, with per-call options.
   *
   * @param id the stored method
   * @param options your idempotency key, or a timeout for this call
   * @return the method, now preferred
   */
  public PaymentMethod makePreferred(PaymentMethodId id, RequestOptions options) {
    required(id, "id");
    return Steps.blocking(backend, required(options, "options"), steps -> makePreferred(id, steps));
  }

  /**
   * Like {@link #makePreferred(PaymentMethodId)}, without blocking.
   *
   * @param id the stored method
   * @return a future of the method, now preferred
   */
  public CompletableFuture<PaymentMethod> makePreferredAsync(PaymentMethodId id) {
    return makePreferredAsync(id, RequestOptions.defaults());
  }

  /**
   * Like {@link #makePreferred(PaymentMethodId, RequestOptions)}, without blocking.
   *
   * @param id the stored method
   * @param options your idempotency key, or a timeout for this call
   * @return a future of the method, now preferred
   */
  public CompletableFuture<PaymentMethod> makePreferredAsync(PaymentMethodId id, RequestOptions options) {
    required(id, "id");
    return Steps.async(backend, required(options, "options"), steps -> makePreferred(id, steps));
  }

  @Override
  public String toString() {
    return "PaymentMethods{customerId=" + customer + "}";
  }

  private CompletableFuture<PaymentMethod> add(PaymentMethodInput input, Steps steps) {
    String key = Backend.key(steps.options());
    return tokenize(input, key, steps).thenCompose(token -> steps.call(attachCall(token, false, key)));
  }

  private CompletableFuture<PaymentMethod> switchPreferred(PaymentMethodInput input, Steps steps) {
    String key = Backend.key(steps.options());
    provider(input); // a missing input or provider is refused before any request
    return steps.call(backend.api.getAccount(customer)).thenCompose(current ->
        tokenize(input, key, steps).thenCompose(token -> current.portal() == Portal.II
            ? steps.call(attachCall(token, true, key))
            : new PortalOneSwitch(customer, backend, steps, key)
                .run(current.preferredPaymentMethod().orElse(null), token)));
  }

  private CompletableFuture<Void> remove(PaymentMethodId id, Steps steps) {
    String key = Backend.key(steps.options());
    return steps.call(backend.api.removePaymentMethod(customer, id, key))
        .thenApply(removed -> null);
  }

  private CompletableFuture<PaymentMethod> makePreferred(PaymentMethodId id, Steps steps) {
    return steps.call(backend.api.getAccount(customer)).thenCompose((Account current) -> {
      if (current.portal() == Portal.II) {
        return steps.call(backend.api.makePaymentMethodPreferred(customer, id));
      }
      return current.preferredPaymentMethod()
          .filter(stored -> stored.id().equals(id))
          .map(CompletableFuture::completedFuture)
          .orElseThrow(() -> new UnsupportedPortalOperationException(Portal.I,
              "On Portal I an account holds one method, which is always preferred; "
                  + id + " is not it. To change it, use switchPreferred with the new method"));
    });
  }

  /** The input's token, from its kind's provider; checked, so that nothing else is attached. */
  private CompletableFuture<String> tokenize(PaymentMethodInput input, String key, Steps steps) {
    PaymentMethodProvider provider = provider(input);
    ProviderCalls context = new ProviderCalls(backend, customer, key, steps);
    CompletableFuture<String> token;
    try {
      token = steps.isAsync() ? provider.tokenizeAsync(input, context)
          : CompletableFuture.completedFuture(provider.tokenize(input, context));
    } catch (SettleException refused) {
      token = CompletableFuture.failedFuture(refused);
    } catch (RuntimeException broken) {
      token = CompletableFuture.failedFuture(new SettleException(
          "The " + provider.kind() + " provider failed: " + broken.getClass().getSimpleName(), null, broken));
    }
    return token.thenApply(PaymentMethods::checkedToken);
  }

  private static String checkedToken(String id) {
    if (!Token.isWellFormed(id)) {
      throw new MalformedResponseException(
          "The provider's tokenization gave no token id of the form tok_…", 200, null, null);
    }
    return id;
  }

  private PaymentMethodProvider provider(PaymentMethodInput input) {
    return backend.providers.forKind(input.kind());
  }

  private ApiCall<PaymentMethod> getCall(PaymentMethodId id) {
    return backend.api.getPaymentMethod(customer, required(id, "id"));
  }

  private ApiCall<PaymentMethod> attachCall(String token, boolean preferred, String key) {
    return attachCall(backend, customer, token, preferred, key);
  }

  /** The attach of a token under {@code key}, so that a repeat is answered as the first. */
  static ApiCall<PaymentMethod> attachCall(
      Backend backend, CustomerId customer, String token, boolean preferred, String key) {
    return backend.api.attachPaymentMethod(customer, key, new Wire.AttachRequest(token, preferred ? Boolean.TRUE : null));
  }
}
