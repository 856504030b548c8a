package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.sandbox.TransferReceipt.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Simulated incoming bank transfers, matched by the invoice's creditor reference, each checked
 * afterwards through the API (validated against the contract): the invoice's status and amounts,
 * and its payments list. {@code in_demo200001d} is INV-2026-0006, EUR 349.00, reference
 * {@code RF75INV20260006}; {@code in_demo200001b} is INV-2026-0004, EUR 99.00.
 */
class TransfersTest extends SandboxTestCase {
  private static final String INVOICE_D = "/v1/accounts/200001/invoices/in_demo200001d";
  private static final String REFERENCE_D = "RF75INV20260006";

  @Test
  void exactAmountPaysTheInvoice() {
    Reply transfer = transfer("{\"amount\":34900,\"currency\":\"EUR\",\"reference\":\"rf75 inv2 0260 006\","
        + "\"value_date\":\"2026-11-25T14:00:00Z\"}");

    assertThat(transfer.status()).isEqualTo(201);
    assertThat(transfer.string("id")).matches("tr_[A-Za-z0-9]+");
    assertThat(transfer.string("outcome")).isEqualTo("paid");
    assertThat(transfer.string("customer_id")).isEqualTo("200001");
    assertThat(transfer.string("invoice_id")).isEqualTo("in_demo200001d");
    assertThat(transfer.string("reference")).isEqualTo("rf75 inv2 0260 006");
    assertThat(transfer.string("value_date")).isEqualTo("2026-11-25T14:00:00Z");
    assertThat(transfer.number("amount_applied")).isEqualTo(34900);
    assertThat(transfer.number("excess")).isZero();

    Reply invoice = http.get(INVOICE_D);
    assertThat(invoice.string("status")).isEqualTo("paid");
    assertThat(invoice.number("amount_paid")).isEqualTo(34900);
    assertThat(invoice.number("amount_due")).isZero();
    assertThat(invoice.string("paid_at")).isEqualTo("2026-11-25T14:00:00Z");
    Reply payments = http.get(INVOICE_D + "/payments");
    assertThat(payments.list("data")).hasSize(1);
    assertThat(payments.string("data.0.id")).isEqualTo(transfer.string("payment_id"));
    assertThat(payments.string("data.0.status")).isEqualTo("succeeded");
    assertThat(payments.number("data.0.amount")).isEqualTo(34900);
    assertThat(payments.string("data.0.currency")).isEqualTo("EUR");
    assertThat(payments.get("data.0.payment_method_id")).isNull();
    assertThat(payments.string("data.0.created_at")).isEqualTo("2026-11-25T14:00:00Z");
    assertThat(http.get("/v1/accounts/200001/invoices?status=open").list("data")).hasSize(2);
  }

  @Test
  void lessLeavesTheRestDueAndASecondTransferForItPays() {
    Reply first = transfer(body(20000, "EUR", REFERENCE_D));

    assertThat(first.string("outcome")).isEqualTo("partially_paid");
    assertThat(first.number("amount_applied")).isEqualTo(20000);
    assertThat(first.number("excess")).isZero();
    Reply open = http.get(INVOICE_D);
    assertThat(open.string("status")).isEqualTo("open");
    assertThat(open.number("amount_paid")).isEqualTo(20000);
    assertThat(open.number("amount_due")).isEqualTo(14900);
    assertThat(open.get("paid_at")).isNull();
    assertThat(http.get(INVOICE_D + "/bank_transfer_instructions").number("amount")).isEqualTo(14900);

    sandbox.clock().advance(Duration.ofDays(2));
    Reply second = transfer(body(14900, "EUR", "RF75 INV2 0260 006"));

    assertThat(second.string("outcome")).isEqualTo("paid");
    assertThat(second.number("amount_applied")).isEqualTo(14900);
    Reply paid = http.get(INVOICE_D);
    assertThat(paid.string("status")).isEqualTo("paid");
    assertThat(paid.number("amount_paid")).isEqualTo(34900);
    assertThat(paid.number("amount_due")).isZero();
    assertThat(paid.string("paid_at")).isEqualTo("2026-11-28T09:30:00Z");
    Reply payments = http.get(INVOICE_D + "/payments");
    assertThat(InvoicePaymentsTest.ids(payments)).containsExactly(first.string("payment_id"), second.string("payment_id"));
    assertThat(payments.number("data.0.amount")).isEqualTo(20000);
    assertThat(payments.number("data.1.amount")).isEqualTo(14900);
  }

  @Test
  void cardPaysWhatAPartialTransferLeftDue() {
    transfer(body(30000, "EUR", REFERENCE_D));

    Reply card = http.post(INVOICE_D + "/pay", "{}");

    assertThat(card.number("amount")).isEqualTo(4900);
    Reply paid = http.get(INVOICE_D);
    assertThat(paid.string("status")).isEqualTo("paid");
    assertThat(paid.number("amount_paid")).isEqualTo(34900);
  }

  @Test
  void morePaysTheInvoiceAndKeepsTheExcess() {
    Reply transfer = transfer(body(40000, "EUR", REFERENCE_D));

    assertThat(transfer.string("outcome")).isEqualTo("overpaid");
    assertThat(transfer.number("amount")).isEqualTo(40000);
    assertThat(transfer.number("amount_applied")).isEqualTo(34900);
    assertThat(transfer.number("excess")).isEqualTo(5100);
    Reply invoice = http.get(INVOICE_D);
    assertThat(invoice.string("status")).isEqualTo("paid");
    assertThat(invoice.number("amount_paid")).isEqualTo(34900);
    assertThat(invoice.number("amount_due")).isZero();
    Reply payments = http.get(INVOICE_D + "/payments");
    assertThat(payments.list("data")).hasSize(1);
    assertThat(payments.number("data.0.amount")).isEqualTo(34900);
    assertThat(sandbox.transfers()).singleElement().satisfies(kept -> {
      assertThat(kept.outcome()).isEqualTo(Outcome.OVERPAID);
      assertThat(kept.excess()).isEqualTo(5100);
    });
  }

  @Test
  void unknownReferenceIsKeptUnmatched() {
    Map<String, Object> before = invoicesOf("200001");

    Reply transfer = transfer(body(34900, "EUR", "RF18 5390 0754 7034"));

    assertThat(transfer.status()).isEqualTo(201);
    assertThat(transfer.string("outcome")).isEqualTo("unmatched");
    assertThat(transfer.get("invoice_id")).isNull();
    assertThat(transfer.get("customer_id")).isNull();
    assertThat(transfer.get("payment_id")).isNull();
    assertThat(transfer.number("amount_applied")).isZero();
    assertThat(transfer.number("excess")).isEqualTo(34900);
    assertThat(invoicesOf("200001")).isEqualTo(before);
    assertThat(http.get(INVOICE_D + "/payments").list("data")).isEmpty();
    Reply kept = http.get(TransferRoutes.PATH);
    assertThat(kept.list("data")).hasSize(1);
    assertThat(kept.string("data.0.id")).isEqualTo(transfer.string("id"));
    assertThat(kept.string("data.0.reference")).isEqualTo("RF18 5390 0754 7034");
  }

  @Test
  void transferForAnInvoiceAlreadyPaidByCardIsRecordedNotApplied() {
    String invoice = "/v1/accounts/200001/invoices/in_demo200001b";
    Reply card = http.post(invoice + "/pay", "{}");
    assertThat(card.string("status")).isEqualTo("succeeded");
    String reference = http.get(invoice).string("payment_reference");

    Reply transfer = transfer(body(9900, "EUR", reference));

    assertThat(transfer.status()).isEqualTo(201);
    assertThat(transfer.string("outcome")).isEqualTo("already_paid");
    assertThat(transfer.string("invoice_id")).isEqualTo("in_demo200001b");
    assertThat(transfer.string("customer_id")).isEqualTo("200001");
    assertThat(transfer.get("payment_id")).isNull();
    assertThat(transfer.number("amount_applied")).isZero();
    assertThat(transfer.number("excess")).isEqualTo(9900);
    Reply paid = http.get(invoice);
    assertThat(paid.string("status")).isEqualTo("paid");
    assertThat(paid.number("amount_paid")).isEqualTo(9900);
    assertThat(paid.number("amount_due")).isZero();
    assertThat(InvoicePaymentsTest.ids(http.get(invoice + "/payments"))).containsExactly(card.string("id"));
    assertThat(sandbox.transfers()).extracting(TransferReceipt::outcome).containsExactly(Outcome.ALREADY_PAID);
  }

  @Test
  void theSameTransferTwiceIsAppliedOnce() {
    assertThat(transfer(body(34900, "EUR", REFERENCE_D)).string("outcome")).isEqualTo("paid");

    Reply again = transfer(body(34900, "EUR", REFERENCE_D));

    assertThat(again.string("outcome")).isEqualTo("already_paid");
    assertThat(again.number("excess")).isEqualTo(34900);
    assertThat(http.get(INVOICE_D).number("amount_paid")).isEqualTo(34900);
    assertThat(http.get(INVOICE_D + "/payments").list("data")).hasSize(1);
    assertThat(http.get(TransferRoutes.PATH).list("data")).hasSize(2);
  }

  @Test
  void transferInAnotherCurrencyIsKeptNotApplied() {
    Reply transfer = transfer(body(34900, "JPY", REFERENCE_D));

    assertThat(transfer.status()).isEqualTo(201);
    assertThat(transfer.string("outcome")).isEqualTo("currency_mismatch");
    assertThat(transfer.string("invoice_id")).isEqualTo("in_demo200001d");
    assertThat(transfer.get("payment_id")).isNull();
    assertThat(transfer.number("amount_applied")).isZero();
    assertThat(transfer.number("excess")).isEqualTo(34900);
    Reply invoice = http.get(INVOICE_D);
    assertThat(invoice.string("status")).isEqualTo("open");
    assertThat(invoice.number("amount_paid")).isZero();
    assertThat(invoice.number("amount_due")).isEqualTo(34900);
    assertThat(http.get(INVOICE_D + "/payments").list("data")).isEmpty();
  }

  @Test
  void yenInvoicePaidInYen() {
    String reference = http.get("/v1/accounts/300001/invoices/in_demo300001a").string("payment_reference");

    TransferReceipt receipt = sandbox.receiveTransfer(59800, "JPY", reference);

    assertThat(receipt.outcome()).isEqualTo(Outcome.PAID);
    assertThat(receipt.valueDate()).isEqualTo(NOW);
    assertThat(http.get("/v1/accounts/300001/invoices/in_demo300001a").string("status")).isEqualTo("paid");
  }

  @Test
  void renewalPaidByTransferBringsTheLicenseBack() {
    String license = "/v1/accounts/100002/licenses/lic_demo100002a";
    http.delete("/v1/accounts/100002/payment_methods/pm_demo100002visa");
    sandbox.clock().advance(Duration.ofDays(66));              // past 2027-01-30, nothing to charge
    Reply failed = http.get(license);
    assertThat(failed.string("status")).isEqualTo("renewal_failed");
    String invoice = "/v1/accounts/100002/invoices/" + failed.string("last_renewal_invoice_id");
    String reference = http.get(invoice).string("payment_reference");

    Reply part = transfer(body(5000, "EUR", reference));

    assertThat(part.string("outcome")).isEqualTo("partially_paid");
    assertThat(http.get(license).string("status")).isEqualTo("renewal_failed");

    Reply rest = transfer(body(6900, "EUR", reference));

    assertThat(rest.string("outcome")).isEqualTo("paid");
    assertThat(http.get(invoice).string("status")).isEqualTo("paid");
    assertThat(http.get(license).string("status")).isEqualTo("active");
  }

  @Test
  void dateOnlyValueDateIsTheStartOfThatDay() {
    Reply transfer = transfer("{\"amount\":34900,\"currency\":\"EUR\",\"reference\":\"" + REFERENCE_D
        + "\",\"value_date\":\"2026-11-24\"}");

    assertThat(transfer.string("value_date")).isEqualTo("2026-11-24T00:00:00Z");
    assertThat(http.get(INVOICE_D).string("paid_at")).isEqualTo("2026-11-24T00:00:00Z");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"currency\":\"EUR\",\"reference\":\"RF75INV20260006\"}                      | parameter_missing | amount",
      "{\"amount\":0,\"currency\":\"EUR\",\"reference\":\"RF75INV20260006\"}         | parameter_invalid | amount",
      "{\"amount\":1.5,\"currency\":\"EUR\",\"reference\":\"RF75INV20260006\"}       | parameter_invalid | amount",
      "{\"amount\":\"100\",\"currency\":\"EUR\",\"reference\":\"RF75INV20260006\"}   | parameter_invalid | amount",
      "{\"amount\":100,\"reference\":\"RF75INV20260006\"}                            | parameter_missing | currency",
      "{\"amount\":100,\"currency\":\"eur\",\"reference\":\"RF75INV20260006\"}       | parameter_invalid | currency",
      "{\"amount\":100,\"currency\":\"ABC\",\"reference\":\"RF75INV20260006\"}       | parameter_invalid | currency",
      "{\"amount\":100,\"currency\":\"EUR\"}                                         | parameter_missing | reference",
      "{\"amount\":100,\"currency\":\"EUR\",\"reference\":\"   \"}                   | parameter_invalid | reference",
      "{\"amount\":100,\"currency\":\"EUR\",\"reference\":\"R\",\"value_date\":\"soon\"}       | parameter_invalid | value_date",
      "{\"amount\":100,\"currency\":\"EUR\",\"reference\":\"R\",\"value_date\":\"2026-11-27\"} | parameter_invalid | value_date",
      "{\"amount\":100,\"currency\":\"EUR\",\"reference\":\"R\",\"iban\":\"DE89\"}            | parameter_unknown | iban"})
  void refusesBadInput(String body, String code, String param) {
    Reply reply = transfer(body);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.type")).isEqualTo("invalid_request_error");
    assertThat(reply.string("error.code")).isEqualTo(code);
    assertThat(reply.string("error.param")).isEqualTo(param);
    assertThat(reply.string("error.request_id")).isEqualTo(reply.header("Request-Id"));
    assertThat(sandbox.transfers()).isEmpty();
  }

  @Test
  void referenceLongerThanARemittanceLineIsRefused() {
    Reply reply = transfer(body(100, "EUR", "R".repeat(141)));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.param")).isEqualTo("reference");
  }

  @Test
  void needsTheApiKeyAndJson() {
    Map<String, String> noKey = new HashMap<>();
    noKey.put("Content-Type", "application/json");
    Reply unauthenticated = http.send("POST", TransferRoutes.PATH, body(34900, "EUR", REFERENCE_D), noKey);
    assertThat(unauthenticated.status()).isEqualTo(401);
    assertThat(unauthenticated.string("error.code")).isEqualTo("invalid_api_key");
    assertThat(http.send("GET", TransferRoutes.PATH, null, new HashMap<>()).status()).isEqualTo(401);

    Map<String, String> form = http.authorized();
    form.put("Content-Type", "application/x-www-form-urlencoded");
    assertThat(http.send("POST", TransferRoutes.PATH, "amount=1", form).status()).isEqualTo(415);

    Reply delete = http.delete(TransferRoutes.PATH);
    assertThat(delete.status()).isEqualTo(405);
    assertThat(delete.header("Allow")).isEqualTo("GET, POST");
    assertThat(http.get(INVOICE_D).string("status")).isEqualTo("open");
  }

  @Test
  void javaApiMatchesAndListsInOrderAndResetForgets() {
    Instant yesterday = NOW.minus(Duration.ofDays(1));

    TransferReceipt partial = sandbox.receiveTransfer(100, "EUR", " rf75inv2026 0006 ", yesterday);
    TransferReceipt stray = sandbox.receiveTransfer(100, "EUR", "Invoice 6, thanks!");

    assertThat(partial.id()).startsWith("tr_");
    assertThat(partial.outcome()).isEqualTo(Outcome.PARTIALLY_PAID);
    assertThat(partial.invoiceId()).isEqualTo("in_demo200001d");
    assertThat(partial.customerId()).isEqualTo("200001");
    assertThat(partial.paymentId()).startsWith("py_");
    assertThat(partial.valueDate()).isEqualTo(yesterday);
    assertThat(partial.amountApplied()).isEqualTo(100);
    assertThat(stray.outcome()).isEqualTo(Outcome.UNMATCHED);
    assertThat(sandbox.transfers()).containsExactly(partial, stray);
    assertThat(http.get(INVOICE_D).number("amount_due")).isEqualTo(34800);

    sandbox.reset();

    assertThat(sandbox.transfers()).isEmpty();
    assertThat(http.get(INVOICE_D).number("amount_due")).isEqualTo(34900);
  }

  @Test
  void javaApiRefusesBadInput() {
    assertThatThrownBy(() -> sandbox.receiveTransfer(0, "EUR", REFERENCE_D))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amountMinor");
    assertThatThrownBy(() -> sandbox.receiveTransfer(100, "eur", REFERENCE_D))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("currency");
    assertThatThrownBy(() -> sandbox.receiveTransfer(100, "ABC", REFERENCE_D))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("currency");
    assertThatThrownBy(() -> sandbox.receiveTransfer(100, "EUR", " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reference");
    assertThatThrownBy(() -> sandbox.receiveTransfer(100, "EUR", REFERENCE_D, NOW.plusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("valueDate");
    assertThat(sandbox.transfers()).isEmpty();
  }

  @Test
  void receiptPartsAlwaysAddUp() {
    assertThatThrownBy(() -> new TransferReceipt("tr_x", 100, "EUR", "R", NOW, null, null, null,
        Outcome.UNMATCHED, 0, 50)).isInstanceOf(IllegalArgumentException.class);
    assertThat(List.of(Outcome.values())).extracting(Outcome::wireName)
        .containsExactly("paid", "partially_paid", "overpaid", "unmatched", "already_paid", "currency_mismatch");
  }

  private static Reply transfer(String json) {
    return http.postWithoutKey(TransferRoutes.PATH, json);
  }

  private static String body(long amount, String currency, String reference) {
    return "{\"amount\":" + amount + ",\"currency\":\"" + currency + "\",\"reference\":\"" + reference + "\"}";
  }

  private static Map<String, Object> invoicesOf(String customerId) {
    Map<String, Object> states = new HashMap<>();
    for (Object item : http.get("/v1/accounts/" + customerId + "/invoices").list("data")) {
      Map<?, ?> invoice = (Map<?, ?>) item;
      states.put((String) invoice.get("id"),
          invoice.get("status") + " " + invoice.get("amount_paid") + " " + invoice.get("amount_due"));
    }
    return states;
  }
}
