/**
 * The service-provider interface through which each kind of payment method plugs into Settle.
 *
 * <p>Core knows no kind by name. A provider module ({@code settle-card}, {@code settle-paypal})
 * implements {@link dev.settle.spi.PaymentMethodProvider} and lists it in
 * {@code META-INF/services/dev.settle.spi.PaymentMethodProvider}; the client finds it with
 * {@link java.util.ServiceLoader}, or takes it from
 * {@link dev.settle.SettleClient.Builder#addProvider}, which wins over discovery.
 */
@NullMarked
package dev.settle.spi;

import org.jspecify.annotations.NullMarked;
