package dev.settle.internal.http;

import java.io.IOException;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Caps how much of a response body Settle will read. No answer of the billing API comes near the
 * cap; a body that exceeds it is a proxy or a fault, and reading it whole could exhaust memory.
 */
final class BodyLimit {
  /** 16 MiB: a page of 100 invoices is about 100 KiB. */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  private BodyLimit() {}

  /**
   * {@code body}, failing with {@link WireFormatException} once more than the cap is read. A body
   * whose declared length is within the cap is returned as it is: OkHttp already refuses to read
   * past a declared length.
   */
  static ResponseBody apply(ResponseBody body) {
    return apply(body, MAX_BYTES);
  }

  static ResponseBody apply(ResponseBody body, long maxBytes) {
    if (body.contentLength() > maxBytes) {
      body.close();
      throw new WireFormatException(
          "The body is " + body.contentLength() + " bytes, over the " + maxBytes + "-byte limit");
    }
    if (body.contentLength() >= 0) {
      return body;
    }
    ForwardingSource limited = new ForwardingSource(body.source()) {
      private long read;

      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        long n = super.read(sink, byteCount);
        if (n > 0 && (read += n) > maxBytes) {
          throw new WireFormatException("The body is over the " + maxBytes + "-byte limit");
        }
        return n;
      }
    };
    return ResponseBody.create(Okio.buffer(limited), body.contentType(), body.contentLength());
  }
}
