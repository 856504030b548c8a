package dev.settle.internal.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Adds what every request carries: the API key, the API version and who is calling. */
final class ClientHeaders implements Interceptor {
  private final String authorization;
  private final String version;

  ClientHeaders(String apiKey, String version) {
    this.authorization = "Bearer " + apiKey;
    this.version = version;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(
        chain.request().newBuilder()
            .header("Authorization", authorization)
            .header("Settle-Version", version)
            .header("User-Agent", "settle-java")
            .build());
  }

  @Override
  public String toString() {
    return "ClientHeaders{version=" + version + "}";
  }
}
