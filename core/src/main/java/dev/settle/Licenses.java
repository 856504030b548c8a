package dev.settle;

import static dev.settle.exception.ValidationException.required;

import dev.settle.internal.http.Wire;
import dev.settle.model.CustomerId;
import dev.settle.model.License;
import dev.settle.model.LicenseId;
import dev.settle.spi.ApiCall;
import java.util.concurrent.CompletableFuture;

/**
 * The licenses of one account: list them, activate a purchased one, and turn automatic renewal
 * on or off.
 *
 * <p>Thread-safe. Turning automatic renewal on for an account without a preferred payment method
 * is allowed: the license then carries the warning {@code no_preferred_payment_method}, and the
 * renewal invoice will stay open until someone pays it. Each operation has four forms: blocking
 * and {@code …Async}, each with and without {@link RequestOptions}.
 */
public final class Licenses {
  private final CustomerId customer;
  private final Backend backend;

  Licenses(CustomerId customer, Backend backend) {
    this.customer = customer;
    this.backend = backend;
  }

  /** {@return all licenses, fetched lazily page by page} */
  public PagedIterable<License> list() {
    return list(RequestOptions.defaults());
  }

  /**
   * Like {@link #list()}, each page's request made with {@code options}.
   *
   * @param options the options of every page's request
   * @return the licenses; a page is requested when iteration reaches it
   */
  public PagedIterable<License> list(RequestOptions options) {
    return new PagedIterable<>(backend, required(options, "options"),
        cursor -> backend.api.listLicenses(customer, 100, cursor));
  }

  /**
   * One license, with its status and next renewal date.
   *
   * @param id the license
   * @return the license
   */
  public License get(LicenseId id) {
    return get(id, RequestOptions.defaults());
  }

  /**
   * Like {@link #get(LicenseId)}, with per-call options.
   *
   * @param id the license
   * @param options options for this call, such as its timeout
   * @return the license
   */
  public License get(LicenseId id, RequestOptions options) {
    return backend.call(getCall(id), required(options, "options"));
  }

  /**
   * Like {@link #get(LicenseId)}, without blocking.
   *
   * @param id the license
   * @return a future of the license
   */
  public CompletableFuture<License> getAsync(LicenseId id) {
    return getAsync(id, RequestOptions.defaults());
  }

  /**
   * Like {@link #get(LicenseId, RequestOptions)}, without blocking.
   *
   * @param id the license
   * @param options options for this call, such as its timeout
   * @return a future of the license
   */
  public CompletableFuture<License> getAsync(LicenseId id, RequestOptions options) {
    return backend.callAsync(getCall(id), required(options, "options"));
  }

  /**
   * Activates a purchased license; activating an active one changes nothing.
   *
   * @param id the purchased license
   * @return the license, now active
   */
  public License activate(LicenseId id) {
    return activate(id, RequestOptions.defaults());
  }

  /**
   * Like {@link #activate(LicenseId)}, with per-call options.
   *
   * @param id the purchased license
   * @param options options for this call, such as its timeout
   * @return the license, now active
   */
  public License activate(LicenseId id, RequestOptions options) {
    return backend.call(activateCall(id), required(options, "options"));
  }

  /**
   * Like {@link #activate(LicenseId)}, without blocking.
   *
   * @param id the purchased license
   * @return a future of the license, now active
   */
  public CompletableFuture<License> activateAsync(LicenseId id) {
    return activateAsync(id, RequestOptions.defaults());
  }

  /**
   * Like {@link #activate(LicenseId, RequestOptions)}, without blocking.
   *
   * @param id the purchased license
   * @param options options for this call, such as its timeout
   * @return a future of the license, now active
   */
  public CompletableFuture<License> activateAsync(LicenseId id, RequestOptions options) {
    return backend.callAsync(activateCall(id), required(options, "options"));
  }

  /**
   * Turns automatic renewal on or off. When on, the license renews once a year by charging the
   * account's preferred method.
   *
   * @param id the license
   * @param enabled whether it renews automatically
   * @return the license; without a preferred method on the account it carries the warning {@code
   *     no_preferred_payment_method}
   */
  public License setAutoRenewal(LicenseId id, boolean enabled) {
    return setAutoRenewal(id, enabled, RequestOptions.defaults());
  }

  /**
   * Like {@link #setAutoRenewal(LicenseId, boolean)}, with per-call options.
   *
   * @param id the license
   * @param enabled whether it renews automatically
   * @param options options for this call, such as its timeout
   * @return the license, with its warnings
   */
  public License setAutoRenewal(LicenseId id, boolean enabled, RequestOptions options) {
    return backend.call(autoRenewalCall(id, enabled), required(options, "options"));
  }

  /**
   * Like {@link #setAutoRenewal(LicenseId, boolean)}, without blocking.
   *
   * @param id the license
   * @param enabled whether it renews automatically
   * @return a future of the license, with its warnings
   */
  public CompletableFuture<License> setAutoRenewalAsync(LicenseId id, boolean enabled) {
    return setAutoRenewalAsync(id, enabled, RequestOptions.defaults());
  }

  /**
   * Like {@link #setAutoRenewal(LicenseId, boolean, RequestOptions)}, without blocking.
   *
   * @param id the license
   * @param enabled whether it renews automatically
   * @param options options for this call, such as its timeout
   * @return a future of the license, with its warnings
   */
  public CompletableFuture<License> setAutoRenewalAsync(LicenseId id, boolean enabled, RequestOptions options) {
    return backend.callAsync(autoRenewalCall(id, enabled), required(options, "options"));
  }

  @Override
  public String toString() {
    return "Licenses{customerId=" + customer + "}";
  }

  private ApiCall<License> getCall(LicenseId id) {
    return backend.api.getLicense(customer, required(id, "id"));
  }

  private ApiCall<License> activateCall(LicenseId id) {
    return backend.api.activateLicense(customer, required(id, "id"));
  }

  private ApiCall<License> autoRenewalCall(LicenseId id, boolean enabled) {
    return backend.api.setAutoRenewal(customer, required(id, "id"), new Wire.AutoRenewalRequest(enabled));
  }
}
