package dev.settle;

import dev.settle.internal.http.Wire;
import dev.settle.model.PaymentMethod;
import dev.settle.model.PaymentMethodId;
import dev.settle.model.PaymentMethodInput;
import dev.settle.model.Portal;
import dev.settle.spi.PaymentMethodProvider;
import java.util.Objects;
import java.util.UUID;

/**
 * The payment methods stored on one account: list, add, remove, and choose the preferred one.
 *
 * <p>Thread-safe. Adding a method never sends the raw card data anywhere but the tokenization
 * request: the kind's provider validates the input, exchanges it for a single-use token, and only
 * the token is attached to the account.
 */
public final class PaymentMethods {
  private static final int PAGE_SIZE = 100;

  private final AccountClient account;

  PaymentMethods(AccountClient account) {
    this.account = account;
  }

  /** All stored methods, fetched lazily page by page. */
  public PagedIterable<PaymentMethod> list() {
    return new PagedIterable<>(
        cursor -> {
          Wire.Page<PaymentMethod> page =
              account.transport().read(account.api().paymentMethods(account.customer(), PAGE_SIZE, cursor),
                  RequestOptions.defaults());
          return Pages.of(page);
        });
  }

  /** One stored method. */
  public PaymentMethod get(PaymentMethodId id) {
    return account.transport().read(account.api().paymentMethod(account.customer(), id.value()), RequestOptions.defaults());
  }

  /**
   * Validates {@code input}, tokenizes it and stores it on the account.
   *
   * <p>The first method stored on an account becomes its preferred one. On Portal I an account
   * holds one method: adding a second fails with a {@link ConflictException} whose code is
   * {@code portal_single_method}.
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
    Objects.requireNonNull(input, "input");
    PaymentMethodProvider provider = client().providers().forKind(input.kind());
    String key = idempotencyKey(options);
    String token =
        provider.tokenize(input, new ProviderCalls(account.transport(), client().clock(), key, options));
    return account.transport().write(
        account.api().attachPaymentMethod(account.customer(), key, new Wire.AttachRequest(token, null)),
        key,
        options);
  }

  /**
   * Removes a stored method. Removing the preferred method leaves the account with none until
   * another is made preferred; {@link AccountClient#get()} then shows no preferred method.
   */
  public void remove(PaymentMethodId id) {
    account.transport().read(account.api().removePaymentMethod(account.customer(), id.value()), RequestOptions.defaults());
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
    Objects.requireNonNull(id, "id");
    if (account.portal() == Portal.I) {
      return account.get().preferredPaymentMethod()
          .filter(stored -> stored.id().equals(id))
          .orElseThrow(() -> new UnsupportedPortalOperationException(Portal.I,
              "On Portal I an account holds one method, which is always preferred; "
                  + id + " is not it. To change it, remove the stored method and add the new one"));
    }
    return account.transport().read(account.api().makePreferred(account.customer(), id.value()), RequestOptions.defaults());
  }

  private SettleClient client() {
    return account.client();
  }




  static String idempotencyKey(RequestOptions options) {
    return options.idempotencyKey().orElseGet(() -> UUID.randomUUID().toString());
  }
}
