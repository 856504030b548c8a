package dev.settle.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The canned responses that the loopback server answers with, identical for Settle and for the
 * raw client: an account with a preferred card, one page of 100 invoices that says it is the
 * last, and a payment. They follow the contract ({@code settle-api.yaml}) field for field, with
 * the mix of values a real account has (paid and open invoices, one or two lines, lines with
 * and without a license).
 */
public final class Fixtures {
  private Fixtures() {}

  public static final String API_KEY = "sk_test_benchmarks";
  public static final String API_VERSION = "2026-11-01";
  public static final String CUSTOMER_ID = "200001";
  public static final String INVOICE_ID = "in_bench0000";
  public static final int PAGE_SIZE = 100;

  private static final Instant START = Instant.parse("2026-01-05T09:30:00Z");

  public static final byte[] ACCOUNT = utf8("{"
      + "\"customer_id\":\"200001\","
      + "\"portal\":\"II\","
      + "\"name\":\"Nordlicht Studio GmbH\","
      + "\"email\":\"finance@nordlicht.example\","
      + "\"currency\":\"EUR\","
      + "\"preferred_payment_method\":{"
      + "\"id\":\"pm_demo200001mastercard\",\"type\":\"card\",\"preferred\":true,"
      + "\"usable_off_session\":true,\"created_at\":\"2025-07-14T09:30:00Z\","
      + "\"card\":{\"brand\":\"mastercard\",\"last4\":\"4444\",\"exp_month\":8,\"exp_year\":2028,"
      + "\"holder_name\":\"Jonas Berg\"}},"
      + "\"accepted_payment_methods\":[\"card\",\"paypal\",\"bank_transfer\"],"
      + "\"preferable_payment_methods\":[\"card\",\"paypal\"],"
      + "\"created_at\":\"2025-07-14T09:30:00Z\"}");

  public static final byte[] INVOICE_PAGE = utf8(invoicePage());

  public static final byte[] PAYMENT = utf8("{"
      + "\"id\":\"py_bench0000\","
      + "\"invoice_id\":\"" + INVOICE_ID + "\","
      + "\"status\":\"succeeded\","
      + "\"amount\":49900,"
      + "\"currency\":\"EUR\","
      + "\"payment_method_id\":\"pm_demo200001mastercard\","
      + "\"decline_code\":null,"
      + "\"failure_message\":null,"
      + "\"next_action\":null,"
      + "\"created_at\":\"2026-11-26T09:30:00Z\"}");

  private static String invoicePage() {
    StringBuilder json = new StringBuilder("{\"data\":[");
    for (int i = 0; i < PAGE_SIZE; i++) {
      if (i > 0) {
        json.append(',');
      }
      invoice(json, i);
    }
    return json.append("],\"has_more\":false,\"next_cursor\":null}").toString();
  }

  private static void invoice(StringBuilder json, int i) {
    boolean paid = i % 3 != 0;
    boolean twoLines = i % 4 == 0;
    long first = 49900 + 100L * (i % 7);
    long second = twoLines ? 9900 : 0;
    long total = first + second;
    Instant issued = START.plus(Duration.ofDays(3L * i));
    json.append("{\"id\":\"in_bench").append(String.format("%04d", i)).append('"')
        .append(",\"customer_id\":\"").append(CUSTOMER_ID).append('"')
        .append(",\"number\":\"2026-").append(String.format("%06d", 1000 + i)).append('"')
        .append(",\"status\":\"").append(paid ? "paid" : "open").append('"')
        .append(",\"collection\":\"manual\",\"attempt_count\":0,\"next_payment_attempt\":null")
        .append(",\"currency\":\"EUR\"")
        .append(",\"total\":").append(total)
        .append(",\"amount_due\":").append(paid ? 0 : total)
        .append(",\"amount_paid\":").append(paid ? total : 0)
        .append(",\"issued_at\":\"").append(issued).append('"')
        .append(",\"due_at\":\"").append(issued.plus(Duration.ofDays(30))).append('"')
        .append(",\"paid_at\":").append(paid ? "\"" + issued.plus(Duration.ofDays(2)) + "\"" : "null")
        .append(",\"payee\":{\"name\":\"Settle Billing GmbH\",\"iban\":\"DE89370400440532013000\","
            + "\"bic\":\"COBADEFFXXX\"}")
        .append(",\"payment_reference\":\"RF18").append(String.format("%08d", 53900754 + i)).append('"')
        .append(",\"lines\":[{\"description\":\"Settle Team (annual)\",\"amount\":").append(first)
        .append(",\"license_id\":\"lic_bench").append(String.format("%04d", i)).append("\"}");
    if (twoLines) {
      json.append(",{\"description\":\"Five additional seats\",\"amount\":").append(second)
          .append(",\"license_id\":null}");
    }
    json.append("]}");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
