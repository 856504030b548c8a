/** Cards for Settle: validation of what a person types, and tokenization. */
module dev.settle.card {
  requires transitive dev.settle;
  requires retrofit2;
  requires static org.immutables.value;

  exports dev.settle.card;

  provides dev.settle.spi.PaymentMethodProvider with dev.settle.card.CardProvider;
}
