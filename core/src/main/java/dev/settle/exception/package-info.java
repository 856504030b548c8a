/**
 * What Settle throws: {@link dev.settle.exception.SettleException} and the failures below it, by
 * what went wrong (input refused before any request, the server's refusal by status, the network,
 * an answer that cannot be read, the client's setup). The outcomes of Settle's own flows that
 * carry what a caller needs next ({@code OutcomeUnknownException}, {@code PaymentDeclinedException},
 * {@code PreferredSwitchException}, {@code UnsupportedPortalOperationException}) are in
 * {@code dev.settle}, beside the calls that throw them.
 *
 * <p>Unchecked, so that calls compose in lambdas and futures. Messages never contain a card
 * number, a CVC, an API key or a secret. Constructors are public so that a provider may throw any
 * of them.
 *
 * <p><b>Null arguments.</b> A null where a value is required is refused with a {@link
 * dev.settle.exception.ValidationException} whose {@link
 * dev.settle.exception.ValidationException#reason() reason} is {@link
 * dev.settle.exception.ValidationException.Reason#REQUIRED REQUIRED} and whose {@link
 * dev.settle.exception.ValidationException#param() param} names the parameter, before anything
 * else happens: nothing is sent, and an {@code …Async} method throws it rather than return a
 * future. This holds for every public method and constructor of every Settle module; a parameter
 * that takes null says so in its documentation and is annotated {@code @Nullable}. {@link
 * dev.settle.exception.ValidationException#required} is the check, for providers and
 * applications that keep the same rule.
 */
@NullMarked
package dev.settle.exception;

import org.jspecify.annotations.NullMarked;
