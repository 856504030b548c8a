/**
 * The values Settle reads and writes: accounts, payment methods, invoices, payments, licenses,
 * money and identifiers.
 *
 * <p>Every type here is immutable and safe to share between threads. The implementations are
 * generated and hidden; each type offers a static {@code builder()} where building one by hand is
 * useful, mostly in tests of code that uses Settle.
 */
@NullMarked
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    defaults = @Value.Immutable(copy = false),
    jdkOnly = true,
    optionalAcceptNullable = true)
package dev.settle.model;

import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
