package dev.settle;

import dev.settle.internal.http.Wire;
import dev.settle.model.License;
import dev.settle.model.LicenseId;
import java.util.Objects;

/**
 * The licenses of one account: list them, activate a purchased one, and turn automatic renewal
 * on or off.
 *
 * <p>Thread-safe. Turning automatic renewal on for an account without a preferred payment method
 * is allowed: the license then carries the warning {@code no_preferred_payment_method}, and the
 * renewal invoice will stay open until someone pays it.
 */
public final class Licenses {
  private static final int PAGE_SIZE = 100;

  private final AccountClient account;

  Licenses(AccountClient account) {
    this.account = account;
  }

  /** All licenses, fetched lazily page by page. */
  public PagedIterable<License> list() {
    return new PagedIterable<>(
        cursor ->
            Pages.of(
                account.transport().read(account.api().licenses(account.customer(), PAGE_SIZE, cursor),
                    RequestOptions.defaults())));
  }

  /** One license, with its status and next renewal date. */
  public License get(LicenseId id) {
    return account.transport().read(account.api().license(account.customer(), id.value()), RequestOptions.defaults());
  }

  /** Activates a purchased license; activating an active one changes nothing. */
  public License activate(LicenseId id) {
    return account.transport().read(account.api().activateLicense(account.customer(), id.value()), RequestOptions.defaults());
  }

  /**
   * Turns automatic renewal on or off. When on, the license renews once a year by charging the
   * account's preferred method.
   */
  public License autoRenewal(LicenseId id, boolean enabled) {
    Objects.requireNonNull(id, "id");
    return account.transport().read(
        account.api().setAutoRenewal(account.customer(), id.value(), new Wire.AutoRenewalRequest(enabled)),
        RequestOptions.defaults());
  }



}
