package dev.settle.internal.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.settle.model.Account;
import dev.settle.model.BankDetails;
import dev.settle.model.CustomerId;
import dev.settle.model.Invoice;
import dev.settle.model.InvoiceId;
import dev.settle.model.InvoiceLine;
import dev.settle.model.InvoiceStatus;
import dev.settle.model.License;
import dev.settle.model.LicenseId;
import dev.settle.model.LicenseStatus;
import dev.settle.model.Money;
import dev.settle.model.Payment;
import dev.settle.model.PaymentMethodId;
import dev.settle.model.PaymentStatus;
import dev.settle.model.Portal;
import dev.settle.model.WebhookEndpoint;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the public model from the wire records. Each model type is decoded as its wire record,
 * then mapped; a missing required field or a value outside the contract becomes a
 * {@link WireFormatException} naming the field.
 */
final class ModelAdapters implements JsonAdapter.Factory {

  @Override
  public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty()) {
      return null;
    }
    if (type == Instant.class) {
      return INSTANT.nullSafe();
    }
    if (type == Account.class) {
      return mapped(moshi, Wire.Account.class, ModelAdapters::account);
    }
    if (type == Invoice.class) {
      return mapped(moshi, Wire.Invoice.class, ModelAdapters::invoice);
    }
    if (type == Payment.class) {
      return mapped(moshi, Wire.Payment.class, ModelAdapters::payment);
    }
    if (type == License.class) {
      return mapped(moshi, Wire.License.class, ModelAdapters::license);
    }
    if (type == WebhookEndpoint.class) {
      return mapped(moshi, Wire.WebhookEndpoint.class, ModelAdapters::webhookEndpoint);
    }
    return null;
  }

  private static <W, M> JsonAdapter<M> mapped(
      Moshi moshi, Class<W> wireType, Function<W, M> mapping) {
    JsonAdapter<W> wire = moshi.adapter(wireType);
    return new JsonAdapter<M>() {
      @Override
      public M fromJson(JsonReader reader) throws IOException {
        W value = wire.fromJson(reader);
        return value == null ? null : mapping.apply(value);
      }

      @Override
      public void toJson(JsonWriter writer, M value) {
        throw new UnsupportedOperationException("Settle only reads " + wireType.getSimpleName());
      }
    }.nullSafe();
  }

  private static final JsonAdapter<Instant> INSTANT =
      new JsonAdapter<>() {
        @Override
        public Instant fromJson(JsonReader reader) throws IOException {
          String text = reader.nextString();
          try {
            return Instant.parse(text);
          } catch (DateTimeParseException e) {
            throw new WireFormatException("Not an RFC 3339 timestamp at " + reader.getPath(), e);
          }
        }

        @Override
        public void toJson(JsonWriter writer, Instant value) throws IOException {
          writer.value(value.toString());
        }
      };

  static Account account(Wire.Account w) {
    return Account.builder()
        .customerId(CustomerId.of(required(w.customerId(), "account.customer_id")))
        .portal(portal(required(w.portal(), "account.portal")))
        .name(required(w.name(), "account.name"))
        .email(w.email())
        .currency(currency(required(w.currency(), "account.currency")))
        .preferredPaymentMethod(w.preferredPaymentMethod())
        .createdAt(required(w.createdAt(), "account.created_at"))
        .build();
  }

  static Invoice invoice(Wire.Invoice w) {
    String currency = required(w.currency(), "invoice.currency");
    Invoice.Builder invoice =
        Invoice.builder()
            .id(InvoiceId.of(required(w.id(), "invoice.id")))
            .number(required(w.number(), "invoice.number"))
            .status(status(InvoiceStatus.class, required(w.status(), "invoice.status")))
            .total(money(required(w.total(), "invoice.total"), currency))
            .amountDue(money(required(w.amountDue(), "invoice.amount_due"), currency))
            .amountPaid(money(required(w.amountPaid(), "invoice.amount_paid"), currency))
            .issuedAt(required(w.issuedAt(), "invoice.issued_at"))
            .dueAt(required(w.dueAt(), "invoice.due_at"))
            .paidAt(w.paidAt())
            .payee(bankDetails(required(w.payee(), "invoice.payee")))
            .paymentReference(required(w.paymentReference(), "invoice.payment_reference"));
    for (Wire.InvoiceLine line : required(w.lines(), "invoice.lines")) {
      invoice.addLines(
          InvoiceLine.builder()
              .description(required(line.description(), "invoice.lines.description"))
              .amount(money(required(line.amount(), "invoice.lines.amount"), currency))
              .licenseId(line.licenseId() == null ? null : LicenseId.of(line.licenseId()))
              .build());
    }
    return invoice.build();
  }

  static Payment payment(Wire.Payment w) {
    Wire.NextAction next = w.nextAction();
    return Payment.builder()
        .id(required(w.id(), "payment.id"))
        .invoiceId(InvoiceId.of(required(w.invoiceId(), "payment.invoice_id")))
        .status(status(PaymentStatus.class, required(w.status(), "payment.status")))
        .amount(
            money(
                required(w.amount(), "payment.amount"),
                required(w.currency(), "payment.currency")))
        .paymentMethodId(
            w.paymentMethodId() == null ? null : PaymentMethodId.of(w.paymentMethodId()))
        .declineCode(w.declineCode())
        .failureMessage(w.failureMessage())
        .nextActionUrl(next == null ? null : uri(required(next.url(), "payment.next_action.url")))
        .createdAt(required(w.createdAt(), "payment.created_at"))
        .build();
  }

  static License license(Wire.License w) {
    return License.builder()
        .id(LicenseId.of(required(w.id(), "license.id")))
        .product(required(w.product(), "license.product"))
        .status(status(LicenseStatus.class, required(w.status(), "license.status")))
        .autoRenewal(required(w.autoRenewal(), "license.auto_renewal"))
        .warnings(w.warnings() == null ? List.of() : w.warnings())
        .price(
            money(
                required(w.price(), "license.price"),
                required(w.currency(), "license.currency")))
        .activatedAt(w.activatedAt())
        .renewsAt(w.renewsAt())
        .lastRenewalInvoiceId(
            w.lastRenewalInvoiceId() == null ? null : InvoiceId.of(w.lastRenewalInvoiceId()))
        .createdAt(required(w.createdAt(), "license.created_at"))
        .build();
  }

  static WebhookEndpoint webhookEndpoint(Wire.WebhookEndpoint w) {
    return WebhookEndpoint.builder()
        .id(required(w.id(), "webhook_endpoint.id"))
        .url(uri(required(w.url(), "webhook_endpoint.url")))
        .events(w.events() == null ? List.of() : w.events())
        .secret(w.secret())
        .createdAt(required(w.createdAt(), "webhook_endpoint.created_at"))
        .build();
  }

  private static BankDetails bankDetails(Wire.BankDetails w) {
    return BankDetails.of(
        required(w.name(), "payee.name"),
        required(w.iban(), "payee.iban"),
        required(w.bic(), "payee.bic"));
  }

  static <T> T required(T value, String field) {
    if (value == null) {
      throw new WireFormatException("Required field " + field + " is missing");
    }
    return value;
  }

  private static Portal portal(String value) {
    switch (value) {
      case "I":
        return Portal.I;
      case "II":
        return Portal.II;
      default:
        throw new WireFormatException("Unknown portal " + value);
    }
  }

  /** Statuses a newer server may add are read as {@code UNKNOWN}, never an error. */
  private static <E extends Enum<E>> E status(Class<E> type, String value) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Enum.valueOf(type, "UNKNOWN");
    }
  }

  private static Currency currency(String code) {
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new WireFormatException("Unknown currency " + code, e);
    }
  }

  private static Money money(long minorUnits, String currencyCode) {
    if (minorUnits < 0) {
      throw new WireFormatException("Negative amount");
    }
    return Money.ofMinor(minorUnits, currency(currencyCode));
  }

  private static URI uri(String value) {
    try {
      return URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new WireFormatException("Not a URL: " + value.length() + " characters", e);
    }
  }

  static Type pageOf(Type element) {
    return Types.newParameterizedTypeWithOwner(Wire.class, Wire.Page.class, element);
  }
}
