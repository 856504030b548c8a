package dev.settle.testing;

/** Canned bodies, as the server in the contract writes them. */
public final class Json {
  private Json() {}

  public static String cardMethod(String id, boolean preferred) {
    return """
        {"id":"%s","type":"card","preferred":%s,"usable_off_session":true,"created_at":"2026-01-02T03:04:05Z",
         "card":{"brand":"visa","last4":"4242","exp_month":12,"exp_year":2030,"holder_name":"Ada Lovelace"}}"""
        .formatted(id, preferred);
  }

  public static String account(String customerId, String portal, String preferredMethod) {
    return """
        {"customer_id":"%s","portal":"%s","name":"Ada Lovelace","email":"ada@example.com",
         "currency":"EUR","preferred_payment_method":%s,
         "accepted_payment_methods":["card","paypal","bank_transfer"],"preferable_payment_methods":["card","paypal"],
         "created_at":"2025-06-01T00:00:00Z"}"""
        .formatted(customerId, portal, preferredMethod);
  }

  public static String invoice(String id, String status) {
    return """
        {"id":"%s","customer_id":"200001","number":"INV-2026-0007","status":"%s","collection":"manual",
         "attempt_count":0,"next_payment_attempt":null,"currency":"EUR","total":11900,
         "amount_due":11900,"amount_paid":0,"issued_at":"2026-01-01T00:00:00Z",
         "due_at":"2026-01-31T00:00:00Z","paid_at":null,
         "payee":{"name":"Settle Demo Vendor GmbH","iban":"DE89370400440532013000","bic":"COBADEFFXXX"},
         "payment_reference":"RF18INV20260007",
         "lines":[{"description":"Business license, 1 year","amount":11900,"license_id":"lic_1"}]}"""
        .formatted(id, status);
  }

  public static String payment(String id, String invoiceId, String status) {
    return """
        {"id":"%s","invoice_id":"%s","status":"%s","amount":11900,"currency":"EUR",
         "payment_method_id":"pm_1","decline_code":null,"failure_message":null,
         "next_action":null,"created_at":"2026-01-05T00:00:00Z"}"""
        .formatted(id, invoiceId, status);
  }

  public static String license(String id, String status, boolean autoRenewal, String warnings) {
    return """
        {"id":"%s","customer_id":"200001","product":"Business","status":"%s","auto_renewal":%s,"warnings":%s,
         "price":11900,"currency":"EUR","activated_at":"2026-01-01T00:00:00Z",
         "renews_at":"2027-01-01T00:00:00Z","last_renewal_invoice_id":null,
         "created_at":"2025-12-20T00:00:00Z"}"""
        .formatted(id, status, autoRenewal, warnings);
  }

  public static String error(String type, String code, String param) {
    return """
        {"error":{"type":"%s","code":"%s","message":"Something about %s","param":%s,
         "request_id":"req_123"}}"""
        .formatted(type, code, code, param == null ? "null" : "\"" + param + "\"");
  }

  public static String page(boolean hasMore, String nextCursor, String... items) {
    return "{\"data\":[" + String.join(",", items) + "],\"has_more\":" + hasMore
        + ",\"next_cursor\":" + (nextCursor == null ? "null" : "\"" + nextCursor + "\"") + "}";
  }
}
