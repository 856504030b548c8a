package dev.settle.internal.http;

import dev.settle.spi.ApiCall;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Retrofit;

/**
 * Lets a Retrofit interface method return {@link ApiCall}, the call Settle's transport runs with
 * its retries, keys, deadline, listener and cancellation: the request Retrofit builds and the
 * converter Retrofit chose for the answer, looked up once per method. Applies to no other return
 * type.
 */
final class CallAdapters extends CallAdapter.Factory {
  static final CallAdapters INSTANCE = new CallAdapters();

  private CallAdapters() {}

  @Override
  public @Nullable CallAdapter<?, ?> get(Type returnType, Annotation[] annotations, Retrofit retrofit) {
    if (getRawType(returnType) != ApiCall.class) {
      return null;
    }
    if (!(returnType instanceof ParameterizedType)) {
      throw new IllegalArgumentException("Declare what the call reads, as ApiCall<Account>");
    }
    Type body = getParameterUpperBound(0, (ParameterizedType) returnType);
    RequestIds.Reader<Object> reader = RequestIds.reader(retrofit.responseBodyConverter(body, annotations));
    return new CallAdapter<Object, ApiCall<Object>>() {
      @Override
      public Type responseType() {
        return body;
      }

      @Override
      public ApiCall<Object> adapt(Call<Object> call) {
        return new RetrofitCall<>(call, reader);
      }
    };
  }
}
