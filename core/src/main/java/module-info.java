/**
 * Settle's client: {@link dev.settle.SettleClient}, the model, the exceptions, the provider SPI
 * and webhook verification. The HTTP layer ({@code dev.settle.internal}) is not exported, to
 * applications or to providers: what a provider needs is in {@code dev.settle.spi}.
 */
module dev.settle {
  requires transitive com.squareup.moshi;
  requires transitive okhttp3;
  requires static transitive org.jspecify;
  requires static org.immutables.value;
  requires okio;
  requires retrofit2;

  exports dev.settle;
  exports dev.settle.exception;
  exports dev.settle.model;
  exports dev.settle.spi;
  exports dev.settle.webhooks;

  uses dev.settle.spi.PaymentMethodProvider;
}
