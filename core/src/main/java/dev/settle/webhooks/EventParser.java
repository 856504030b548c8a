package dev.settle.webhooks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.settle.exception.ValidationException;
import dev.settle.exception.WebhookVerificationException.Reason;
import dev.settle.exception.WebhookVerificationException;
import dev.settle.model.CustomerId;
import dev.settle.model.InvoiceId;
import dev.settle.model.LicenseId;
import dev.settle.model.Money;
import dev.settle.model.PaymentMethodId;
import dev.settle.model.WebhookEventType;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import okio.Buffer;

/**
 * Reads a verified body as a {@link WebhookEvent}: the envelope first, then, for a type Settle
 * knows, its {@code data} as that type's wire record, mapped to the public class. Anything that is
 * not an event becomes {@link Reason#INVALID_PAYLOAD} naming the field; an unknown type is an
 * {@link UnknownEvent}, never an error.
 */
final class EventParser {
  private static final Moshi MOSHI = new Moshi.Builder().build();
  private static final JsonAdapter<EventWire.Envelope> ENVELOPE = MOSHI.adapter(EventWire.Envelope.class);
  private static final JsonAdapter<EventWire.Typed<EventWire.InvoicePaid>> INVOICE_PAID =
      typed(EventWire.InvoicePaid.class);
  private static final JsonAdapter<EventWire.Typed<EventWire.InvoicePaymentFailed>> INVOICE_PAYMENT_FAILED =
      typed(EventWire.InvoicePaymentFailed.class);
  private static final JsonAdapter<EventWire.Typed<EventWire.InvoicePaymentActionRequired>>
      INVOICE_PAYMENT_ACTION_REQUIRED = typed(EventWire.InvoicePaymentActionRequired.class);
  private static final JsonAdapter<EventWire.Typed<EventWire.LicenseSuspended>> LICENSE_SUSPENDED =
      typed(EventWire.LicenseSuspended.class);
  private static final JsonAdapter<EventWire.Typed<EventWire.PaymentMethodExpiring>> PAYMENT_METHOD_EXPIRING =
      typed(EventWire.PaymentMethodExpiring.class);
  private static final JsonAdapter<EventWire.Typed<EventWire.PaymentMethodUpdated>> PAYMENT_METHOD_UPDATED =
      typed(EventWire.PaymentMethodUpdated.class);
  private static final JsonAdapter<EventWire.Typed<EventWire.LicenseRenewed>> LICENSE_RENEWED =
      typed(EventWire.LicenseRenewed.class);
  private static final JsonAdapter<EventWire.Typed<EventWire.LicenseRenewalFailed>> LICENSE_RENEWAL_FAILED =
      typed(EventWire.LicenseRenewalFailed.class);

  private EventParser() {}

  /**
   * The event in {@code body}.
   *
   * @throws WebhookVerificationException ({@link Reason#INVALID_PAYLOAD}) when it is not one
   */
  static WebhookEvent parse(byte[] body) {
    try {
      EventWire.Envelope envelope = ENVELOPE.fromJson(new Buffer().write(body));
      if (envelope == null) {
        throw invalid("The body is null, not an event");
      }
      String id = required(envelope.id(), "id");
      String typeName = required(envelope.type(), "type");
      Instant createdAt = instant(required(envelope.createdAt(), "created_at"), "created_at");
      if (!(required(envelope.data(), "data") instanceof Map)) {
        throw invalid("The event's data is not an object");
      }
      Header header = new Header(id, createdAt, rawData((Map<?, ?>) envelope.data()));
      switch (WebhookEventType.of(typeName)) {
        case INVOICE_PAID:
          return invoicePaid(header, read(INVOICE_PAID, body));
        case INVOICE_PAYMENT_FAILED:
          return invoicePaymentFailed(header, read(INVOICE_PAYMENT_FAILED, body));
        case INVOICE_PAYMENT_ACTION_REQUIRED:
          return invoicePaymentActionRequired(header, read(INVOICE_PAYMENT_ACTION_REQUIRED, body));
        case PAYMENT_METHOD_EXPIRING:
          return paymentMethodExpiring(header, read(PAYMENT_METHOD_EXPIRING, body));
        case PAYMENT_METHOD_UPDATED:
          return paymentMethodUpdated(header, read(PAYMENT_METHOD_UPDATED, body));
        case LICENSE_RENEWED:
          return licenseRenewed(header, read(LICENSE_RENEWED, body));
        case LICENSE_RENEWAL_FAILED:
          return licenseRenewalFailed(header, read(LICENSE_RENEWAL_FAILED, body));
        case LICENSE_SUSPENDED:
          return licenseSuspended(header, read(LICENSE_SUSPENDED, body));
        case LICENSE_REACTIVATED:
          return licenseReactivated(header, read(LICENSE_RENEWED, body));
        default:
          return UnknownEvent.builder().id(id).typeName(typeName).createdAt(createdAt).data(header.data()).build();
      }
    } catch (IOException | JsonDataException e) {
      // Moshi's messages name the JSON path and the token found; the body holds no secret.
      throw new WebhookVerificationException(
          Reason.INVALID_PAYLOAD, "The body is not a webhook event: " + e.getMessage(), e);
    }
  }

  private static InvoicePaid invoicePaid(Header header, EventWire.InvoicePaid w) {
    return header.on(InvoicePaid.builder(), w.customerId())
        .invoiceId(requiredId(InvoiceId::of, w.invoiceId(), "data.invoice_id"))
        .paymentId(w.paymentId())
        .amount(money(w.amount(), w.currency()))
        .paymentMethodId(
            w.paymentMethodId() == null
                ? null
                : parsed(PaymentMethodId::of, w.paymentMethodId(), "data.payment_method_id"))
        .paidAt(instant(required(w.paidAt(), "data.paid_at"), "data.paid_at"))
        .build();
  }

  private static InvoicePaymentFailed invoicePaymentFailed(
      Header header, EventWire.InvoicePaymentFailed w) {
    return header.on(InvoicePaymentFailed.builder(), w.customerId())
        .invoiceId(requiredId(InvoiceId::of, w.invoiceId(), "data.invoice_id"))
        .paymentId(required(w.paymentId(), "data.payment_id"))
        .amount(money(w.amount(), w.currency()))
        .paymentMethodId(
            requiredId(PaymentMethodId::of, w.paymentMethodId(), "data.payment_method_id"))
        .failureCode(required(w.failureCode(), "data.failure_code"))
        .declineCode(w.declineCode())
        .failureMessage(w.failureMessage())
        .dunning(w.dunning() == null ? null : dunning(w.dunning()))
        .build();
  }

  private static Dunning dunning(EventWire.Dunning w) {
    int attempts = required(w.attemptCount(), "data.dunning.attempt_count");
    if (attempts < 0) {
      throw invalid("Field data.dunning.attempt_count is negative");
    }
    return Dunning.builder()
        .attemptCount(attempts)
        .nextPaymentAttempt(w.nextPaymentAttempt() == null
            ? null : instant(w.nextPaymentAttempt(), "data.dunning.next_payment_attempt"))
        .isFinal(required(w.isFinal(), "data.dunning.final"))
        .build();
  }

  private static InvoicePaymentActionRequired invoicePaymentActionRequired(
      Header header, EventWire.InvoicePaymentActionRequired w) {
    return header.on(InvoicePaymentActionRequired.builder(), w.customerId())
        .invoiceId(requiredId(InvoiceId::of, w.invoiceId(), "data.invoice_id"))
        .paymentId(required(w.paymentId(), "data.payment_id"))
        .amount(money(w.amount(), w.currency()))
        .paymentMethodId(requiredId(PaymentMethodId::of, w.paymentMethodId(), "data.payment_method_id"))
        .hostedUrl(url(required(w.hostedUrl(), "data.hosted_url"), "data.hosted_url"))
        .build();
  }

  private static PaymentMethodExpiring paymentMethodExpiring(
      Header header, EventWire.PaymentMethodExpiring w) {
    return header.on(PaymentMethodExpiring.builder(), w.customerId())
        .paymentMethodId(
            requiredId(PaymentMethodId::of, w.paymentMethodId(), "data.payment_method_id"))
        .expiry(yearMonth(required(w.expMonth(), "data.exp_month"), required(w.expYear(), "data.exp_year")))
        .preferred(required(w.preferred(), "data.preferred"))
        .build();
  }

  private static PaymentMethodUpdated paymentMethodUpdated(
      Header header, EventWire.PaymentMethodUpdated w) {
    if ((w.expMonth() == null) != (w.expYear() == null)) {
      throw invalid("data.exp_month and data.exp_year come together; the event has only one");
    }
    return header.on(PaymentMethodUpdated.builder(), w.customerId())
        .paymentMethodId(
            requiredId(PaymentMethodId::of, w.paymentMethodId(), "data.payment_method_id"))
        .preferred(required(w.preferred(), "data.preferred"))
        .expiry(w.expMonth() == null ? null : yearMonth(w.expMonth(), w.expYear()))
        .build();
  }

  private static LicenseRenewed licenseRenewed(Header header, EventWire.LicenseRenewed w) {
    return header.on(LicenseRenewed.builder(), w.customerId())
        .licenseId(requiredId(LicenseId::of, w.licenseId(), "data.license_id"))
        .invoiceId(requiredId(InvoiceId::of, w.invoiceId(), "data.invoice_id"))
        .paymentId(w.paymentId())
        .renewsAt(instant(required(w.renewsAt(), "data.renews_at"), "data.renews_at"))
        .build();
  }

  private static LicenseRenewalFailed licenseRenewalFailed(
      Header header, EventWire.LicenseRenewalFailed w) {
    return header.on(LicenseRenewalFailed.builder(), w.customerId())
        .licenseId(requiredId(LicenseId::of, w.licenseId(), "data.license_id"))
        .invoiceId(requiredId(InvoiceId::of, w.invoiceId(), "data.invoice_id"))
        .failureCode(required(w.failureCode(), "data.failure_code"))
        .paymentId(w.paymentId())
        .declineCode(w.declineCode())
        .build();
  }

  private static LicenseSuspended licenseSuspended(Header header, EventWire.LicenseSuspended w) {
    return header.on(LicenseSuspended.builder(), w.customerId())
        .licenseId(requiredId(LicenseId::of, w.licenseId(), "data.license_id"))
        .invoiceId(requiredId(InvoiceId::of, w.invoiceId(), "data.invoice_id"))
        .build();
  }

  private static LicenseReactivated licenseReactivated(Header header, EventWire.LicenseRenewed w) {
    return header.on(LicenseReactivated.builder(), w.customerId())
        .licenseId(requiredId(LicenseId::of, w.licenseId(), "data.license_id"))
        .invoiceId(requiredId(InvoiceId::of, w.invoiceId(), "data.invoice_id"))
        .paymentId(w.paymentId())
        .renewsAt(instant(required(w.renewsAt(), "data.renews_at"), "data.renews_at"))
        .build();
  }

  /** An absolute URL; a malformed one names the field and never repeats the value. */
  private static URI url(String value, String field) {
    try {
      URI url = new URI(value);
      if (url.isAbsolute()) {
        return url;
      }
    } catch (URISyntaxException e) {
      // Refused below.
    }
    throw invalid("Field " + field + " is not an absolute URL");
  }

  /** A required id: present, and of the form its type accepts. */
  private static <T> T requiredId(Function<String, T> parse, String value, String field) {
    return parsed(parse, required(value, field), field);
  }

  /** What every event has besides its own data: its id, its time, and its data as sent. */
  private record Header(String id, Instant createdAt, Map<String, Object> data) {
    /** {@code builder} with the header and the data's {@code customer_id} set. */
    <B extends AccountEventBuilder<B>> B on(B builder, String customerId) {
      return builder.id(id).createdAt(createdAt).data(data)
          .customerId(requiredId(CustomerId::of, customerId, "data.customer_id"));
    }
  }

  private static <T> JsonAdapter<EventWire.Typed<T>> typed(Class<T> data) {
    return MOSHI.adapter(Types.newParameterizedTypeWithOwner(EventWire.class, EventWire.Typed.class, data));
  }

  /** Reads the body a second time, now with {@code data} as one type's record. */
  private static <T> T read(JsonAdapter<EventWire.Typed<T>> adapter, byte[] body) throws IOException {
    EventWire.Typed<T> typed = adapter.fromJson(new Buffer().write(body));
    return typed.data();   // not null: the envelope's data was an object
  }

  private static <T> T required(T value, String field) {
    if (value == null) {
      throw invalid("Required field " + field + " is missing from the event");
    }
    return value;
  }

  /** An id or other checked value; a malformed one names the field, not just the model's rule. */
  private static <T> T parsed(Function<String, T> parse, String value, String field) {
    try {
      return parse.apply(value);
    } catch (ValidationException e) {
      throw invalid("Field " + field + " is malformed: " + e.getMessage());
    }
  }

  private static Money money(Long amount, String currency) {
    long minorUnits = required(amount, "data.amount");
    String code = required(currency, "data.currency");
    try {
      return Money.ofMinor(minorUnits, code);
    } catch (ValidationException e) {
      throw invalid("Fields data.amount and data.currency are not an amount: " + e.getMessage());
    }
  }

  private static Instant instant(String value, String field) {
    try {
      return Instant.parse(value);
    } catch (DateTimeException e) {
      throw invalid("Field " + field + " is not an RFC 3339 timestamp");
    }
  }

  private static YearMonth yearMonth(int month, int year) {
    try {
      return YearMonth.of(year, month);
    } catch (DateTimeException e) {
      throw invalid("Fields data.exp_month and data.exp_year are not a month");
    }
  }

  /** A deep, unmodifiable copy of the data as Moshi read it, nulls kept. */
  private static Map<String, Object> rawData(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put((String) key, rawValue(value)));
    return Collections.unmodifiableMap(copy);
  }

  private static Object rawValue(Object value) {
    if (value instanceof Map) {
      return rawData((Map<?, ?>) value);
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      for (Object element : (List<?>) value) {
        copy.add(rawValue(element));
      }
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  private static WebhookVerificationException invalid(String message) {
    return new WebhookVerificationException(Reason.INVALID_PAYLOAD, message);
  }
}
