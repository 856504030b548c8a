package dev.settle.webhooks;

/** Event bodies as the billing system writes them, one per type, with every field set. */
final class Events {
  private Events() {}

  static final String CREATED_AT = "2026-03-01T10:15:30Z";

  static String event(String id, String type, String data) {
    return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"created_at\":\"" + CREATED_AT
        + "\",\"data\":" + data + "}";
  }

  static final String INVOICE_PAID_DATA = """
      {"customer_id":"200001","invoice_id":"in_7","payment_id":"py_9","amount":11900,\
      "currency":"EUR","payment_method_id":"pm_3","paid_at":"2026-03-01T10:15:29Z"}""";

  static final String INVOICE_PAYMENT_FAILED_DATA = """
      {"customer_id":"200001","invoice_id":"in_7","payment_id":"py_8","amount":11900,\
      "currency":"EUR","payment_method_id":"pm_3","failure_code":"card_declined",\
      "decline_code":"insufficient_funds","failure_message":"Your card has insufficient funds.",\
      "dunning":{"attempt_count":2,"next_payment_attempt":"2026-03-04T10:15:29Z","final":false}}""";

  static final String INVOICE_PAYMENT_ACTION_REQUIRED_DATA = """
      {"customer_id":"200001","invoice_id":"in_7","payment_id":"py_8","amount":11900,\
      "currency":"EUR","payment_method_id":"pm_3","hosted_url":"https://billing.example.com/3ds/py_8"}""";

  static final String PAYMENT_METHOD_EXPIRING_DATA = """
      {"customer_id":"200001","payment_method_id":"pm_3","exp_month":4,"exp_year":2026,\
      "preferred":true}""";

  static final String PAYMENT_METHOD_UPDATED_DATA = """
      {"customer_id":"200002","payment_method_id":"pm_5","preferred":false,"exp_month":12,\
      "exp_year":2030}""";

  static final String LICENSE_RENEWED_DATA = """
      {"customer_id":"200001","license_id":"lic_1","invoice_id":"in_8","payment_id":"py_10",\
      "renews_at":"2027-03-01T00:00:00Z"}""";

  static final String LICENSE_RENEWAL_FAILED_DATA = """
      {"customer_id":"200001","license_id":"lic_1","invoice_id":"in_8",\
      "failure_code":"card_declined","payment_id":"py_11","decline_code":"do_not_honor"}""";

  static final String LICENSE_SUSPENDED_DATA = """
      {"customer_id":"200001","license_id":"lic_1","invoice_id":"in_8"}""";

  static final String LICENSE_REACTIVATED_DATA = """
      {"customer_id":"200001","license_id":"lic_1","invoice_id":"in_8","payment_id":"py_12",\
      "renews_at":"2027-03-01T00:00:00Z"}""";

  static String invoicePaid() {
    return event("evt_1", "invoice.paid", INVOICE_PAID_DATA);
  }
}
