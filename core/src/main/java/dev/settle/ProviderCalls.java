package dev.settle;

import dev.settle.internal.http.WireFormatException;
import dev.settle.spi.ProviderContext;
import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Clock;
import okhttp3.ResponseBody;
import retrofit2.Call;

/**
 * The {@link ProviderContext} of one call. The n-th request a provider makes gets the call's
 * idempotency key suffixed with n, so repeating the whole call with the same key replays each
 * provider request instead of repeating it.
 */
final class ProviderCalls implements ProviderContext {
  private final Transport transport;
  private final Clock clock;
  private final String idempotencyKey;
  private final RequestOptions options;
  private int requests;

  ProviderCalls(Transport transport, Clock clock, String idempotencyKey, RequestOptions options) {
    this.transport = transport;
    this.clock = clock;
    this.idempotencyKey = idempotencyKey;
    this.options = options;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public <T> T post(String path, Object body, Type responseType) {
    String key = idempotencyKey + ":" + (++requests);
    Call<ResponseBody> call = transport.http().api().post(path, key, body);
    ResponseBody response = transport.write(call, key, options);
    try {
      return transport.http().decode(response, responseType);
    } catch (WireFormatException e) {
      throw Transport.malformed(call, e);
    } catch (IOException e) {
      throw Transport.connectionFailure(call, key, e);
    }
  }
}
