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
 */
@NullMarked
package dev.settle.exception;

import org.jspecify.annotations.NullMarked;
