package dev.settle.internal.http;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What a host name says about where it points, read from its text alone. */
public final class Hosts {
  private Hosts() {}

  /**
   * Whether {@code host} is loopback by name ({@code localhost}) or by literal address ({@code
   * 127.0.0.1}, {@code ::1}, with or without IPv6 brackets). A name is never resolved: a lookup
   * could block, or answer what a resolver chooses, and it decides here whether plain HTTP is
   * allowed.
   */
  public static boolean isLoopback(@Nullable String host) {
    if (host == null) {
      return false;
    }
    if (host.toLowerCase(Locale.ROOT).equals("localhost")) {
      return true;
    }
    String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    boolean address = literal.contains(":") || (!literal.isEmpty()
        && literal.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9')));
    if (!address) {
      return false;
    }
    try {
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }
}
