/**
 * Bank transfer for Settle: what a customer needs to pay one invoice by hand, checked and laid
 * out so that it can be copied without mistakes, and an EPC QR code that a banking app reads
 * instead.
 *
 * <p>{@link BankTransfer} is the entry point: {@code BankTransfer.of(account).instructions(id)}
 * reads the {@link BankTransferInstructions} of an invoice: payee, {@link Iban}, {@link Bic},
 * amount and the ISO 11649 {@link CreditorReference} the customer must quote. Every value is
 * checked as it arrives, so a server that sends a mistyped IBAN is reported as a
 * {@link dev.settle.exception.MalformedResponseException} instead of being shown to a customer who would
 * send money to it. For euro invoices, {@link EpcQrCode} encodes the instructions as an EPC069-12
 * QR code ("GiroCode") and renders it as a PNG.
 *
 * <h2>Why there is no bank-transfer payment-method provider</h2>
 *
 * <p>The other provider modules implement {@link dev.settle.spi.PaymentMethodProvider}, because
 * cards and PayPal accounts are <em>stored</em> on an account and can be its <em>preferred</em>
 * method, charged automatically for renewals. A bank transfer is neither: the customer pays one
 * invoice, by hand, from their own bank, and nothing can be charged to it later. So this module
 * deliberately does not implement the SPI and has no {@link dev.settle.model.PaymentMethodInput}:
 * {@code account.paymentMethods().add(…)} of a bank transfer cannot even be written, which is
 * better than a call that compiles and is refused at run time. A stored method of kind
 * {@code bank_transfer}, should a server ever list one, reads as
 * {@link dev.settle.model.UnknownPaymentMethodDetails}, like any kind without a provider.
 *
 * <p>Every type here is immutable and safe to share between threads.
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
package dev.settle.banktransfer;

import dev.settle.exception.ValidationException;
import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
