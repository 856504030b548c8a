package dev.settle.internal.http;

import dev.settle.spi.ApiCall;
import java.io.IOException;
import okhttp3.Request;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Invocation;

/**
 * The {@link ApiCall} a Retrofit interface method returns: the request Retrofit builds from the
 * method and its arguments, and the converter that reads a 2xx answer. The transport makes the
 * request itself on OkHttp, once per attempt.
 */
final class RetrofitCall<T> implements ApiCall<T> {
  private final Call<T> call;
  private final RequestIds.Reader<T> reader;

  RetrofitCall(Call<T> call, RequestIds.Reader<T> reader) {
    this.call = call;
    this.reader = reader;
  }

  /** Builds the request if it was not yet built; Retrofit refuses a bad argument here. */
  Request request() {
    return call.request();
  }

  /** Reads a 2xx answer, with the server's request id on the value when its type carries one. */
  T read(ResponseBody body, @Nullable String requestId) throws IOException {
    return reader.read(body, requestId);
  }

  @Override
  public String operation() {
    Invocation invocation = request().tag(Invocation.class);
    return invocation == null ? request().method() + " " + request().url().encodedPath()
        : invocation.method().getName();
  }

  @Override
  public String toString() {
    return "ApiCall{" + operation() + "}";
  }
}
