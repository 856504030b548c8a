/**
 * The values Settle reads and writes: accounts, payment methods, invoices, payments, licenses,
 * money and identifiers.
 *
 * <p>Every type here is immutable and safe to share between threads. The implementations are
 * generated and hidden; each type offers a static {@code builder()} where building one by hand is
 * useful, mostly in tests of code that uses Settle.
 *
 * <p>A builder refuses a null value as every Settle method does (see {@link
 * dev.settle.exception.SettleException}), except that an optional field's setter takes null for
 * none. The setters that take a whole list, map or {@code Optional} need one: pass an empty one
 * for none.
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
package dev.settle.model;

import dev.settle.exception.ValidationException;
import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
