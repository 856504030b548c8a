package dev.settle.sandbox;

import java.util.Map;

/**
 * An error answer in the API's one error shape. Handlers throw it; the transport renders it.
 *
 * <p>{@code stored} says whether an idempotency key keeps this answer: the contract keeps every
 * answer of a request that started executing, but not a request rejected by validation, so that a
 * corrected retry with the same key runs afresh.
 */
final class ApiError extends RuntimeException {
  final int status;
  final String type;
  final String code;
  final String param;
  final String declineCode;
  final Map<String, Object> payment;
  final boolean stored;

  private ApiError(int status, String type, String code, String message, String param,
      String declineCode, Map<String, Object> payment, boolean stored) {
    // Whatever a message or parameter name quotes, a card number never goes back on the wire.
    super(Redaction.mask(message), null, false, false);
    this.status = status;
    this.type = type;
    this.code = code;
    this.param = param == null ? null : Redaction.mask(param);
    this.declineCode = declineCode;
    this.payment = payment;
    this.stored = stored;
  }

  /** A request the server refuses for its shape or values, before doing anything; not stored. */
  static ApiError invalid(String code, String param, String message) {
    return new ApiError(400, "invalid_request_error", code, message, param, null, null, false);
  }

  static ApiError invalidJson(String message) {
    return invalid("invalid_json", null, message);
  }

  static ApiError parameterMissing(String param) {
    return invalid("parameter_missing", param, "Missing required parameter " + param + ".");
  }

  static ApiError parameterUnknown(String param) {
    return invalid("parameter_unknown", param, "Unknown parameter " + param + ".");
  }

  static ApiError parameterInvalid(String param, String message) {
    return invalid("parameter_invalid", param, message);
  }

  /** A request that refers to something the server's state lacks; stored like any outcome. */
  static ApiError referenceMissing(String param, String message) {
    return new ApiError(400, "invalid_request_error", "resource_missing", message, param, null, null, true);
  }

  static ApiError notFound(String param, String message) {
    return new ApiError(404, "invalid_request_error", "resource_missing", message, param, null, null, true);
  }

  static ApiError unknownRoute(String method, String path) {
    return new ApiError(404, "invalid_request_error", "resource_missing",
        "Unrecognized request URL (" + method + " " + path + ").", null, null, null, false);
  }

  static ApiError methodNotAllowed(String method, String path) {
    return new ApiError(405, "invalid_request_error", "method_not_allowed",
        method + " is not allowed on " + path + ".", null, null, null, false);
  }

  static ApiError unsupportedMediaType() {
    return new ApiError(415, "invalid_request_error", "unsupported_media_type",
        "Send the request body as application/json.", null, null, null, false);
  }

  static ApiError conflict(String code, String param, String message) {
    return new ApiError(409, "conflict_error", code, message, param, null, null, true);
  }

  /**
   * Portal I holds one method. Nothing was done and the token stays usable, so the answer is not
   * kept under the idempotency key: the same request, repeated once the stored method is removed,
   * stores the method (the recovery of a PayPal or card setup whose completion was refused so).
   */
  static ApiError portalSingleMethod() {
    return new ApiError(409, "conflict_error", "portal_single_method",
        "Accounts on Portal I store one payment method. Remove the stored method, then add the new one.",
        null, null, null, false);
  }

  static ApiError tokenAlreadyUsed() {
    return new ApiError(400, "invalid_request_error", "token_already_used",
        "This token was already used; tokens are single use. Create a new one.", "token", null, null, true);
  }

  static ApiError tokenExpired() {
    return new ApiError(400, "invalid_request_error", "token_expired",
        "This restore token has expired; restore tokens are good for one hour after the removal.", "token",
        null, null, true);
  }

  static ApiError card(String code, String declineCode, String message, Map<String, Object> payment) {
    return new ApiError(402, "card_error", code, message, null, declineCode, payment, true);
  }

  static ApiError authentication(String message) {
    return new ApiError(401, "authentication_error", "invalid_api_key", message, null, null, null, false);
  }

  static ApiError idempotencyKeyReused() {
    return new ApiError(400, "idempotency_error", "idempotency_key_reused",
        "This Idempotency-Key was already used with another request (method, path or body differ). "
            + "Use a new key for a new request.", "Idempotency-Key", null, null, false);
  }

  static ApiError idempotencyKeyInUse() {
    return new ApiError(409, "idempotency_error", "idempotency_key_in_use",
        "A request with this Idempotency-Key is still being processed. Retry with the same key later.",
        "Idempotency-Key", null, null, false);
  }

  /** The answer of the fault switches' error rate: {@code status} in the type the contract gives it. */
  static ApiError injected(int status) {
    String type = switch (status) {
      case 401 -> "authentication_error";
      case 402 -> "card_error";
      case 403 -> "permission_error";
      case 409 -> "conflict_error";
      case 429 -> "rate_limit_error";
      default -> status >= 500 ? "api_error" : "invalid_request_error";
    };
    String code = switch (status) {
      case 429 -> "rate_limited";
      case 500 -> "internal_error";
      case 502 -> "bad_gateway";
      case 503 -> "service_unavailable";
      case 504 -> "gateway_timeout";
      default -> "sandbox_fault";
    };
    return new ApiError(status, type, code,
        "The sandbox's fault switches answered this request with " + status + " without handling it.",
        null, null, null, false);
  }

  /** The answer of a 429 burst of the fault switches. */
  static ApiError rateLimited(long retryAfterSeconds) {
    return new ApiError(429, "rate_limit_error", "rate_limited",
        "Too many requests. Retry after " + retryAfterSeconds + " seconds.", null, null, null, false);
  }

  static ApiError internal() {
    return new ApiError(500, "api_error", "internal_error",
        "The sandbox failed to handle this request.", null, null, null, true);
  }

  /**
   * What a Java helper of {@link SettleSandbox} throws instead: {@link IllegalStateException} for
   * a conflict with the state, {@link IllegalArgumentException} for anything else asked wrongly.
   */
  RuntimeException forJava() {
    return status == 409 ? new IllegalStateException(getMessage()) : new IllegalArgumentException(getMessage());
  }

  Map<String, Object> body(String requestId) {
    Map<String, Object> error = Json.object(
        "type", type,
        "code", code,
        "message", getMessage(),
        "param", param,
        "request_id", requestId);
    if (declineCode != null) {
      error.put("decline_code", declineCode);
    }
    if (payment != null) {
      error.put("payment", payment);
    }
    return Json.object("error", error);
  }
}
