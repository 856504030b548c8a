package dev.settle.examples;

import dev.settle.SettleClient;
import dev.settle.sandbox.SettleSandbox;
import java.io.PrintStream;
import java.net.URI;

/**
 * Where an example runs: the sandbox named by {@code SETTLE_BASE_URL} and {@code SETTLE_API_KEY}
 * (a standalone one, say), or a sandbox started for the run and stopped when this is closed.
 */
final class Backend implements AutoCloseable {
  private final URI baseUrl;
  private final String apiKey;
  private final SettleSandbox embedded;
  private final SandboxControls controls;

  private Backend(URI baseUrl, String apiKey, SettleSandbox embedded) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.embedded = embedded;
    this.controls = new SandboxControls(baseUrl, apiKey);
  }

  static Backend fromEnvironment(PrintStream out) {
    String baseUrl = System.getenv("SETTLE_BASE_URL");
    String apiKey = System.getenv("SETTLE_API_KEY");
    if (baseUrl != null && apiKey != null) {
      out.println("Using the billing system at " + baseUrl);
      return new Backend(URI.create(baseUrl), apiKey, null);
    }
    SettleSandbox sandbox = SettleSandbox.builder().build().start();
    out.println("Started an embedded sandbox at " + sandbox.baseUrl());
    return new Backend(sandbox.baseUrl(), sandbox.apiKey(), sandbox);
  }

  /** A builder of clients of this backend, for an example that configures its own. */
  SettleClient.Builder clientBuilder() {
    return SettleClient.builder().baseUrl(baseUrl).apiKey(apiKey);
  }

  /** A new client of this backend; the example closes it. */
  SettleClient client() {
    return clientBuilder().build();
  }

  /** The sandbox's own controls: its clock, its faults, the PayPal payer's side, the bank. */
  SandboxControls sandbox() {
    return controls;
  }

  /** Stops the sandbox started for the run, if there is one. */
  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
