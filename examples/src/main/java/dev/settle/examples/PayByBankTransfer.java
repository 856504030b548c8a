package dev.settle.examples;

import dev.settle.AccountClient;
import dev.settle.SettleClient;
import dev.settle.banktransfer.BankTransfer;
import dev.settle.banktransfer.BankTransferInstructions;
import dev.settle.model.CustomerId;
import dev.settle.model.Invoice;
import dev.settle.model.InvoiceStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Pays an invoice by bank transfer: prints the transfer instructions, writes the EPC QR code a
 * banking app scans and the invoice PDF, has the sandbox receive the transfer, and shows the
 * invoice paid.
 *
 * <p>Run it with {@code mvn -q -pl examples -am package -DskipTests exec:java -Dexample=PayByBankTransfer};
 * the files go to {@code target/bank-transfer/} under the directory it runs in.
 */
public final class PayByBankTransfer {
  static final String CUSTOMER = "200001";

  private PayByBankTransfer() {}

  public static void main(String[] args) {
    try (Backend backend = Backend.fromEnvironment(System.out);
        SettleClient settle = backend.client()) {
      run(settle, backend.sandbox(), Path.of("target", "bank-transfer"), System.out);
    }
  }

  static Invoice run(SettleClient settle, SandboxControls sandbox, Path folder, PrintStream out) {
    AccountClient account = settle.account(CustomerId.of(CUSTOMER));
    Invoice invoice = account.invoices().list(q -> q.status(InvoiceStatus.OPEN)).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("Account " + CUSTOMER + " has no open invoice"));
    out.printf("Invoice %s: %s due by %s%n%n", invoice.number(), invoice.amountDue(), invoice.dueAt());

    BankTransferInstructions instructions = BankTransfer.of(account).instructions(invoice.id());
    out.println(instructions.toPrintable());
    out.println();

    Path qr = write(folder.resolve(invoice.number() + "-qr.png"), instructions.epcQrCode().png());
    Path pdf = account.invoices().downloadPdf(invoice.id(), folder.resolve(invoice.number() + ".pdf"));
    out.printf("EPC QR code for banking apps: %s%nInvoice PDF: %s%n%n", qr, pdf);

    SandboxControls.Transfer transfer =
        sandbox.receiveTransfer(instructions.amount(), instructions.reference().printable());
    out.printf("The bank received %s quoting %s; the sandbox reports it %s%n",
        transfer.amount(), transfer.reference(), transfer.describe());

    Invoice after = account.invoices().get(invoice.id());
    out.printf("Invoice %s is now %s; amount due %s%n", after.number(), after.status(), after.amountDue());
    return after;
  }

  private static Path write(Path file, byte[] content) {
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
