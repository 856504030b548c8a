package dev.settle.internal.http;

import static dev.settle.internal.http.ModelAdapters.currency;
import static dev.settle.internal.http.ModelAdapters.instant;
import static dev.settle.internal.http.ModelAdapters.money;
import static dev.settle.internal.http.ModelAdapters.number;
import static dev.settle.internal.http.ModelAdapters.required;
import static dev.settle.internal.http.ModelAdapters.skipField;
import static dev.settle.internal.http.ModelAdapters.status;
import static dev.settle.internal.http.ModelAdapters.string;

import com.squareup.moshi.JsonReader;
import dev.settle.model.InvoiceId;
import dev.settle.model.Payment;
import dev.settle.model.PaymentId;
import dev.settle.model.PaymentMethodId;
import dev.settle.model.PaymentStatus;
import dev.settle.spi.StrictJson;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Reads a payment; of its next action only the URL the customer must visit is kept. */
final class PaymentAdapter extends ModelAdapters.Answer<Payment> {
  private static final JsonReader.Options FIELDS = JsonReader.Options.of(
      "id", "invoice_id", "status", "amount", "currency", "payment_method_id", "decline_code",
      "failure_message", "next_action", "created_at");
  private static final JsonReader.Options NEXT_ACTION_FIELDS = JsonReader.Options.of("url");

  @Override
  Payment read(JsonReader reader, @Nullable String requestId) throws IOException {
    String id = null;
    String invoiceId = null;
    String status = null;
    Long amount = null;
    String currency = null;
    String paymentMethodId = null;
    String declineCode = null;
    String failureMessage = null;
    URI nextActionUrl = null;
    Instant createdAt = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(FIELDS)) {
        case 0 -> id = string(reader);
        case 1 -> invoiceId = string(reader);
        case 2 -> status = string(reader);
        case 3 -> amount = number(reader);
        case 4 -> currency = string(reader);
        case 5 -> paymentMethodId = string(reader);
        case 6 -> declineCode = string(reader);
        case 7 -> failureMessage = string(reader);
        case 8 -> nextActionUrl = nextActionUrl(reader);
        case 9 -> createdAt = instant(reader);
        default -> skipField(reader);
      }
    }
    reader.endObject();
    return Payment.builder()
        .id(PaymentId.of(required(id, "payment.id")))
        .invoiceId(InvoiceId.of(required(invoiceId, "payment.invoice_id")))
        .status(status(PaymentStatus.class, required(status, "payment.status")))
        .amount(money(required(amount, "payment.amount"), currency(currency, "payment.currency")))
        .paymentMethodId(paymentMethodId == null ? null : PaymentMethodId.of(paymentMethodId))
        .declineCode(declineCode)
        .failureMessage(failureMessage)
        .nextActionUrl(nextActionUrl)
        .createdAt(required(createdAt, "payment.created_at"))
        .requestId(requestId)
        .build();
  }

  /**
   * The URL of a next action, null when there is none: the customer's browser is sent there, so
   * it is held to what a card setup's page is.
   */
  private static URI nextActionUrl(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    URI url = null;
    reader.beginObject();
    while (reader.hasNext()) {
      if (reader.selectName(NEXT_ACTION_FIELDS) == 0) {
        url = StrictJson.browserUrl(reader);
      } else {
        skipField(reader);
      }
    }
    reader.endObject();
    return required(url, "payment.next_action.url");
  }

  @Override
  public String toString() {
    return "Payment";
  }
}
