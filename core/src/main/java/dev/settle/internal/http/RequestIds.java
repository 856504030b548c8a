package dev.settle.internal.http;

import dev.settle.model.Account;
import dev.settle.model.Invoice;
import dev.settle.model.License;
import dev.settle.model.Payment;
import dev.settle.model.PaymentMethod;
import dev.settle.model.WebhookEndpoint;

/** Puts the server's request id on the value a call returns, for the model types that carry one. */
final class RequestIds {
  private RequestIds() {}

  @SuppressWarnings("unchecked")
  static <T> T attach(T body, String requestId) {
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
