package dev.settle.exception;

import java.util.Optional;

/**
 * The server refused the request and said why, in its error shape.
 *
 * <p>Subclasses say which kind of refusal it was; {@link #code()} is the machine-readable
 * reason, such as {@code portal_single_method} or {@code invoice_not_open}.
 */
public class ApiException extends SettleException {
  private final int statusCode;
  private final String type;
  private final String code;
  private final String param;

  public ApiException(ApiError error) {
    super(error.describe(), error.requestId(), null);
    this.statusCode = error.statusCode();
    this.type = error.type();
    this.code = error.code();
    this.param = error.param();
  }

  /** The HTTP status. */
  public int statusCode() {
    return statusCode;
  }

  /** The error's type, such as {@code invalid_request_error}; empty if the body had none. */
  public Optional<String> type() {
    return Optional.ofNullable(type);
  }

  /** The machine-readable reason, such as {@code resource_missing}; empty if the body had none. */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  /** The request parameter the error is about, when there is one. */
  public Optional<String> param() {
    return Optional.ofNullable(param);
  }
}
