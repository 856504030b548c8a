package dev.settle.paypal;

import com.squareup.moshi.JsonClass;

/**
 * The part of a completion response ({@code POST …/paypal_setups/{id}/complete}) that Settle
 * needs: the token's id.
 *
 * <p>It is read by {@link PayPalTokenJsonAdapter}, which Moshi finds by name through
 * {@link JsonClass}: a provider cannot register adapters on the client's Moshi, and only an
 * adapter can reject a bad id while the body is read, where core turns the failure into a
 * malformed-response error.
 */
@JsonClass(generateAdapter = true, generator = "settle-paypal")
final class PayPalToken {
  private final String id;

  PayPalToken(String id) {
    this.id = id;
  }

  /** The id, such as {@code tok_4eC39HqLyjWDarjtT1zdp7dc}. */
  String id() {
    return id;
  }
}
