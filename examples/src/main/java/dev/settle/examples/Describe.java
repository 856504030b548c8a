package dev.settle.examples;

import dev.settle.card.Card;
import dev.settle.card.CardBrand;
import dev.settle.model.PaymentMethod;

/** How the examples print a payment method: what a customer would recognise, never card data. */
final class Describe {
  private Describe() {}

  static String method(PaymentMethod method) {
    if (method == null) {
      return "none";
    }
    String details = method.details(Card.class)
        .map(card -> card.brand().map(CardBrand::displayName).orElse(card.brandName())
            + " ending in " + card.lastFour() + ", expires " + card.expiry())
        .orElse(method.kind());
    return details + " (" + method.id() + (method.preferred() ? ", preferred)" : ")");
  }
}
