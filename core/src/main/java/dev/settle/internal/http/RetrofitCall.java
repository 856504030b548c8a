package dev.settle.internal.http;

import dev.settle.spi.ApiCall;
import okhttp3.Request;
import retrofit2.Call;
import retrofit2.Invocation;

/**
 * The {@link ApiCall} a Retrofit interface method returns: Retrofit's call, which the transport
 * runs, clones for another attempt, and cancels.
 */
final class RetrofitCall<T> implements ApiCall<T> {
  private final Call<T> call;

  RetrofitCall(Call<T> call) {
    this.call = call;
  }

  Call<T> call() {
    return call;
  }

  /** Builds the request if it was not yet built; Retrofit refuses a bad argument here. */
  Request request() {
    return call.request();
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
