package dev.settle.model;

/**
 * What is specific to one kind of stored payment method: a card's brand and last four digits, a
 * PayPal account's email.
 *
 * <p>Each kind's provider module defines its own implementation ({@code dev.settle.card.Card},
 * for example). A kind that no provider on the classpath knows arrives as
 * {@link UnknownPaymentMethodDetails}, so an older client keeps working against a newer server.
 */
public interface PaymentMethodDetails {
  /** {@return the kind's wire name, such as {@code card} or {@code paypal}} */
  String kind();
}
