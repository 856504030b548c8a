package dev.settle.internal.http;

import java.io.IOException;
import kotlin.jvm.functions.Function0;
import kotlin.reflect.KClass;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;
import okio.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * What Retrofit is given as its call factory: a call that only holds the request Retrofit built.
 * The transport makes that request on OkHttp itself, once per attempt, so the call Retrofit would
 * create for it is never needed.
 */
final class RequestOnly implements Call {
  static final Call.Factory FACTORY = RequestOnly::new;

  private final Request request;

  private RequestOnly(Request request) {
    this.request = request;
  }

  @Override
  public Request request() {
    return request;
  }

  @Override
  public Response execute() throws IOException {
    throw new UnsupportedOperationException("Settle's transport makes the request");
  }

  @Override
  public void enqueue(Callback callback) {
    throw new UnsupportedOperationException("Settle's transport makes the request");
  }

  @Override
  public void cancel() {}

  @Override
  public boolean isExecuted() {
    return false;
  }

  @Override
  public boolean isCanceled() {
    return false;
  }

  @Override
  public Timeout timeout() {
    return Timeout.NONE;
  }

  @Override
  public <T> @Nullable T tag(KClass<T> type) {
    return null;
  }

  @Override
  public <T> @Nullable T tag(Class<? extends T> type) {
    return null;
  }

  @Override
  public <T> T tag(KClass<T> type, Function0<? extends T> computeIfAbsent) {
    return computeIfAbsent.invoke();
  }

  @Override
  public <T> T tag(Class<T> type, Function0<? extends T> computeIfAbsent) {
    return computeIfAbsent.invoke();
  }

  @Override
  public Call clone() {
    return new RequestOnly(request);
  }
}
