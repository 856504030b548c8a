package dev.settle.sandbox;

import dev.settle.sandbox.Model.Account;
import dev.settle.sandbox.Model.Invoice;
import dev.settle.sandbox.Model.InvoiceLine;
import dev.settle.sandbox.Model.InvoiceStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * An invoice as a one-page A4 PDF, laid out as a vendor's invoice is: vendor and invoice number
 * on top, the customer with their customer number, issue and due dates, a table of lines,
 * total, amount paid and amount due, and the payee's bank details (IBAN and reference in groups
 * of four) in a box in the lower right corner, where the vendor's help pages tell customers to
 * look for them.
 *
 * <p>A snapshot of the invoice, taken under the billing state's lock; {@link #render()} lays it
 * out outside it. Helvetica, one of the PDF standard 14 fonts, needs no font file; characters it
 * cannot encode are printed as {@code ?}.
 */
record InvoicePdf(String customerId, String customerName, String customerEmail, String number, String status,
    String currency, List<InvoiceLine> lines, long total, long amountPaid, long amountDue, Instant issuedAt,
    Instant dueAt, String paymentReference, String payeeName, String iban, String bic) {

  static final String CONTENT_TYPE = "application/pdf";

  private static final float LEFT = 50;
  private static final float RIGHT = PDRectangle.A4.getWidth() - 50;
  private static final float LABELS = 340;
  /** The bank-details box: inside the lower right quarter of the page. */
  private static final float BOX_LEFT = 315;
  private static final float BOX_BOTTOM = 70;
  private static final float BOX_TOP = 205;
  /** Table rows stop here, well above the box, so that the totals never run into it. */
  private static final float LOWEST_ROW = 300;

  static InvoicePdf of(Account account, Invoice invoice) {
    Map<String, Object> payee = Views.PAYEE;
    return new InvoicePdf(account.customerId, account.name, account.email, invoice.number, status(invoice),
        invoice.currency, invoice.lines, invoice.total, invoice.amountPaid, invoice.amountDue(), invoice.issuedAt,
        invoice.dueAt, invoice.paymentReference, (String) payee.get("name"), (String) payee.get("iban"),
        (String) payee.get("bic"));
  }

  private static String status(Invoice invoice) {
    if (invoice.status == InvoiceStatus.PAID) {
      return "Paid on " + Views.date(invoice.paidAt);
    }
    if (invoice.status == InvoiceStatus.OPEN && invoice.amountPaid > 0) {
      return "Partially paid";
    }
    String name = invoice.status.wireName();
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** The answer to {@code GET …/invoices/{invoice_id}/pdf}. */
  Response response() {
    return new Response(200, CONTENT_TYPE, render(), Map.of(
        "Content-Disposition", "inline; filename=\"" + number + ".pdf\""), null);
  }

  byte[] render() {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle("Invoice " + number);
      info.setAuthor(payeeName);
      info.setProducer("Settle sandbox");
      info.setCreationDate(calendar(issuedAt));
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        new Writer(content).draw(this);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot lay out invoice " + number, e);
    }
  }

  /** Draws on one page; y counts up from the bottom of the page, as in PDF. */
  private static final class Writer {
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDPageContentStream content;

    Writer(PDPageContentStream content) {
      this.content = content;
    }

    void draw(InvoicePdf pdf) throws IOException {
      text(bold, 16, LEFT, 790, pdf.payeeName);
      textRight(bold, 20, RIGHT, 790, "INVOICE");
      rule(LEFT, RIGHT, 775, 1f);

      text(bold, 9, LEFT, 745, "Bill to");
      text(regular, 11, LEFT, 730, pdf.customerName);
      if (pdf.customerEmail != null) {
        text(regular, 9, LEFT, 716, pdf.customerEmail);
      }
      float y = 745;
      String[][] facts = {
          {"Invoice number", pdf.number},
          {"Customer number", pdf.customerId},
          {"Issue date", Views.date(pdf.issuedAt)},
          {"Due date", Views.date(pdf.dueAt)},
          {"Status", pdf.status}};
      for (String[] fact : facts) {
        text(bold, 9, LABELS, y, fact[0]);
        textRight(regular, 9, RIGHT, y, fact[1]);
        y -= 14;
      }

      y = 655;
      text(bold, 9, LEFT, y, "Description");
      textRight(bold, 9, RIGHT, y, "Amount");
      rule(LEFT, RIGHT, y - 6, 0.75f);
      y -= 22;
      for (int i = 0; i < pdf.lines.size(); i++) {
        InvoiceLine line = pdf.lines.get(i);
        List<String> wrapped = wrap(regular, 10, line.description(), LABELS - LEFT + 60);
        if (y - 14 * (wrapped.size() - 1) < LOWEST_ROW) {
          int left = pdf.lines.size() - i;
          text(regular, 10, LEFT, y, "... and " + left + " more line" + (left == 1 ? "" : "s")
              + ", listed in the invoice's API answer");
          y -= 16;
          break;
        }
        textRight(regular, 10, RIGHT, y, Views.money(line.amount(), pdf.currency));
        for (String part : wrapped) {
          text(regular, 10, LEFT, y, part);
          y -= 14;
        }
        y -= 2;
      }
      rule(LABELS, RIGHT, y + 6, 0.75f);
      y -= 12;
      text(regular, 10, LABELS, y, "Total");
      textRight(regular, 10, RIGHT, y, Views.money(pdf.total, pdf.currency));
      y -= 16;
      text(regular, 10, LABELS, y, "Amount paid");
      textRight(regular, 10, RIGHT, y, Views.money(pdf.amountPaid, pdf.currency));
      y -= 18;
      text(bold, 11, LABELS, y, "Amount due");
      textRight(bold, 11, RIGHT, y, Views.money(pdf.amountDue, pdf.currency));

      drawBankDetails(pdf);
      text(regular, 7, LEFT, 40, "Sandbox document: no money is owed.");
    }

    /** The payee's bank details, boxed in the lower right corner. */
    private void drawBankDetails(InvoicePdf pdf) throws IOException {
      content.setLineWidth(0.75f);
      content.addRect(BOX_LEFT, BOX_BOTTOM, RIGHT - BOX_LEFT, BOX_TOP - BOX_BOTTOM);
      content.stroke();
      float x = BOX_LEFT + 10;
      float values = BOX_LEFT + 62;
      float y = BOX_TOP - 20;
      text(bold, 11, x, y, "Bank transfer");
      y -= 20;
      String[][] details = {
          {"Payee", pdf.payeeName},
          {"IBAN", groupsOfFour(pdf.iban)},
          {"BIC", pdf.bic},
          {"Reference", groupsOfFour(pdf.paymentReference)},
          {"Amount", Views.money(pdf.amountDue, pdf.currency)}};
      for (String[] detail : details) {
        text(bold, 9, x, y, detail[0]);
        text(regular, 9, values, y, detail[1]);
        y -= 15;
      }
      text(regular, 7, x, BOX_BOTTOM + 10, "Quote the reference, so that the payment is matched.");
    }

    private void text(PDType1Font font, float size, float x, float y, String text) throws IOException {
      content.beginText();
      content.setFont(font, size);
      content.newLineAtOffset(x, y);
      content.showText(encodable(font, text));
      content.endText();
    }

    private void textRight(PDType1Font font, float size, float right, float y, String text) throws IOException {
      String shown = encodable(font, text);
      text(font, size, right - width(font, size, shown), y, shown);
    }

    private void rule(float from, float to, float y, float width) throws IOException {
      content.setLineWidth(width);
      content.moveTo(from, y);
      content.lineTo(to, y);
      content.stroke();
    }
  }

  /** Breaks text into lines no wider than {@code width}, at spaces where it can. */
  static List<String> wrap(PDType1Font font, float size, String text, float width) throws IOException {
    String shown = encodable(font, text);
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : shown.split(" ")) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (width(font, size, candidate) <= width) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      if (line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
      }
      // A word wider than the column on its own is cut where it has to be.
      while (width(font, size, word) > width) {
        int cut = word.length() - 1;
        while (cut > 1 && width(font, size, word.substring(0, cut)) > width) {
          cut--;
        }
        lines.add(word.substring(0, cut));
        word = word.substring(cut);
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  private static float width(PDType1Font font, float size, String text) throws IOException {
    return font.getStringWidth(text) / 1000 * size;
  }

  /** The text with what Helvetica's encoding lacks (most non-Latin scripts) as {@code ?}. */
  static String encodable(PDType1Font font, String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(codePoint -> {
      String character = Character.isISOControl(codePoint) ? " " : new String(Character.toChars(codePoint));
      try {
        font.encode(character);
        out.append(character);
      } catch (IllegalArgumentException | IOException e) {
        out.append('?');
      }
    });
    return out.toString();
  }

  /** {@code DE89370400440532013000} as people read it: {@code DE89 3704 0044 0532 0130 00}. */
  static String groupsOfFour(String compact) {
    return compact.replaceAll("(.{4})(?!$)", "$1 ");
  }



  private static Calendar calendar(Instant instant) {
    GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
    calendar.setTimeInMillis(instant.toEpochMilli());
    return calendar;
  }
}
