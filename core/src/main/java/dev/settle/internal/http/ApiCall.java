package dev.settle.internal.http;

import java.io.IOException;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Timeout;

/**
 * One request to the billing API and the adapter that reads its answer. Like the OkHttp call it
 * wraps, it runs once; {@link #clone()} gives a fresh one for another attempt.
 *
 * <p>No answer is an exception here: one outside 2xx comes back with its error body read, a 2xx
 * one with its decoded body or the reason it could not be read, for the transport to judge. An
 * {@link IOException} is the network's.
 *
 * @param <T> what a successful answer decodes to
 */
public final class ApiCall<T> {
  private final String operation;
  private final okhttp3.Call call;
  private final BodyReader<T> reader;
  private final HttpStack http;

  ApiCall(String operation, okhttp3.Call call, BodyReader<T> reader, HttpStack http) {
    this.operation = operation;
    this.call = call;
    this.reader = reader;
    this.http = http;
  }

  /** The operation's name for events and metrics, such as {@code payInvoice}. */
  public String operation() {
    return operation;
  }

  public Request request() {
    return call.request();
  }

  /** The whole-call timeout of this attempt, set before it runs. */
  public Timeout timeout() {
    return call.timeout();
  }

  /**
   * Whether this attempt's request may have reached the server: false only when it failed before
   * a connection was open, so that not a byte was written.
   */
  public boolean mayHaveBeenSent() {
    Sending.Mark mark = call.request().tag(Sending.Mark.class);
    return mark == null || mark.mayHaveSent;
  }

  public void cancel() {
    call.cancel();
  }

  /** The same request, not yet run. */
  @Override
  public ApiCall<T> clone() {
    okhttp3.Call fresh = call.clone();
    // A clone shares the request, and with it the mark: the new attempt starts unsent.
    Sending.Mark mark = fresh.request().tag(Sending.Mark.class);
    if (mark != null) {
      mark.mayHaveSent = false;
    }
    return new ApiCall<>(operation, fresh, reader, http);
  }

  public Reply<T> execute() throws IOException {
    try (Response response = call.execute()) {
      return read(response);
    }
  }

  /** Runs on OkHttp's dispatcher; exactly one of the callback's methods is called. */
  public void enqueue(ReplyCallback<T> callback) {
    call.enqueue(new Callback() {
      @Override
      public void onResponse(okhttp3.Call raw, Response response) {
        Reply<T> reply;
        try (response) {
          reply = read(response);
        } catch (IOException | RuntimeException | Error e) {
          callback.onFailure(e);
          return;
        }
        callback.onResponse(reply);
      }

      @Override
      public void onFailure(okhttp3.Call raw, IOException e) {
        callback.onFailure(e);
      }
    });
  }

  private Reply<T> read(Response response) throws IOException {
    ResponseBody body = response.body();
    if (response.isRedirect() || (response.code() >= 300 && response.code() < 400)) {
      // Never followed and never read: a redirect's body is not the API's, and following it
      // would send the request, card data included, to whichever host it names.
      return new Reply<>(response.code(), response.headers(), null, null, null);
    }
    if (!response.isSuccessful()) {
      return new Reply<>(response.code(), response.headers(), null, http.decodeError(body), null);
    }
    if (response.code() == 204 || response.code() == 205) {
      return unreadable(response, new WireFormatException("The answer has no body"));
    }
    try {
      return new Reply<>(response.code(), response.headers(), reader.read(body), null, null);
    } catch (WireFormatException e) {
      return unreadable(response, e);
    }
  }

  private static <T> Reply<T> unreadable(Response response, WireFormatException why) {
    return new Reply<>(response.code(), response.headers(), null, null, why);
  }

  /**
   * What came back: the decoded body of a 2xx answer, or why it could not be read; for any other
   * status its error body (null when it is not the API's error shape, such as a proxy's HTML
   * page).
   */
  public record Reply<T>(
      int code, Headers headers, T body, Wire.Error error, WireFormatException unreadable) {
    public boolean isSuccessful() {
      return code >= 200 && code < 300;
    }
  }

  /** Reads a 2xx body; it is closed after. */
  interface BodyReader<T> {
    T read(ResponseBody body) throws IOException;
  }

  /** Receives the outcome of {@link #enqueue}. */
  public interface ReplyCallback<T> {
    void onResponse(Reply<T> reply);

    /** An {@link IOException} from the network, or anything else thrown. */
    void onFailure(Throwable failure);
  }
}
