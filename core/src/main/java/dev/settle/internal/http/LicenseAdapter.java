package dev.settle.internal.http;

import static dev.settle.internal.http.ModelAdapters.bool;
import static dev.settle.internal.http.ModelAdapters.currency;
import static dev.settle.internal.http.ModelAdapters.instant;
import static dev.settle.internal.http.ModelAdapters.money;
import static dev.settle.internal.http.ModelAdapters.number;
import static dev.settle.internal.http.ModelAdapters.required;
import static dev.settle.internal.http.ModelAdapters.skipField;
import static dev.settle.internal.http.ModelAdapters.status;
import static dev.settle.internal.http.ModelAdapters.string;
import static dev.settle.internal.http.ModelAdapters.strings;

import com.squareup.moshi.JsonReader;
import dev.settle.model.CustomerId;
import dev.settle.model.InvoiceId;
import dev.settle.model.License;
import dev.settle.model.LicenseId;
import dev.settle.model.LicenseStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads a license; absent warnings are none. */
final class LicenseAdapter extends ModelAdapters.Answer<License> {
  private static final JsonReader.Options FIELDS = JsonReader.Options.of(
      "id", "product", "status", "auto_renewal", "warnings", "price", "currency", "activated_at",
      "renews_at", "last_renewal_invoice_id", "created_at", "customer_id");

  @Override
  License read(JsonReader reader, @Nullable String requestId) throws IOException {
    String id = null;
    String product = null;
    String status = null;
    Boolean autoRenewal = null;
    List<String> warnings = null;
    Long price = null;
    String currency = null;
    Instant activatedAt = null;
    Instant renewsAt = null;
    String lastRenewalInvoiceId = null;
    Instant createdAt = null;
    String customerId = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(FIELDS)) {
        case 0 -> id = string(reader);
        case 1 -> product = string(reader);
        case 2 -> status = string(reader);
        case 3 -> autoRenewal = bool(reader);
        case 4 -> warnings = strings(reader);
        case 5 -> price = number(reader);
        case 6 -> currency = string(reader);
        case 7 -> activatedAt = instant(reader);
        case 8 -> renewsAt = instant(reader);
        case 9 -> lastRenewalInvoiceId = string(reader);
        case 10 -> createdAt = instant(reader);
        case 11 -> customerId = string(reader);
        default -> skipField(reader);
      }
    }
    reader.endObject();
    return License.builder()
        .id(LicenseId.of(required(id, "license.id")))
        .customerId(CustomerId.of(required(customerId, "license.customer_id")))
        .product(required(product, "license.product"))
        .status(status(LicenseStatus.class, required(status, "license.status")))
        .autoRenewal(required(autoRenewal, "license.auto_renewal"))
        .warnings(warnings == null ? List.of() : warnings)
        .price(money(required(price, "license.price"), currency(currency, "license.currency")))
        .activatedAt(activatedAt)
        .renewsAt(renewsAt)
        .lastRenewalInvoiceId(lastRenewalInvoiceId == null ? null : InvoiceId.of(lastRenewalInvoiceId))
        .createdAt(required(createdAt, "license.created_at"))
        .requestId(requestId)
        .build();
  }

  @Override
  public String toString() {
    return "License";
  }
}
