package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;

/**
 * {@code GET …/invoices/{invoice_id}/pdf}, read back with PDFBox: the bank details must be in
 * the lower right quarter of the page, where the vendor's help pages send customers, and only
 * there; the rest of the invoice elsewhere.
 */
class InvoicePdfTest extends SandboxTestCase {
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private static final String NORDLICHT_D = "/v1/accounts/200001/invoices/in_demo200001d";

  @Test
  void bankDetailsAreInTheLowerRightQuarterAndTheInvoiceAboveThem() throws IOException {
    HttpResponse<byte[]> response = fetch(NORDLICHT_D + "/pdf");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(response.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"INV-2026-0006.pdf\"");
    assertThat(response.headers().firstValue("Request-Id")).hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
    assertThat(new String(response.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

    Regions page = Regions.of(response.body());

    assertThat(page.pageCount).isEqualTo(1);
    assertThat(page.width).isEqualTo(PDRectangle.A4.getWidth());
    assertThat(page.height).isEqualTo(PDRectangle.A4.getHeight());
    assertThat(page.lowerRight)
        .contains("Bank transfer")
        .contains("Settle Sandbox Software GmbH")
        .contains("DE89 3704 0044 0532 0130 00")
        .contains("COBADEFFXXX")
        .contains("RF75 INV2 0260 006")
        .contains("EUR 349.00");
    for (String elsewhere : new String[] {page.upperHalf, page.lowerLeft}) {
      assertThat(elsewhere)
          .doesNotContain("DE89 3704")
          .doesNotContain("COBADEFFXXX")
          .doesNotContain("RF75");
    }
    assertThat(page.upperHalf)
        .contains("Settle Sandbox Software GmbH")
        .contains("INVOICE")
        .contains("Nordlicht Studio GmbH")
        .contains("finance@nordlicht.example")
        .containsPattern("Customer number\\s+200001")
        .containsPattern("Invoice number\\s+INV-2026-0006")
        .containsPattern("Issue date\\s+2026-11-23")
        .containsPattern("Due date\\s+2026-12-23")
        .containsPattern("Status\\s+Open")
        .containsPattern("Five additional seats\\s+EUR 99.00")
        .containsPattern("Onboarding workshop\\s+EUR 250.00")
        .containsPattern("Total\\s+EUR 349.00")
        .containsPattern("Amount paid\\s+EUR 0.00")
        .containsPattern("Amount due\\s+EUR 349.00");
  }

  @Test
  void answerConformsToTheContract() {
    // The JSON-minded helper reads the body as text; the contract check needs status and type only.
    Reply reply = http.get(NORDLICHT_D + "/pdf");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).isEqualTo("application/pdf");
  }

  @Test
  void paidInvoiceSaysWhenAndThatNothingIsDue() throws IOException {
    Regions page = Regions.of(fetch("/v1/accounts/200001/invoices/in_demo200001a/pdf").body());

    assertThat(page.upperHalf)
        .containsPattern("Status\\s+Paid on 2026-08-24")
        .containsPattern("Total\\s+EUR 499.00")
        .containsPattern("Amount paid\\s+EUR 499.00")
        .containsPattern("Amount due\\s+EUR 0.00");
    assertThat(page.lowerRight).contains("DE89 3704 0044 0532 0130 00").contains("EUR 0.00");
  }

  @Test
  void partlyPaidInvoiceShowsWhatIsStillDue() throws IOException {
    sandbox.receiveTransfer(20000, "EUR", "RF75INV20260006");

    Regions page = Regions.of(fetch(NORDLICHT_D + "/pdf").body());

    assertThat(page.upperHalf)
        .containsPattern("Status\\s+Partially paid")
        .containsPattern("Amount paid\\s+EUR 200.00")
        .containsPattern("Amount due\\s+EUR 149.00");
    assertThat(page.lowerRight).contains("EUR 149.00");
  }

  @Test
  void currencyWithoutMinorDigitsIsPrintedWithout() throws IOException {
    Regions page = Regions.of(fetch("/v1/accounts/300001/invoices/in_demo300001a/pdf").body());

    assertThat(page.upperHalf).containsPattern("Total\\s+JPY 59,800").contains("Sakura Kogyo K.K.");
    assertThat(page.lowerRight).contains("JPY 59,800").contains("RF");
  }

  @Test
  void textHelveticaCannotShowIsReplacedAndLongDescriptionsWrap() throws IOException {
    String customerId = sandbox.createAccount(SettleSandbox.Portal.II, "株式会社 Sakura Test", "EUR");
    String description = "Settle Enterprise (annual) for the design, finance and operations teams of every "
        + "subsidiary, with priority support and an onboarding workshop for up to forty people, ending here";
    String invoiceId = sandbox.createInvoice(customerId, 1_234_567, description);

    HttpResponse<byte[]> response = fetch("/v1/accounts/" + customerId + "/invoices/" + invoiceId + "/pdf");

    assertThat(response.statusCode()).isEqualTo(200);
    Regions page = Regions.of(response.body());
    assertThat(page.upperHalf)
        .contains("???? Sakura Test")
        .contains("Settle Enterprise (annual)")
        .contains("ending here")
        .containsPattern("Customer number\\s+" + customerId)
        .containsPattern("Total\\s+EUR 12,345.67");
    assertThat(page.lowerRight).doesNotContain("ending here");
  }

  @Test
  void unknownOrForeignInvoiceIsNotFound() {
    for (String path : new String[] {"/v1/accounts/200001/invoices/in_nothing/pdf",
        "/v1/accounts/200001/invoices/in_demo100001a/pdf"}) {
      Reply reply = http.get(path);

      assertThat(reply.status()).as(path).isEqualTo(404);
      assertThat(reply.header("Content-Type")).isEqualTo("application/json");
      assertThat(reply.string("error.param")).isEqualTo("invoice_id");
    }
    assertThat(http.get("/v1/accounts/999999/invoices/in_demo200001d/pdf").string("error.param"))
        .isEqualTo("customer_id");
  }

  @Test
  void needsTheApiKey() {
    Reply reply = http.send("GET", NORDLICHT_D + "/pdf", null, new java.util.HashMap<>());

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.string("error.code")).isEqualTo("invalid_api_key");
  }

  @Test
  void formatsMoneyAndGroups() {
    assertThat(Views.money(0, "EUR")).isEqualTo("EUR 0.00");
    assertThat(Views.money(5, "EUR")).isEqualTo("EUR 0.05");
    assertThat(Views.money(123456789, "EUR")).isEqualTo("EUR 1,234,567.89");
    assertThat(Views.money(59800, "JPY")).isEqualTo("JPY 59,800");
    assertThat(Views.money(1234, "KWD")).isEqualTo("KWD 1.234");
    assertThat(InvoicePdf.groupsOfFour("DE89370400440532013000")).isEqualTo("DE89 3704 0044 0532 0130 00");
    assertThat(InvoicePdf.groupsOfFour("RF75INV20260006")).isEqualTo("RF75 INV2 0260 006");
    assertThat(InvoicePdf.groupsOfFour("RF18")).isEqualTo("RF18");
  }

  @Test
  void documentIsTitledAfterTheInvoice() throws IOException {
    try (PDDocument document = Loader.loadPDF(fetch(NORDLICHT_D + "/pdf").body())) {
      assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Invoice INV-2026-0006");
      assertThat(document.getDocumentInformation().getCreationDate().toInstant())
          .isEqualTo(Instant.parse("2026-11-23T09:30:00Z"));
    }
  }

  static HttpResponse<byte[]> fetch(String path) {
    HttpRequest request = HttpRequest.newBuilder(sandbox.baseUrl().resolve(path.substring(1)))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + sandbox.apiKey())
        .GET()
        .build();
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The text of the first page's quarters, as PDFBox reads it back. */
  static final class Regions {
    final int pageCount;
    final float width;
    final float height;
    final String upperHalf;
    final String lowerLeft;
    final String lowerRight;

    private Regions(int pageCount, float width, float height, String upperHalf, String lowerLeft, String lowerRight) {
      this.pageCount = pageCount;
      this.width = width;
      this.height = height;
      this.upperHalf = upperHalf;
      this.lowerLeft = lowerLeft;
      this.lowerRight = lowerRight;
    }

    static Regions of(byte[] pdf) throws IOException {
      try (PDDocument document = Loader.loadPDF(pdf)) {
        PDPage page = document.getPage(0);
        float width = page.getMediaBox().getWidth();
        float height = page.getMediaBox().getHeight();
        PDFTextStripperByArea stripper = new PDFTextStripperByArea();
        stripper.setSortByPosition(true);
        // Text coordinates here run from the top left, y downwards.
        stripper.addRegion("upperHalf", new Rectangle2D.Float(0, 0, width, height / 2));
        stripper.addRegion("lowerLeft", new Rectangle2D.Float(0, height / 2, width / 2, height / 2));
        stripper.addRegion("lowerRight", new Rectangle2D.Float(width / 2, height / 2, width / 2, height / 2));
        stripper.extractRegions(page);
        return new Regions(document.getNumberOfPages(), width, height, stripper.getTextForRegion("upperHalf"),
            stripper.getTextForRegion("lowerLeft"), stripper.getTextForRegion("lowerRight"));
      }
    }
  }
}
