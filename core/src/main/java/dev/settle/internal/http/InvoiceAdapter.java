package dev.settle.internal.http;

import static dev.settle.internal.http.ModelAdapters.count;
import static dev.settle.internal.http.ModelAdapters.currency;
import static dev.settle.internal.http.ModelAdapters.instant;
import static dev.settle.internal.http.ModelAdapters.money;
import static dev.settle.internal.http.ModelAdapters.number;
import static dev.settle.internal.http.ModelAdapters.required;
import static dev.settle.internal.http.ModelAdapters.skipField;
import static dev.settle.internal.http.ModelAdapters.status;
import static dev.settle.internal.http.ModelAdapters.string;

import com.squareup.moshi.JsonReader;
import dev.settle.model.BankDetails;
import dev.settle.model.CustomerId;
import dev.settle.model.Invoice;
import dev.settle.model.InvoiceCollection;
import dev.settle.model.InvoiceId;
import dev.settle.model.InvoiceLine;
import dev.settle.model.InvoiceStatus;
import dev.settle.model.LicenseId;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads an invoice with its payee and lines. The lines' amounts are in the invoice's currency,
 * which the server may write after them, so lines are held as read until the end.
 */
final class InvoiceAdapter extends ModelAdapters.Answer<Invoice> {
  private static final JsonReader.Options FIELDS = JsonReader.Options.of(
      "id", "number", "status", "currency", "total", "amount_due", "amount_paid", "issued_at",
      "due_at", "paid_at", "payee", "payment_reference", "lines", "customer_id", "collection",
      "attempt_count", "next_payment_attempt");
  private static final JsonReader.Options PAYEE_FIELDS = JsonReader.Options.of("name", "iban", "bic");
  private static final JsonReader.Options LINE_FIELDS =
      JsonReader.Options.of("description", "amount", "license_id");

  @Override
  Invoice read(JsonReader reader, @Nullable String requestId) throws IOException {
    String id = null;
    String number = null;
    String status = null;
    String currencyCode = null;
    Long total = null;
    Long amountDue = null;
    Long amountPaid = null;
    Instant issuedAt = null;
    Instant dueAt = null;
    Instant paidAt = null;
    BankDetails payee = null;
    String paymentReference = null;
    List<Line> lines = null;
    String customerId = null;
    String collection = null;
    Long attemptCount = null;
    Instant nextPaymentAttempt = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(FIELDS)) {
        case 0 -> id = string(reader);
        case 1 -> number = string(reader);
        case 2 -> status = string(reader);
        case 3 -> currencyCode = string(reader);
        case 4 -> total = number(reader);
        case 5 -> amountDue = number(reader);
        case 6 -> amountPaid = number(reader);
        case 7 -> issuedAt = instant(reader);
        case 8 -> dueAt = instant(reader);
        case 9 -> paidAt = instant(reader);
        case 10 -> payee = payee(reader);
        case 11 -> paymentReference = string(reader);
        case 12 -> lines = lines(reader);
        case 13 -> customerId = string(reader);
        case 14 -> collection = string(reader);
        case 15 -> attemptCount = number(reader);
        case 16 -> nextPaymentAttempt = instant(reader);
        default -> skipField(reader);
      }
    }
    reader.endObject();
    Currency currency = currency(currencyCode, "invoice.currency");
    Invoice.Builder invoice =
        Invoice.builder()
            .id(InvoiceId.of(required(id, "invoice.id")))
            .customerId(CustomerId.of(required(customerId, "invoice.customer_id")))
            .number(required(number, "invoice.number"))
            .status(status(InvoiceStatus.class, required(status, "invoice.status")))
            .collection(status(InvoiceCollection.class, required(collection, "invoice.collection")))
            .attemptCount(count(required(attemptCount, "invoice.attempt_count"), "invoice.attempt_count"))
            .nextPaymentAttempt(nextPaymentAttempt)
            .total(money(required(total, "invoice.total"), currency))
            .amountDue(money(required(amountDue, "invoice.amount_due"), currency))
            .amountPaid(money(required(amountPaid, "invoice.amount_paid"), currency))
            .issuedAt(required(issuedAt, "invoice.issued_at"))
            .dueAt(required(dueAt, "invoice.due_at"))
            .paidAt(paidAt)
            .payee(required(payee, "invoice.payee"))
            .paymentReference(required(paymentReference, "invoice.payment_reference"));
    for (Line line : required(lines, "invoice.lines")) {
      invoice.addLines(
          InvoiceLine.builder()
              .description(required(line.description, "invoice.lines.description"))
              .amount(money(required(line.amount, "invoice.lines.amount"), currency))
              .licenseId(line.licenseId == null ? null : LicenseId.of(line.licenseId))
              .build());
    }
    return invoice.requestId(requestId).build();
  }

  private static BankDetails payee(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    String name = null;
    String iban = null;
    String bic = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(PAYEE_FIELDS)) {
        case 0 -> name = string(reader);
        case 1 -> iban = string(reader);
        case 2 -> bic = string(reader);
        default -> skipField(reader);
      }
    }
    reader.endObject();
    return BankDetails.of(
        required(name, "payee.name"), required(iban, "payee.iban"), required(bic, "payee.bic"));
  }

  private static List<Line> lines(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    List<Line> lines = new ArrayList<>();
    reader.beginArray();
    while (reader.hasNext()) {
      if (reader.peek() == JsonReader.Token.NULL) {
        throw new WireFormatException("An invoice line is null at " + reader.getPath());
      }
      Line line = new Line();
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(LINE_FIELDS)) {
          case 0 -> line.description = string(reader);
          case 1 -> line.amount = number(reader);
          case 2 -> line.licenseId = string(reader);
          default -> skipField(reader);
        }
      }
      reader.endObject();
      lines.add(line);
    }
    reader.endArray();
    return lines;
  }

  /** A line as read, before the invoice's currency is known. */
  private static final class Line {
    String description;
    Long amount;
    String licenseId;
  }

  @Override
  public String toString() {
    return "Invoice";
  }
}
