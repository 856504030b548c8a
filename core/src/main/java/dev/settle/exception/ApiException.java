package dev.settle.exception;

import java.util.Optional;

/**
 * The server refused the request and said why, in its error shape.
 *
 * <p>Subclasses say which kind of refusal it was; {@link #code()} is the machine-readable
 * reason, such as {@code portal_single_method} or {@code invoice_not_open}.
 */
public class ApiException extends SettleException {
  /** The HTTP status. */
  private final int statusCode;
  /** The error's type, or null. */
  private final String type;
  /** The machine-readable reason, or null. */
  private final String code;
  /** The request parameter the error is about, or null. */
  private final String param;

  /**
   * Creates the exception from the error the server answered with.
   *
   * @param error the status and the decoded error body
   */
  public ApiException(ApiError error) {
    super(error.describe(), error.requestId(), null);
    this.statusCode = error.statusCode();
    this.type = error.type();
    this.code = error.code();
    this.param = error.param();
  }

  /** {@return the HTTP status} */
  public int statusCode() {
    return statusCode;
  }

  /**
   * {@return the error's type, such as {@code invalid_request_error}; empty if the body had none}
   */
  public Optional<String> type() {
    return Optional.ofNullable(type);
  }

  /**
   * {@return the machine-readable reason, such as {@code resource_missing}; empty if the body had
   * none}
   */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  /** {@return the request parameter the error is about, when there is one} */
  public Optional<String> param() {
    return Optional.ofNullable(param);
  }
}
