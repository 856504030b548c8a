/**
 * Cards for Settle: Visa, Mastercard, American Express and JCB.
 *
 * <p>Put {@code dev.settle:settle-card} on the classpath and the client finds
 * {@link CardProvider} by itself. A caller fills in {@link CardDetails} to add a card, checks a
 * number alone as it is typed with {@link CardNumber}, and reads stored cards as {@link Card}. The
 * card number and CVC are checked on the caller's machine, sent once to the tokenization request,
 * and shown nowhere else.
 *
 * <p>A card whose bank asks the customer to authenticate before it is saved (3-D Secure) ends the
 * add or switch in {@link dev.settle.AuthenticationRequiredException}, naming a card setup; once
 * the customer is back, {@link CardAuthentication#of(CardSetupId)} finishes it. See {@link
 * CardProvider}.
 *
 * <p>{@link Card}, {@link CardDetails}, {@link CardNumber}, {@link CardAuthentication}, {@link
 * CardSetupId} and {@link CardProvider} are immutable and safe to share between threads; the
 * builders are not.
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
package dev.settle.card;

import dev.settle.exception.ValidationException;
import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
