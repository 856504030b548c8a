package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvoicePaymentsTest extends SandboxTestCase {

  @Test
  void invoiceWithoutAttemptsHasAnEmptyList() {
    Reply reply = http.get("/v1/accounts/300001/invoices/in_demo300001a/payments");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.list("data")).isEmpty();
    assertThat(reply.get("has_more")).isEqualTo(false);
    assertThat(reply.get("next_cursor")).isNull();
  }

  @Test
  void listsEveryAttemptOldestFirstFailedOnesToo() {
    String declining = attach("300001", token("4000000000000341")).string("id");
    String good = attach("300001", token("4242424242424242")).string("id");
    Reply declined = http.post("/v1/accounts/300001/invoices/in_demo300001a/pay", "{}");
    sandbox.clock().advance(Duration.ofMinutes(5));
    Reply paid = http.post("/v1/accounts/300001/invoices/in_demo300001a/pay",
        "{\"payment_method_id\":\"" + good + "\"}");
    assertThat(declined.status()).isEqualTo(402);
    assertThat(paid.status()).isEqualTo(200);

    Reply reply = http.get("/v1/accounts/300001/invoices/in_demo300001a/payments");

    assertThat(ids(reply)).containsExactly(declined.string("error.payment.id"), paid.string("id"));
    assertThat(reply.string("data.0.status")).isEqualTo("failed");
    assertThat(reply.string("data.0.payment_method_id")).isEqualTo(declining);
    assertThat(reply.string("data.0.decline_code")).isEqualTo("generic_decline");
    assertThat(reply.string("data.0.created_at")).isEqualTo("2026-11-26T09:30:00Z");
    assertThat(reply.string("data.1.status")).isEqualTo("succeeded");
    assertThat(reply.string("data.1.payment_method_id")).isEqualTo(good);
    assertThat(reply.number("data.1.amount")).isEqualTo(59800);
    assertThat(reply.string("data.1.currency")).isEqualTo("JPY");
    assertThat(reply.string("data.1.created_at")).isEqualTo("2026-11-26T09:35:00Z");
    assertThat(reply.string("data.1.invoice_id")).isEqualTo("in_demo300001a");
  }

  @Test
  void attemptThatNeedsAuthenticationIsListedWithItsNextAction() {
    attach("300001", token("4000002760003184"));
    Reply pending = http.post("/v1/accounts/300001/invoices/in_demo300001a/pay", "{}");

    Reply reply = http.get("/v1/accounts/300001/invoices/in_demo300001a/payments");

    assertThat(ids(reply)).containsExactly(pending.string("id"));
    assertThat(reply.string("data.0.status")).isEqualTo("requires_action");
    assertThat(reply.string("data.0.next_action.url")).isEqualTo(pending.string("next_action.url"));
  }

  @Test
  void pagesOldestFirst() {
    attach("300001", token("4000000000009995"));
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      made.add(http.post("/v1/accounts/300001/invoices/in_demo300001a/pay", "{}").string("error.payment.id"));
    }

    List<String> seen = new ArrayList<>();
    List<Boolean> hasMore = new ArrayList<>();
    String cursor = null;
    do {
      Reply page = http.get("/v1/accounts/300001/invoices/in_demo300001a/payments?limit=2"
          + (cursor == null ? "" : "&starting_after=" + cursor));
      seen.addAll(ids(page));
      hasMore.add((Boolean) page.get("has_more"));
      cursor = (String) page.get("next_cursor");
    } while (cursor != null);

    assertThat(seen).containsExactlyElementsOf(made);
    assertThat(hasMore).containsExactly(true, false);
  }

  @Test
  void onlyTheInvoicesOwnAttemptsAreListed() {
    Reply paid = http.post("/v1/accounts/200001/invoices/in_demo200001b/pay", "{}");
    http.post("/v1/accounts/200001/invoices/in_demo200001c/pay", "{}");

    Reply reply = http.get("/v1/accounts/200001/invoices/in_demo200001b/payments");

    assertThat(ids(reply)).containsExactly(paid.string("id"));
    assertThat(reply.string("data.0.payment_method_id")).isEqualTo("pm_demo200001mastercard");
  }

  @Test
  void unknownOrForeignInvoiceIsNotFound() {
    for (String path : new String[] {"/v1/accounts/200001/invoices/in_nothing/payments",
        "/v1/accounts/200001/invoices/in_demo100001a/payments"}) {
      Reply reply = http.get(path);

      assertThat(reply.status()).as(path).isEqualTo(404);
      assertThat(reply.string("error.param")).isEqualTo("invoice_id");
    }
  }

  @Test
  void cursorOfAnotherListIsRefused() {
    String invoicesCursor = http.get("/v1/accounts/200001/invoices?limit=1").string("next_cursor");

    Reply reply = http.get("/v1/accounts/200001/invoices/in_demo200001b/payments?starting_after=" + invoicesCursor);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.code")).isEqualTo("parameter_invalid");
    assertThat(reply.string("error.param")).isEqualTo("starting_after");
  }

  static List<String> ids(Reply reply) {
    return reply.list("data").stream().map(item -> (String) ((Map<?, ?>) item).get("id")).toList();
  }
}
