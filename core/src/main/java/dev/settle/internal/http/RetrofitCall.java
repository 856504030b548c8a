package dev.settle.internal.http;

import dev.settle.spi.ApiCall;
import okhttp3.Request;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Converter;
import retrofit2.Invocation;

/**
 * The {@link ApiCall} a Retrofit interface method returns: the request Retrofit builds from the
 * method and its arguments, and the converter that reads a 2xx answer. The transport makes the
 * request itself on OkHttp, once per attempt.
 */
final class RetrofitCall<T> implements ApiCall<T> {
  private final Call<T> call;
  private final Converter<ResponseBody, T> converter;

  RetrofitCall(Call<T> call, Converter<ResponseBody, T> converter) {
    this.call = call;
    this.converter = converter;
  }

  /** Builds the request if it was not yet built; Retrofit refuses a bad argument here. */
  Request request() {
    return call.request();
  }

  Converter<ResponseBody, T> converter() {
    return converter;
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
