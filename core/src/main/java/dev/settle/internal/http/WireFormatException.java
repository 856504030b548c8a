package dev.settle.internal.http;

/** A response body that does not parse or breaks the contract (a required field missing). */
public final class WireFormatException extends RuntimeException {
  public WireFormatException(String message, Throwable cause) {
    super(message, cause);
  }

  public WireFormatException(String message) {
    super(message);
  }
}
