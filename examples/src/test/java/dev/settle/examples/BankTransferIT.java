package dev.settle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.AccountClient;
import dev.settle.banktransfer.BankTransfer;
import dev.settle.banktransfer.BankTransferInstructions;
import dev.settle.model.CustomerId;
import dev.settle.model.Invoice;
import dev.settle.model.InvoiceId;
import dev.settle.model.InvoiceStatus;
import dev.settle.model.Money;
import dev.settle.model.Payment;
import dev.settle.sandbox.TransferReceipt;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paying by bank transfer end to end: the client reads the instructions and the invoice PDF, the
 * sandbox receives transfers quoting the reference, and the client sees the invoice reconciled.
 */
class BankTransferIT extends SandboxFixture {
  private AccountClient account;
  private Invoice invoice;
  private BankTransferInstructions instructions;

  @BeforeEach
  void openInvoiceAndItsInstructions() {
    account = settle.account(CustomerId.of("200001"));
    invoice = account.invoices().list(q -> q.status(InvoiceStatus.OPEN)).stream().findFirst().orElseThrow();
    instructions = BankTransfer.of(account).instructions(invoice.id());
  }

  private TransferReceipt transfer(long minorUnits, String reference) {
    return sandbox.receiveTransfer(minorUnits, "EUR", reference);
  }

  private List<Payment> payments(InvoiceId id) {
    return account.invoices().payments(id).stream().collect(Collectors.toList());
  }

  @Test
  void instructionsMatchTheInvoice() {
    assertThat(instructions.invoiceId()).isEqualTo(invoice.id());
    assertThat(instructions.amount()).isEqualTo(invoice.amountDue());
    assertThat(instructions.iban().value()).isEqualTo(invoice.payee().iban());
    assertThat(instructions.reference().value()).isEqualTo(invoice.paymentReference());
    assertThat(instructions.toPrintable()).contains(instructions.iban().printable());
  }

  @Test
  void theExactAmountPaysTheInvoice() {
    TransferReceipt receipt = transfer(invoice.amountDue().minorUnits(), instructions.reference().printable());

    assertThat(receipt.outcome()).isEqualTo(TransferReceipt.Outcome.PAID);
    Invoice paid = account.invoices().get(invoice.id());
    assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(paid.amountDue().isZero()).isTrue();
    assertThat(payments(invoice.id())).singleElement().satisfies(p -> assertThat(p.paymentMethodId()).isEmpty());
  }

  @Test
  void lessLeavesTheRestDueAndASecondTransferCompletesIt() {
    long due = invoice.amountDue().minorUnits();

    assertThat(transfer(due - 4900, instructions.reference().value()).outcome())
        .isEqualTo(TransferReceipt.Outcome.PARTIALLY_PAID);
    Invoice partly = account.invoices().get(invoice.id());
    assertThat(partly.status()).isEqualTo(InvoiceStatus.OPEN);
    assertThat(partly.amountDue()).isEqualTo(Money.ofMinor(4900, "EUR"));
    assertThat(BankTransfer.of(account).instructions(invoice.id()).amount()).isEqualTo(Money.ofMinor(4900, "EUR"));

    assertThat(transfer(4900, instructions.reference().value()).outcome()).isEqualTo(TransferReceipt.Outcome.PAID);
    assertThat(account.invoices().get(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(payments(invoice.id())).hasSize(2);
  }

  @Test
  void morePaysTheInvoiceAndKeepsTheExcess() {
    TransferReceipt receipt = transfer(invoice.amountDue().minorUnits() + 1000, instructions.reference().value());

    assertThat(receipt.outcome()).isEqualTo(TransferReceipt.Outcome.OVERPAID);
    assertThat(receipt.excess()).isEqualTo(1000);
    assertThat(account.invoices().get(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
  }

  @Test
  void anUnknownReferenceIsKeptUnmatchedAndNothingChanges() {
    TransferReceipt receipt = transfer(invoice.amountDue().minorUnits(), "RF18 5390 0754 7034");

    assertThat(receipt.outcome()).isEqualTo(TransferReceipt.Outcome.UNMATCHED);
    assertThat(sandbox.transfers()).contains(receipt);
    assertThat(account.invoices().get(invoice.id()).status()).isEqualTo(InvoiceStatus.OPEN);
  }

  @Test
  void aTransferForAnInvoicePaidByCardIsRecordedNotSwallowed() {
    account.invoices().pay(invoice.id());

    TransferReceipt receipt = transfer(invoice.amountDue().minorUnits(), instructions.reference().value());

    assertThat(receipt.outcome()).isEqualTo(TransferReceipt.Outcome.ALREADY_PAID);
    assertThat(receipt.invoiceId()).isEqualTo(invoice.id().value());
    assertThat(sandbox.transfers()).contains(receipt);
  }

  @Test
  void theDownloadedPdfHasTheBankDetailsInItsLowerRightCorner(@TempDir Path folder) throws Exception {
    Path file = account.invoices().downloadPdf(invoice.id(), folder.resolve("invoice.pdf"));

    try (PDDocument document = Loader.loadPDF(file.toFile())) {
      PDPage page = document.getPage(0);
      float width = page.getMediaBox().getWidth();
      float height = page.getMediaBox().getHeight();
      PDFTextStripperByArea areas = new PDFTextStripperByArea();
      areas.addRegion("lowerRight", new Rectangle2D.Float(width / 2, height / 2, width / 2, height / 2));
      areas.addRegion("rest", new Rectangle2D.Float(0, 0, width, height / 2));
      areas.extractRegions(page);
      String lowerRight = areas.getTextForRegion("lowerRight").replaceAll("\\s+", " ");
      String upperHalf = areas.getTextForRegion("rest");

      assertThat(lowerRight).contains(instructions.iban().printable()).contains(instructions.bic().value())
          .contains(instructions.reference().printable());
      assertThat(upperHalf).contains("200001").contains(invoice.number()).contains("349.00");
    }
  }
}
