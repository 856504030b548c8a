package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvoicesTest extends SandboxTestCase {

  @Test
  void listIsNewestFirst() {
    Reply reply = http.get("/v1/accounts/200001/invoices");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(ids(reply)).containsExactly("in_demo200001d", "in_demo200001c", "in_demo200001b", "in_demo200001a");
    assertThat(reply.get("has_more")).isEqualTo(false);
    assertThat(reply.get("next_cursor")).isNull();
  }

  @Test
  void pagesThroughEveryInvoice() {
    List<String> seen = new ArrayList<>();
    List<Boolean> hasMore = new ArrayList<>();
    String cursor = null;
    do {
      Reply page = http.get("/v1/accounts/200001/invoices?limit=1" + (cursor == null ? "" : "&starting_after=" + cursor));
      seen.addAll(ids(page));
      hasMore.add((Boolean) page.get("has_more"));
      cursor = (String) page.get("next_cursor");
    } while (cursor != null);

    assertThat(seen).containsExactly("in_demo200001d", "in_demo200001c", "in_demo200001b", "in_demo200001a");
    assertThat(hasMore).containsExactly(true, true, true, false);
  }

  @Test
  void defaultPageHoldsTwentyAndTheRestFollow() {
    String customerId = sandbox.createAccount(SettleSandbox.Portal.II, "Many Invoices Ltd", "EUR");
    for (int i = 1; i <= 25; i++) {
      sandbox.createInvoice(customerId, 100L * i, "Item " + i);
    }

    Reply first = http.get("/v1/accounts/" + customerId + "/invoices");
    Reply second = http.get("/v1/accounts/" + customerId + "/invoices?starting_after=" + first.string("next_cursor")
        + "&limit=100");

    assertThat(first.list("data")).hasSize(20);
    assertThat(first.get("has_more")).isEqualTo(true);
    assertThat(first.number("data.0.total")).isEqualTo(2500);
    assertThat(second.list("data")).hasSize(5);
    assertThat(second.get("has_more")).isEqualTo(false);
    assertThat(second.number("data.4.total")).isEqualTo(100);
  }

  @Test
  void filtersByStatus() {
    assertThat(ids(http.get("/v1/accounts/200001/invoices?status=open")))
        .containsExactly("in_demo200001d", "in_demo200001c", "in_demo200001b");
    assertThat(ids(http.get("/v1/accounts/200001/invoices?status=paid"))).containsExactly("in_demo200001a");
    assertThat(ids(http.get("/v1/accounts/200001/invoices?status=void"))).isEmpty();

    Reply page = http.get("/v1/accounts/200001/invoices?status=open&limit=2");
    Reply rest = http.get("/v1/accounts/200001/invoices?status=open&limit=2&starting_after=" + page.string("next_cursor"));
    assertThat(ids(page)).containsExactly("in_demo200001d", "in_demo200001c");
    assertThat(ids(rest)).containsExactly("in_demo200001b");
  }

  @Test
  void cursorOfAnotherListIsRefused() {
    for (String number : new String[] {"4242424242424242", "5555555555554444"}) {
      attach("300001", token(number));
    }
    String methodsCursor = http.get("/v1/accounts/300001/payment_methods?limit=1").string("next_cursor");

    Reply reply = http.get("/v1/accounts/300001/invoices?starting_after=" + methodsCursor);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.code")).isEqualTo("parameter_invalid");
    assertThat(reply.string("error.param")).isEqualTo("starting_after");
  }

  @Test
  void invoiceCarriesEverythingNeededToPayIt() {
    Reply reply = http.get("/v1/accounts/200001/invoices/in_demo200001d");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.string("number")).isEqualTo("INV-2026-0006");
    assertThat(reply.string("status")).isEqualTo("open");
    assertThat(reply.string("currency")).isEqualTo("EUR");
    assertThat(reply.number("total")).isEqualTo(34900);
    assertThat(reply.number("amount_due")).isEqualTo(34900);
    assertThat(reply.number("amount_paid")).isZero();
    assertThat(reply.string("issued_at")).isEqualTo("2026-11-23T09:30:00Z");
    assertThat(reply.string("due_at")).isEqualTo("2026-12-23T09:30:00Z");
    assertThat(reply.get("paid_at")).isNull();
    assertThat(reply.list("lines")).hasSize(2);
    assertThat(reply.number("lines.1.amount")).isEqualTo(25000);
    assertThat(reply.string("payee.name")).isNotBlank();
    assertThat(reply.string("payee.iban")).isEqualTo("DE89370400440532013000");
    assertThat(isValidIban(reply.string("payee.iban"))).isTrue();
    assertThat(reply.string("payee.bic")).matches("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");
    assertThat(reply.string("payment_reference")).isEqualTo("RF75INV20260006");
    assertThat(isValidCreditorReference(reply.string("payment_reference"))).isTrue();
  }

  @Test
  void everyInvoiceHasItsOwnValidReference() {
    List<String> references = new ArrayList<>();
    for (SettleSandbox.DemoAccount account : sandbox.demoAccounts()) {
      for (Object invoice : http.get("/v1/accounts/" + account.customerId() + "/invoices").list("data")) {
        Map<?, ?> fields = (Map<?, ?>) invoice;
        String reference = (String) fields.get("payment_reference");
        assertThat(isValidCreditorReference(reference)).as(reference).isTrue();
        assertThat(reference.substring(4)).isEqualTo(((String) fields.get("number")).replace("-", ""));
        references.add(reference);
      }
    }
    assertThat(references).hasSize(7).doesNotHaveDuplicates();
  }

  @Test
  void paidInvoiceShowsWhenItWasPaid() {
    Reply reply = http.get("/v1/accounts/200001/invoices/in_demo200001a");

    assertThat(reply.string("status")).isEqualTo("paid");
    assertThat(reply.number("amount_due")).isZero();
    assertThat(reply.number("amount_paid")).isEqualTo(49900);
    assertThat(reply.string("paid_at")).isEqualTo("2026-08-24T09:30:00Z");
    assertThat(reply.string("lines.0.license_id")).isEqualTo("lic_demo200001");
  }

  @Test
  void unknownInvoiceIsNotFound() {
    for (String path : new String[] {"/v1/accounts/200001/invoices/in_nothing",
        "/v1/accounts/200001/invoices/in_demo100001a", "/v1/accounts/200001/invoices/nonsense"}) {
      Reply reply = http.get(path);
      assertThat(reply.status()).as(path).isEqualTo(404);
      assertThat(reply.string("error.code")).isEqualTo("resource_missing");
      assertThat(reply.string("error.param")).isEqualTo("invoice_id");
    }
  }

  @Test
  void jpyInvoiceIsInWholeYen() {
    Reply reply = http.get("/v1/accounts/300001/invoices/in_demo300001a");

    assertThat(reply.string("currency")).isEqualTo("JPY");
    assertThat(reply.number("total")).isEqualTo(59800);
  }

  // ---- paying

  @Test
  void payingWithThePreferredMethodPaysTheInvoice() {
    Reply payment = http.post("/v1/accounts/200001/invoices/in_demo200001b/pay", "{}");

    assertThat(payment.status()).isEqualTo(200);
    assertThat(payment.string("id")).matches("py_[A-Za-z0-9]+");
    assertThat(payment.string("invoice_id")).isEqualTo("in_demo200001b");
    assertThat(payment.string("status")).isEqualTo("succeeded");
    assertThat(payment.number("amount")).isEqualTo(9900);
    assertThat(payment.string("currency")).isEqualTo("EUR");
    assertThat(payment.string("payment_method_id")).isEqualTo("pm_demo200001mastercard");
    assertThat(payment.get("decline_code")).isNull();
    assertThat(payment.get("next_action")).isNull();
    assertThat(payment.string("created_at")).isEqualTo("2026-11-26T09:30:00Z");

    Reply invoice = http.get("/v1/accounts/200001/invoices/in_demo200001b");
    assertThat(invoice.string("status")).isEqualTo("paid");
    assertThat(invoice.number("amount_due")).isZero();
    assertThat(invoice.number("amount_paid")).isEqualTo(invoice.number("total"));
    assertThat(invoice.string("paid_at")).isEqualTo("2026-11-26T09:30:00Z");
  }

  @Test
  void payingWithAnotherStoredMethod() {
    String visa = attach("200001", token("4242424242424242")).string("id");

    Reply payment = http.post("/v1/accounts/200001/invoices/in_demo200001c/pay",
        "{\"payment_method_id\":\"" + visa + "\"}");

    assertThat(payment.status()).isEqualTo(200);
    assertThat(payment.string("payment_method_id")).isEqualTo(visa);
  }

  @Test
  void payingWithAMethodOfAnotherAccountIsRefused() {
    Reply reply = http.post("/v1/accounts/200001/invoices/in_demo200001c/pay",
        "{\"payment_method_id\":\"pm_demo100002visa\"}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.string("error.code")).isEqualTo("resource_missing");
    assertThat(reply.string("error.param")).isEqualTo("payment_method_id");
    assertThat(http.get("/v1/accounts/200001/invoices/in_demo200001c").string("status")).isEqualTo("open");
  }

  @Test
  void payingAnInvoiceThatIsNotOpenIsAConflict() {
    Reply reply = http.post("/v1/accounts/200001/invoices/in_demo200001a/pay", "{}");

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.string("error.type")).isEqualTo("conflict_error");
    assertThat(reply.string("error.code")).isEqualTo("invoice_not_open");
  }

  @Test
  void payingTwiceIsAConflictTheSecondTime() {
    http.post("/v1/accounts/200001/invoices/in_demo200001b/pay", "{}");

    Reply second = http.post("/v1/accounts/200001/invoices/in_demo200001b/pay", "{}");

    assertThat(second.status()).isEqualTo(409);
    assertThat(second.string("error.code")).isEqualTo("invoice_not_open");
  }

  @Test
  void payingWithoutAPreferredMethodIsAConflict() {
    Reply reply = http.post("/v1/accounts/100001/invoices/in_demo100001a/pay", "{}");

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.string("error.type")).isEqualTo("conflict_error");
    assertThat(reply.string("error.code")).isEqualTo("no_preferred_payment_method");
    assertThat(http.get("/v1/accounts/100001/invoices/in_demo100001a").string("status")).isEqualTo("open");
  }

  @Test
  void cardThatExpiredSinceItWasStoredIsDeclined() {
    sandbox.clock().advance(Duration.ofDays(2 * 366));   // past the Mastercard's 08/2028

    Reply reply = http.post("/v1/accounts/200001/invoices/in_demo200001b/pay", "{}");

    assertThat(reply.status()).isEqualTo(402);
    assertThat(reply.string("error.code")).isEqualTo("expired_card");
    assertThat(reply.string("error.payment.status")).isEqualTo("failed");
  }

  @Test
  void createdInvoiceIsOpenNewestAndNumberedNext() {
    String invoiceId = sandbox.createInvoice("100001", 2500, "Training session");

    Reply list = http.get("/v1/accounts/100001/invoices?limit=1");

    assertThat(list.string("data.0.id")).isEqualTo(invoiceId);
    assertThat(list.string("data.0.number")).isEqualTo("INV-2026-0008");
    assertThat(list.string("data.0.status")).isEqualTo("open");
    assertThat(list.string("data.0.lines.0.description")).isEqualTo("Training session");
    assertThat(list.get("data.0.lines.0.license_id")).isNull();
  }

  // ---- bank transfer

  @Test
  void bankTransferInstructionsQuoteTheInvoiceReference() {
    Reply reply = http.get("/v1/accounts/100001/invoices/in_demo100001a/bank_transfer_instructions");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.string("invoice_id")).isEqualTo("in_demo100001a");
    assertThat(reply.number("amount")).isEqualTo(11900);
    assertThat(reply.string("currency")).isEqualTo("EUR");
    assertThat(reply.string("payee.iban")).isEqualTo("DE89370400440532013000");
    assertThat(reply.string("reference"))
        .isEqualTo(http.get("/v1/accounts/100001/invoices/in_demo100001a").string("payment_reference"));
  }

  @Test
  void noBankTransferForAPaidInvoice() {
    Reply reply = http.get("/v1/accounts/200001/invoices/in_demo200001a/bank_transfer_instructions");

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.string("error.code")).isEqualTo("invoice_not_open");
  }

  private static List<String> ids(Reply page) {
    List<String> ids = new ArrayList<>();
    page.list("data").forEach(item -> ids.add((String) ((Map<?, ?>) item).get("id")));
    return ids;
  }

  /** ISO 13616, written apart from the sandbox's own code: the rearranged number mod 97 is 1. */
  private static boolean isValidIban(String iban) {
    return mod97(iban.substring(4) + iban.substring(0, 4)) == 1;
  }

  /** ISO 11649, likewise. */
  private static boolean isValidCreditorReference(String reference) {
    return reference.matches("RF[0-9]{2}[A-Z0-9]{1,21}")
        && mod97(reference.substring(4) + reference.substring(0, 4)) == 1;
  }

  private static int mod97(String alphanumeric) {
    StringBuilder digits = new StringBuilder();
    for (char c : alphanumeric.toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
  }
}
