package dev.settle;

import dev.settle.exception.SettleConfigurationException;
import dev.settle.internal.http.Hosts;
import java.net.URI;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/** The rule for a client's base URL: absolute http(s), HTTPS unless the host is loopback. */
final class BaseUrl {
  private BaseUrl() {}

  /**
   * {@code baseUrl} as the base that the API's relative paths are resolved against: its path ends
   * in a slash.
   *
   * @throws SettleConfigurationException if it is not an absolute http(s) URL, or is plain HTTP to
   *     a host other than loopback
   */
  static HttpUrl parse(@Nullable URI baseUrl) {
    HttpUrl url = baseUrl == null ? null : HttpUrl.parse(baseUrl.toString());
    if (url == null) {
      throw new SettleConfigurationException("The base URL must be an absolute http(s) URL");
    }
    if (!url.isHttps() && !Hosts.isLoopback(url.host())) {
      throw new SettleConfigurationException(
          "The base URL must use HTTPS; plain HTTP is allowed only to a loopback host, got " + url.host());
    }
    String path = url.encodedPath();
    return url.newBuilder().encodedPath(path.endsWith("/") ? path : path + "/").build();
  }
}
