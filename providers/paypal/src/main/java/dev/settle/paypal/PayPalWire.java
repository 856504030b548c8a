package dev.settle.paypal;

import com.squareup.moshi.Json;
import dev.settle.model.CustomerId;

/**
 * The request bodies and paths of the PayPal setup endpoints. The records are public only because
 * Moshi writes records through public accessors; this package-private holder keeps them out of
 * the API.
 */
final class PayPalWire {
  private PayPalWire() {}

  static String setupsPath(CustomerId customer) {
    return "v1/accounts/" + customer.value() + "/paypal_setups";
  }

  static String setupPath(CustomerId customer, PayPalSetupId id) {
    return setupsPath(customer) + "/" + id.value();
  }

  static String completePath(CustomerId customer, PayPalSetupId id) {
    return setupPath(customer, id) + "/complete";
  }

  /** The body of {@code POST …/paypal_setups}. */
  public record CreateSetupRequest(
      @Json(name = "return_url") String returnUrl, @Json(name = "cancel_url") String cancelUrl) {}

  /**
   * The body of {@code POST …/paypal_setups/{id}/complete}: the setup is named by the path, so
   * the body is an empty object, sent because every Settle POST carries a JSON body.
   */
  public record CompleteRequest() {}
}
