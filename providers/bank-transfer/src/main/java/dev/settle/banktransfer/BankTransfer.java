package dev.settle.banktransfer;

import dev.settle.AccountClient;
import dev.settle.RequestOptions;
import dev.settle.exception.ValidationException;
import dev.settle.model.CustomerId;
import dev.settle.model.InvoiceId;
import dev.settle.spi.ApiCall;
import dev.settle.spi.ProviderApi;
import dev.settle.spi.ProviderContext;
import dev.settle.spi.ProviderScope;
import java.util.concurrent.CompletableFuture;
import retrofit2.http.GET;
import retrofit2.http.Path;

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
  private static final ProviderApi<Api> API =
      ProviderApi.of(Api.class, ProviderApi.adapter(BankTransferInstructions.class, new InstructionsAdapter()));

  /** Bank transfer's part of the billing API. */
  interface Api {
    @GET("v1/accounts/{customer_id}/invoices/{invoice_id}/bank_transfer_instructions")
    ApiCall<BankTransferInstructions> getBankTransferInstructions(@Path(value = "customer_id", encoded = true) CustomerId customer,
        @Path(value = "invoice_id", encoded = true) InvoiceId invoice);
  }

  private final ProviderScope scope;

  private BankTransfer(ProviderScope scope) {
    this.scope = scope;
  }

  /**
   * The bank-transfer flow of {@code account}.
   *
   * @param account the account's client
   * @return the account's bank-transfer flow
   */
  public static BankTransfer of(AccountClient account) {
    return ValidationException.required(account, "account").extension(BankTransfer::new);
  }

  /**
   * Reads what the customer needs to pay {@code invoice} by bank transfer.
   *
   * @param invoice the open invoice
   * @return the payee, amount and reference to transfer to
   * @throws dev.settle.exception.NotFoundException if the account has no such invoice
   * @throws dev.settle.exception.MalformedResponseException if the server's answer is not valid
   *     instructions, including a payee IBAN or BIC that fails its checks or a reference that is
   *     not ISO 11649: such instructions are never shown to a customer
   */
  public BankTransferInstructions instructions(InvoiceId invoice) {
    return instructions(invoice, RequestOptions.defaults());
  }

  /**
   * Like {@link #instructions(InvoiceId)}, with per-call options (a timeout, for example).
   *
   * @param invoice the open invoice
   * @param options options for this call, such as its timeout
   * @return the payee, amount and reference to transfer to
   */
  public BankTransferInstructions instructions(InvoiceId invoice, RequestOptions options) {
    ProviderContext context = context(options);
    return context.execute(call(context, invoice));
  }

  /**
   * Like {@link #instructions(InvoiceId)}, without blocking.
   *
   * @param invoice the open invoice
   * @return a future of the instructions
   */
  public CompletableFuture<BankTransferInstructions> instructionsAsync(InvoiceId invoice) {
    return instructionsAsync(invoice, RequestOptions.defaults());
  }

  /**
   * Like {@link #instructions(InvoiceId, RequestOptions)}, without blocking.
   *
   * @param invoice the open invoice
   * @param options options for this call, such as its timeout
   * @return a future of the instructions
   */
  public CompletableFuture<BankTransferInstructions> instructionsAsync(InvoiceId invoice, RequestOptions options) {
    ProviderContext context = context(options);
    return context.executeAsync(call(context, invoice));
  }

  private ProviderContext context(RequestOptions options) {
    ValidationException.required(options, "options");
    return scope.context(options.idempotencyKey().orElse(null), options.timeout().orElse(null));
  }

  private static ApiCall<BankTransferInstructions> call(ProviderContext context, InvoiceId invoice) {
    ValidationException.required(invoice, "invoice");
    return context.api(API).getBankTransferInstructions(context.customerId(), invoice);
  }

  @Override
  public String toString() {
    return "BankTransfer{customerId=" + scope.customerId() + "}";
  }
}
