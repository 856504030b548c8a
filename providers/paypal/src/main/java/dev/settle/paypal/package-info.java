/**
 * PayPal accounts for Settle: the approval flow that saves a payer's PayPal account on a
 * customer's account, without a purchase.
 *
 * <p>Put {@code dev.settle:settle-paypal} on the classpath and the client finds
 * {@link PayPalProvider} by itself. {@link PayPal} is the entry point: it starts a setup, which the
 * payer approves at PayPal, reads it back, and completes it. A completed setup is stored like any
 * other method: {@code account.paymentMethods().add(PayPalApproval.of(setupId))}, or
 * {@code switchPreferred(…)} to make it the one renewals are charged to. Stored PayPal methods
 * read as {@link PayPalAccount}.
 *
 * <p>Every type here is immutable and safe to share between threads; the builders are not.
 */
@NullMarked
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    defaults = @Value.Immutable(copy = false),
    jdkOnly = true,
    optionalAcceptNullable = true,
    throwForNullPointer = ValidationException.class)
package dev.settle.paypal;

import dev.settle.exception.ValidationException;
import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
