package dev.settle.internal.http;

import static dev.settle.internal.http.ModelAdapters.currency;
import static dev.settle.internal.http.ModelAdapters.instant;
import static dev.settle.internal.http.ModelAdapters.required;
import static dev.settle.internal.http.ModelAdapters.string;
import static dev.settle.internal.http.ModelAdapters.strings;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import dev.settle.model.Account;
import dev.settle.model.CustomerId;
import dev.settle.model.PaymentMethod;
import dev.settle.model.Portal;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads an account; its preferred method goes to the payment method adapter. */
final class AccountAdapter extends ModelAdapters.Answer<Account> {
  private static final JsonReader.Options FIELDS = JsonReader.Options.of(
      "customer_id", "portal", "name", "email", "currency", "preferred_payment_method", "created_at",
      "accepted_payment_methods", "preferable_payment_methods");

  private final JsonAdapter<PaymentMethod> paymentMethods;

  AccountAdapter(JsonAdapter<PaymentMethod> paymentMethods) {
    this.paymentMethods = paymentMethods;
  }

  @Override
  Account read(JsonReader reader, @Nullable String requestId) throws IOException {
    String customerId = null;
    String portal = null;
    String name = null;
    String email = null;
    String currency = null;
    PaymentMethod preferred = null;
    Instant createdAt = null;
    List<String> accepted = null;
    List<String> preferable = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(FIELDS)) {
        case 0 -> customerId = string(reader);
        case 1 -> portal = string(reader);
        case 2 -> name = string(reader);
        case 3 -> email = string(reader);
        case 4 -> currency = string(reader);
        case 5 -> preferred = paymentMethods.fromJson(reader);
        case 6 -> createdAt = instant(reader);
        case 7 -> accepted = strings(reader);
        case 8 -> preferable = strings(reader);
        default -> ModelAdapters.skipField(reader);
      }
    }
    reader.endObject();
    return Account.builder()
        .customerId(CustomerId.of(required(customerId, "account.customer_id")))
        .portal(portal(required(portal, "account.portal")))
        .name(required(name, "account.name"))
        .email(email)
        .currency(currency(currency, "account.currency"))
        .preferredPaymentMethod(preferred)
        .acceptedPaymentMethods(required(accepted, "account.accepted_payment_methods"))
        .preferablePaymentMethods(required(preferable, "account.preferable_payment_methods"))
        .createdAt(required(createdAt, "account.created_at"))
        .requestId(requestId)
        .build();
  }

  private static Portal portal(String value) {
    return switch (value) {
      case "I" -> Portal.I;
      case "II" -> Portal.II;
      default -> throw new WireFormatException("Unknown portal " + value);
    };
  }

  @Override
  public String toString() {
    return "Account";
  }
}
