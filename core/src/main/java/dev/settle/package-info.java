/**
 * Settle's client: {@link dev.settle.SettleClient} and the facades it leads to (an account's
 * payment methods, invoices and licenses; webhook endpoints), the options of a call, its retry
 * policy and listener, and the exceptions that tell a caller what a failed flow did.
 *
 * <p>Nothing here is null unless marked {@code @Nullable}: a value that may be absent is an
 * {@link java.util.Optional}, and a null argument is refused with a
 * {@link dev.settle.exception.ValidationException} naming the parameter.
 */
@NullMarked
package dev.settle;

import org.jspecify.annotations.NullMarked;
