package dev.settle.internal.http;

import dev.settle.model.Account;
import dev.settle.model.Invoice;
import dev.settle.model.License;
import dev.settle.model.Payment;
import dev.settle.model.PaymentMethod;
import dev.settle.model.WebhookEndpoint;
import java.io.IOException;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Converter;

/** Puts the server's request id on the value a call returns, for the model types that carry one. */
final class RequestIds {
  private RequestIds() {}

  /** Reads a 2xx answer into the value a call returns, with the server's request id on it. */
  interface Reader<T> {
    T read(ResponseBody body, @Nullable String requestId) throws IOException;
  }

  /**
   * How a method's answers are read: by its converter alone when the converter puts the request id
   * on the value as it builds it (the model's own adapters), else by the converter and a copy of
   * the value that adds it.
   */
  @SuppressWarnings("unchecked")
  static <T> Reader<T> reader(Converter<ResponseBody, T> converter) {
    if (converter instanceof Reader) {
      return (Reader<T>) converter;
    }
    return (body, requestId) -> attach(converter.convert(body), requestId);
  }

  @SuppressWarnings("unchecked")
  static <T> T attach(T body, @Nullable String requestId) {
    if (requestId == null) {
      return body;
    }
    if (body instanceof Payment) {
      return (T) Payment.builder().from((Payment) body).requestId(requestId).build();
    }
    if (body instanceof PaymentMethod) {
      return (T) PaymentMethod.builder().from((PaymentMethod) body).requestId(requestId).build();
    }
    if (body instanceof Account) {
      return (T) Account.builder().from((Account) body).requestId(requestId).build();
    }
    if (body instanceof Invoice) {
      return (T) Invoice.builder().from((Invoice) body).requestId(requestId).build();
    }
    if (body instanceof License) {
      return (T) License.builder().from((License) body).requestId(requestId).build();
    }
    if (body instanceof WebhookEndpoint) {
      return (T) WebhookEndpoint.builder().from((WebhookEndpoint) body).requestId(requestId).build();
    }
    return body;
  }
}
