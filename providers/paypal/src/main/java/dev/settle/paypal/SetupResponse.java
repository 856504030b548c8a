package dev.settle.paypal;

import com.squareup.moshi.JsonClass;

/**
 * A {@link PayPalSetup} as a response body. {@link SetupResponseJsonAdapter} reads it; Moshi
 * finds that adapter by name through {@link JsonClass}, which this package-private carrier holds
 * so that the public {@link PayPalSetup} does not show a JSON annotation.
 */
@JsonClass(generateAdapter = true, generator = "settle-paypal")
final class SetupResponse {
  private final PayPalSetup setup;

  SetupResponse(PayPalSetup setup) {
    this.setup = setup;
  }

  PayPalSetup setup() {
    return setup;
  }
}
