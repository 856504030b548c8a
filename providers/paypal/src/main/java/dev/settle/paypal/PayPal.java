package dev.settle.paypal;

import dev.settle.AccountClient;
import dev.settle.RequestOptions;
import dev.settle.exception.ValidationException;
import dev.settle.model.PaymentMethod;
import dev.settle.spi.ApiCall;
import dev.settle.spi.ProviderContext;
import dev.settle.spi.ProviderScope;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Saves a payer's PayPal account on one customer's account: the PayPal approval flow.
 *
 * <pre>{@code
 * PayPal paypal = PayPal.of(settle.account(CustomerId.of("200001")));
 *
 * // 1. Start, and send the payer's browser to PayPal.
 * PayPalSetup setup = paypal.startSetup(
 *     URI.create("https://shop.example.com/paypal/done"),
 *     URI.create("https://shop.example.com/paypal/cancelled"));
 * redirectTo(setup.approvalUrl());
 *
 * // 2. When the payer is back on the return URL, store the account.
 * if (paypal.setup(setup.id()).status().canComplete()) {
 *   PaymentMethod stored = paypal.complete(setup.id());
 *   stored.details(PayPalAccount.class).map(PayPalAccount::email);
 * }
 * }</pre>
 *
 * <p>To make the new PayPal account the preferred method at once, the right way for either
 * portal, store it with {@code account.paymentMethods().switchPreferred(PayPalApproval.of(id))}
 * instead of {@link #complete}.
 *
 * <h2>Setups that cannot be completed</h2>
 *
 * <p>Completing a setup that the payer has not approved, cancelled, let expire, or that was
 * already completed fails with the server's {@link dev.settle.exception.ConflictException} (HTTP 409,
 * codes {@code payer_action_required}, {@code setup_cancelled}, {@code setup_expired},
 * {@code setup_already_completed}), and nothing is stored. Read it as a status with {@link
 * PayPalSetupStatus#ofRefusedCompletion}. This module does not wrap it in an exception of its
 * own: {@link dev.settle.exception.SettleException} cannot be subclassed outside core, and an exception
 * outside that tree would break the promise that every failure is one. Nor does it read the setup
 * before completing to refuse early: the one Settle exception a provider may throw,
 * {@link ValidationException}, promises that nothing was sent, and the status can change between
 * that read and the completion anyway (the payer approves, the setup expires), so the conflict
 * must be handled in any case. {@link #setup} and {@link
 * PayPalSetupStatus#canComplete()} tell a caller in advance whether completing is worth trying.
 *
 * <h2>Retries</h2>
 *
 * <p>A setup is consumed once its PayPal account is stored. A completion the account refused
 * ({@code portal_single_method}: Portal I with another method stored) leaves it approved: remove
 * the stored method and complete it again, with the same {@link RequestOptions#idempotencyKey()
 * key} or a new one. If a completion stored the account but its answer was lost, repeating it
 * with a new key is answered {@code setup_already_completed}; repeat it with the same key and the
 * server replays the first completion instead.
 *
 * <p>Cheap to create and thread-safe; every method call is one or more requests.
 */
public final class PayPal {
  private static final int MAX_URL_LENGTH = 4000;

  private final AccountClient account;
  private final ProviderScope scope;

  private PayPal(AccountClient account, ProviderScope scope) {
    this.account = account;
    this.scope = scope;
  }

  /**
   * The PayPal flow of {@code account}.
   *
   * @param account the account's client
   * @return the account's PayPal flow
   */
  public static PayPal of(AccountClient account) {
    return ValidationException.required(account, "account").extension(scope -> new PayPal(account, scope));
  }

  /**
   * Starts a setup, to be approved by the payer at its {@link PayPalSetup#approvalUrl()}.
   *
   * <p>PayPal sends the payer's browser back to {@code returnUrl} when they approve and to
   * {@code cancelUrl} when they cancel. Put what you need to find the setup again (its id, or a
   * session of your own) in those URLs or the payer's session.
   *
   * @param cancelUrl where PayPal sends the payer after cancelling
   * @param returnUrl where PayPal sends the payer after approving
   * @return the setup, waiting for the payer's approval
   * @throws ValidationException with param {@code return_url} or {@code cancel_url} if that URL
   *     is not an absolute http or https URL of at most 4000 characters; nothing was sent
   */
  public PayPalSetup startSetup(URI returnUrl, URI cancelUrl) {
    return startSetup(returnUrl, cancelUrl, RequestOptions.defaults());
  }

  /**
   * Like {@link #startSetup(URI, URI)}, with per-call options. Repeating the call with the same
   * idempotency key returns the same setup instead of starting another.
   *
   * @param returnUrl where PayPal sends the payer after approving
   * @param cancelUrl where PayPal sends the payer after cancelling
   * @param options your idempotency key, or a timeout for this call
   * @return the setup, waiting for the payer's approval
   */
  public PayPalSetup startSetup(URI returnUrl, URI cancelUrl, RequestOptions options) {
    ProviderContext context = context(options);
    return context.execute(startCall(context, returnUrl, cancelUrl));
  }

  /**
   * Like {@link #startSetup(URI, URI)}, without blocking.
   *
   * @param returnUrl where PayPal sends the payer after approving
   * @param cancelUrl where PayPal sends the payer after cancelling
   * @return a future of the setup
   */
  public CompletableFuture<PayPalSetup> startSetupAsync(URI returnUrl, URI cancelUrl) {
    return startSetupAsync(returnUrl, cancelUrl, RequestOptions.defaults());
  }

  /**
   * Like {@link #startSetup(URI, URI, RequestOptions)}, without blocking.
   *
   * @param returnUrl where PayPal sends the payer after approving
   * @param cancelUrl where PayPal sends the payer after cancelling
   * @param options your idempotency key, or a timeout for this call
   * @return a future of the setup
   */
  public CompletableFuture<PayPalSetup> startSetupAsync(URI returnUrl, URI cancelUrl, RequestOptions options) {
    ProviderContext context = context(options);
    return context.executeAsync(startCall(context, returnUrl, cancelUrl));
  }

  /**
   * Reads a setup again, to see its current {@link PayPalSetup#status()}.
   *
   * @param id the setup
   * @return the setup as it is now
   */
  public PayPalSetup setup(PayPalSetupId id) {
    return setup(id, RequestOptions.defaults());
  }

  /**
   * Like {@link #setup(PayPalSetupId)}, with per-call options.
   *
   * @param id the setup
   * @param options options for this call, such as its timeout
   * @return the setup as it is now
   */
  public PayPalSetup setup(PayPalSetupId id, RequestOptions options) {
    ProviderContext context = context(options);
    return context.execute(setupCall(context, id));
  }

  /**
   * Like {@link #setup(PayPalSetupId)}, without blocking.
   *
   * @param id the setup
   * @return a future of the setup as it is now
   */
  public CompletableFuture<PayPalSetup> setupAsync(PayPalSetupId id) {
    return setupAsync(id, RequestOptions.defaults());
  }

  /**
   * Like {@link #setup(PayPalSetupId, RequestOptions)}, without blocking.
   *
   * @param id the setup
   * @param options options for this call, such as its timeout
   * @return a future of the setup as it is now
   */
  public CompletableFuture<PayPalSetup> setupAsync(PayPalSetupId id, RequestOptions options) {
    ProviderContext context = context(options);
    return context.executeAsync(setupCall(context, id));
  }

  /**
   * Completes an approved setup and stores its PayPal account on the account: the same as
   * {@code account.paymentMethods().add(PayPalApproval.of(id))}.
   *
   * @param id the approved setup
   * @return the stored PayPal method
   * @throws dev.settle.exception.ConflictException if the setup cannot be completed (see above)
   *     or the account refuses another method ({@code portal_single_method} on Portal I);
   *     nothing was stored, and the setup can be completed again once the account has room
   * @throws dev.settle.exception.MissingProviderException if the client was built without
   *     discovery and without a {@link PayPalProvider}
   */
  public PaymentMethod complete(PayPalSetupId id) {
    return complete(id, RequestOptions.defaults());
  }

  /**
   * Like {@link #complete(PayPalSetupId)}, with per-call options.
   *
   * @param id the approved setup
   * @param options your idempotency key, or a timeout for this call
   * @return the stored PayPal method
   */
  public PaymentMethod complete(PayPalSetupId id, RequestOptions options) {
    return account.paymentMethods().add(PayPalApproval.of(ValidationException.required(id, "id")), options);
  }

  /**
   * Like {@link #complete(PayPalSetupId)}, without blocking.
   *
   * @param id the approved setup
   * @return a future of the stored PayPal method
   */
  public CompletableFuture<PaymentMethod> completeAsync(PayPalSetupId id) {
    return completeAsync(id, RequestOptions.defaults());
  }

  /**
   * Like {@link #complete(PayPalSetupId, RequestOptions)}, without blocking.
   *
   * @param id the approved setup
   * @param options your idempotency key, or a timeout for this call
   * @return a future of the stored PayPal method
   */
  public CompletableFuture<PaymentMethod> completeAsync(PayPalSetupId id, RequestOptions options) {
    return account.paymentMethods().addAsync(PayPalApproval.of(ValidationException.required(id, "id")), options);
  }

  private ProviderContext context(RequestOptions options) {
    ValidationException.required(options, "options");
    return scope.context(options.idempotencyKey().orElse(null), options.timeout().orElse(null));
  }

  private static ApiCall<PayPalSetup> startCall(ProviderContext context, URI returnUrl, URI cancelUrl) {
    PayPalApi.CreateSetupRequest body = new PayPalApi.CreateSetupRequest(
        browserUrl(returnUrl, "return_url"), browserUrl(cancelUrl, "cancel_url"));
    return context.api(PayPalApi.API).createPayPalSetup(context.customerId(), context.nextIdempotencyKey(), body);
  }

  private static ApiCall<PayPalSetup> setupCall(ProviderContext context, PayPalSetupId id) {
    ValidationException.required(id, "id");
    return context.api(PayPalApi.API).getPayPalSetup(context.customerId(), id);
  }

  private static String browserUrl(URI url, String param) {
    ValidationException.required(url, param);
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!url.isAbsolute() || url.getHost() == null
        || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new ValidationException(
          param, "PayPal sends the payer's browser here, so it must be an absolute http or https URL");
    }
    String text = url.toString();
    if (text.length() > MAX_URL_LENGTH) {
      throw new ValidationException(
          param, "The URL is longer than " + MAX_URL_LENGTH + " characters");
    }
    return text;
  }

  @Override
  public String toString() {
    return "PayPal{customerId=" + scope.customerId() + "}";
  }
}
