package dev.settle;

import dev.settle.internal.http.ApiCall;
import dev.settle.internal.http.Wire;
import dev.settle.model.License;
import dev.settle.model.LicenseId;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The licenses of one account: list them, activate a purchased one, and turn automatic renewal
 * on or off.
 *
 * <p>Thread-safe. Turning automatic renewal on for an account without a preferred payment method
 * is allowed: the license then carries the warning {@code no_preferred_payment_method}, and the
 * renewal invoice will stay open until someone pays it. Each call has an {@code …Async} twin.
 */
public final class Licenses {
  private final AccountClient account;

  Licenses(AccountClient account) {
    this.account = account;
  }

  /** All licenses, fetched lazily page by page. */
  public PagedIterable<License> list() {
    return new PagedIterable<>(account.transport(),
        cursor -> account.api().licenses(account.customer(), 100, cursor));
  }

  /** One license, with its status and next renewal date. */
  public License get(LicenseId id) {
    return account.transport().read(getCall(id), RequestOptions.defaults());
  }

  /** Like {@link #get(LicenseId)}, without blocking. */
  public CompletableFuture<License> getAsync(LicenseId id) {
    return account.transport().readAsync(getCall(id), RequestOptions.defaults());
  }

  /** Activates a purchased license; activating an active one changes nothing. */
  public License activate(LicenseId id) {
    return account.transport().read(activateCall(id), RequestOptions.defaults());
  }

  /** Like {@link #activate(LicenseId)}, without blocking. */
  public CompletableFuture<License> activateAsync(LicenseId id) {
    return account.transport().readAsync(activateCall(id), RequestOptions.defaults());
  }

  /**
   * Turns automatic renewal on or off. When on, the license renews once a year by charging the
   * account's preferred method.
   */
  public License autoRenewal(LicenseId id, boolean enabled) {
    return account.transport().read(autoRenewalCall(id, enabled), RequestOptions.defaults());
  }

  /** Like {@link #autoRenewal(LicenseId, boolean)}, without blocking. */
  public CompletableFuture<License> autoRenewalAsync(LicenseId id, boolean enabled) {
    return account.transport().readAsync(autoRenewalCall(id, enabled), RequestOptions.defaults());
  }

  private ApiCall<License> getCall(LicenseId id) {
    return account.api().license(account.customer(), id.value());
  }

  private ApiCall<License> activateCall(LicenseId id) {
    return account.api().activateLicense(account.customer(), id.value());
  }

  private ApiCall<License> autoRenewalCall(LicenseId id, boolean enabled) {
    Objects.requireNonNull(id, "id");
    return account.api().setAutoRenewal(
        account.customer(), id.value(), new Wire.AutoRenewalRequest(enabled));
  }
}
