package dev.settle.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.SettleClient;
import dev.settle.model.CustomerId;
import dev.settle.model.InvoiceId;
import dev.settle.model.Money;
import dev.settle.sandbox.SettleSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Instructions from the sandbox, whose wire code is its own: what it prints on an invoice passes
 * every check here, and the invoice's own reference is the one to quote.
 */
class BankTransferSandboxTest {
  private SettleSandbox sandbox;
  private SettleClient client;

  @BeforeEach
  void start() {
    sandbox = SettleSandbox.builder().build().start();
    client = SettleClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build();
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void readsTheInstructionsOfASandboxInvoice() {
    String customer = sandbox.createAccount(SettleSandbox.Portal.II, "Camille Martin", "EUR");
    InvoiceId invoice = InvoiceId.of(sandbox.createInvoice(customer, 11900, "Annual license"));

    BankTransferInstructions instructions =
        BankTransfer.of(client.account(CustomerId.of(customer))).instructions(invoice);

    assertThat(instructions.invoiceId()).isEqualTo(invoice);
    assertThat(instructions.amount()).isEqualTo(Money.ofMinor(11900, "EUR"));
    assertThat(instructions.iban().countryCode()).isEqualTo("DE");
    assertThat(instructions.reference().value())
        .isEqualTo(client.account(CustomerId.of(customer)).invoices().get(invoice)
            .paymentReference());
    assertThat(instructions.epcQrCode().payload())
        .contains("\n" + instructions.iban().value() + "\nEUR119.00\n\n"
            + instructions.reference().value());
  }
}
