package dev.settle;

import dev.settle.exception.SettleConfigurationException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
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
    if (!url.isHttps() && !isLoopback(url.host())) {
      throw new SettleConfigurationException(
          "The base URL must use HTTPS; plain HTTP is allowed only to a loopback host, got " + url.host());
    }
    String path = url.encodedPath();
    return url.newBuilder().encodedPath(path.endsWith("/") ? path : path + "/").build();
  }

  /** Loopback by its literal form only: no name lookup decides whether HTTPS is required. */
  private static boolean isLoopback(String host) {
    if (host.equals("localhost")) {
      return true;
    }
    boolean literal = host.contains(":") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    if (!literal) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
