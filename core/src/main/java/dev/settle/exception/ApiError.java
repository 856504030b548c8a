package dev.settle.exception;

import org.jspecify.annotations.Nullable;

/**
 * The server's one error shape ({@code type}, {@code code}, {@code message}, {@code param},
 * {@code decline_code}, {@code request_id}), with the HTTP status it came with: what every
 * {@link ApiException} is made from.
 *
 * @param statusCode the HTTP status
 * @param type the error's type, such as {@code invalid_request_error}
 * @param code the machine-readable reason, such as {@code portal_single_method}
 * @param message the server's explanation, meant for a developer
 * @param param the request parameter the error is about
 * @param declineCode for a decline, the issuer's reason
 * @param requestId the server's id of the request
 */
public record ApiError(
    int statusCode,
    @Nullable String type,
    @Nullable String code,
    @Nullable String message,
    @Nullable String param,
    @Nullable String declineCode,
    @Nullable String requestId) {

  /**
   * An error of {@code statusCode} whose body was not the API's error shape.
   *
   * @param statusCode the HTTP status
   * @param requestId the response's request id, or null
   * @return an error with only the status and request id
   */
  public static ApiError ofStatus(int statusCode, @Nullable String requestId) {
    return new ApiError(statusCode, null, null, null, null, null, requestId);
  }

  String describe() {
    StringBuilder text = new StringBuilder();
    text.append(message != null ? message : "HTTP " + statusCode);
    text.append(" (status ").append(statusCode);
    if (code != null) {
      text.append(", code ").append(code);
    }
    if (param != null) {
      text.append(", param ").append(param);
    }
    if (requestId != null) {
      text.append(", request ").append(requestId);
    }
    return text.append(')').toString();
  }
}
