package dev.settle.model;

/**
 * What a caller fills in to add a payment method of one kind, such as
 * {@code dev.settle.card.CardDetails}.
 *
 * <p>The provider of that kind validates it and exchanges it for a single-use token before the
 * method is stored; the raw data never goes anywhere else.
 */
public interface PaymentMethodInput {
  /** {@return the kind's wire name, such as {@code card}} */
  String kind();
}
