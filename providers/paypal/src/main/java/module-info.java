/** PayPal accounts for Settle, saved through the payer's approval. */
module dev.settle.paypal {
  requires transitive dev.settle;
  requires retrofit2;
  requires static org.immutables.value;

  exports dev.settle.paypal;

  provides dev.settle.spi.PaymentMethodProvider with dev.settle.paypal.PayPalProvider;
}
