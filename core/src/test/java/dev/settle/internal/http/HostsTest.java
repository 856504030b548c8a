package dev.settle.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Loopback is read from a host's text: a name or a literal address, never a lookup. */
class HostsTest {
  @ParameterizedTest
  @ValueSource(strings = {"localhost", "LocalHost", "127.0.0.1", "127.10.20.30", "::1", "[::1]", "0:0:0:0:0:0:0:1"})
  void loopbackByNameOrLiteralAddress(String host) {
    assertThat(Hosts.isLoopback(host)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"10.0.0.5", "192.168.1.1", "::2", "[2001:db8::1]", "billing.example.com",
      "localhost.example.com", "127.0.0.1.nip.io", "[::1"})
  void anythingElseIsNot(String host) {
    assertThat(Hosts.isLoopback(host)).isFalse();
  }
}
