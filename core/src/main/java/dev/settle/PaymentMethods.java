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
    String key = idempotencyKey(options);
    return attach(tokenize(input, key, options), false, key, options);
  }

  /**
   * Makes a new method the preferred one, the right way for the account's portal.
   *
   * <p>The input is validated and tokenized first, so a bad or refused card changes nothing. On
   * Portal II the new method is then added already marked preferred. On Portal I, which holds a
   * single method, the old one is removed and the new one added; if the add fails, the old one
   * is put back.
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
    String key = idempotencyKey(options);
    PaymentMethod previous = account.get().preferredPaymentMethod().orElse(null);
    String token = tokenize(input, key, options);
    if (account.portal() == Portal.II) {
      return attach(token, true, key, options);
    }
    String restoreToken = previous == null ? null : removeForSwitch(previous.id());
    try {
      return attach(token, false, key, options);
    } catch (SettleException addFailed) {
      throw restore(previous, restoreToken, key, options, addFailed);
    }
  }

  private String tokenize(PaymentMethodInput input, String key, RequestOptions options) {
    Objects.requireNonNull(input, "input");
    PaymentMethodProvider provider = client().providers().forKind(input.kind());
    return provider.tokenize(input, new ProviderCalls(account, key, options));
  }

  private PaymentMethod attach(String token, boolean preferred, String key, RequestOptions options) {
    return account.transport().write(
        account.api().attachPaymentMethod(
            account.customer(), key, new Wire.AttachRequest(token, preferred ? Boolean.TRUE : null)),
        key,
        options);
  }

  private String removeForSwitch(PaymentMethodId id) {
    return account.transport()
        .read(account.api().removePaymentMethod(account.customer(), id.value()), RequestOptions.defaults())
        .restoreToken();
  }

  private PreferredSwitchException restore(
      PaymentMethod previous, String restoreToken, String key, RequestOptions options,
      SettleException addFailed) {
    if (restoreToken != null) {
      try {
        PaymentMethod restored = attach(restoreToken, false, key + ":restore", options);
        return new PreferredSwitchException(
            "The new method could not be added (" + addFailed.getMessage()
                + "); the previous method " + restored.id() + " was put back and is preferred",
            restored, true, addFailed);
      } catch (SettleException restoreFailed) {
        addFailed.addSuppressed(restoreFailed);
      }
    }
    PaymentMethod now = preferredNow(addFailed);
    return new PreferredSwitchException(
        "The new method could not be added (" + addFailed.getMessage() + ")"
            + (previous == null ? "" : " and the previous method " + previous.id() + " could not be put back")
            + "; the account's preferred method is now " + (now == null ? "none" : now.id()),
        now, false, addFailed);
  }

  private PaymentMethod preferredNow(SettleException failure) {
    try {
      return account.get().preferredPaymentMethod().orElse(null);
    } catch (SettleException lookupFailed) {
      failure.addSuppressed(lookupFailed);
      return null;
    }
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
                  + id + " is not it. To change it, use switchPreferred with the new method"));
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
