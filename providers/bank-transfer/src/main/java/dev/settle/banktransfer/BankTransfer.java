package dev.settle.banktransfer;

import dev.settle.AccountClient;
import dev.settle.RequestOptions;
import dev.settle.model.InvoiceId;
import dev.settle.spi.ProviderContext;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Paying an invoice of one customer's account by bank transfer: the instructions the customer
 * follows at their own bank.
 *
 * <pre>{@code
 * AccountClient account = settle.account(CustomerId.of("200001"));
 * BankTransferInstructions instructions =
 *     BankTransfer.of(account).instructions(InvoiceId.of("in_1Q2w3E"));
 *
 * System.out.print(instructions.toPrintable());
 * // Payee:     Settle Software GmbH
 * // IBAN:      DE89 3704 0044 0532 0130 00
 * // BIC:       COBADEFFXXX
 * // Amount:    EUR 119.00
 * // Reference: RF18 5390 0754 7034
 *
 * if (instructions.hasEpcQrCode()) {                 // euro invoices only
 *   Files.write(Path.of("pay.png"), instructions.epcQrCode().png());
 * }
 * }</pre>
 *
 * <p>The money arrives later, from the customer's bank; the invoice is paid when the billing
 * system has matched the transfer by its reference. Read the invoice again
 * ({@code account.invoices().get(id)}) to see that. A bank transfer is never stored on the
 * account and never preferred, so there is nothing here to add to
 * {@link AccountClient#paymentMethods()}; see the package documentation for why.
 *
 * <p>Cheap to create and thread-safe; every method call is one request.
 */
public final class BankTransfer {
  private final AccountClient account;

  private BankTransfer(AccountClient account) {
    this.account = account;
  }

  /** The bank-transfer flow of {@code account}. */
  public static BankTransfer of(AccountClient account) {
    return new BankTransfer(Objects.requireNonNull(account, "account"));
  }

  /**
   * Reads what the customer needs to pay {@code invoice} by bank transfer.
   *
   * @throws dev.settle.NotFoundException if the account has no such invoice
   * @throws dev.settle.MalformedResponseException if the server's answer is not valid
   *     instructions, including a payee IBAN or BIC that fails its checks or a reference that is
   *     not ISO 11649: such instructions are never shown to a customer
   */
  public BankTransferInstructions instructions(InvoiceId invoice) {
    return instructions(invoice, RequestOptions.defaults());
  }

  /** Like {@link #instructions(InvoiceId)}, with per-call options (a timeout, for example). */
  public BankTransferInstructions instructions(InvoiceId invoice, RequestOptions options) {
    Objects.requireNonNull(invoice, "invoice");
    Objects.requireNonNull(options, "options");
    ProviderContext context = account.providerContext(options);
    InstructionsResponse response =
        context.get(path(context, invoice), InstructionsResponse.class);
    return response.instructions();
  }

  /** Like {@link #instructions(InvoiceId, RequestOptions)}, without blocking. */
  public CompletableFuture<BankTransferInstructions> instructionsAsync(
      InvoiceId invoice, RequestOptions options) {
    Objects.requireNonNull(invoice, "invoice");
    ProviderContext context = account.providerContext(Objects.requireNonNull(options, "options"));
    return context.<InstructionsResponse>getAsync(path(context, invoice), InstructionsResponse.class)
        .thenApply(InstructionsResponse::instructions);
  }

  static String path(ProviderContext context, InvoiceId invoice) {
    return "v1/accounts/" + context.customerId().value() + "/invoices/" + invoice.value()
        + "/bank_transfer_instructions";
  }

  @Override
  public String toString() {
    return "BankTransfer{customerId=" + account.customerId() + "}";
  }
}
