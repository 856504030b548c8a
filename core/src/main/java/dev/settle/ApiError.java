package dev.settle;

/** The fields of the server's one error shape, plus the HTTP status they came with. */
record ApiError(
    int statusCode,
    String type,
    String code,
    String message,
    String param,
    String declineCode,
    String requestId) {

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
