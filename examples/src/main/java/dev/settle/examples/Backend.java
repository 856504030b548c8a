package dev.settle.examples;

import dev.settle.SettleClient;
import dev.settle.sandbox.SettleSandbox;
import java.io.PrintStream;
import java.net.URI;

/**
 * Where an example runs: the sandbox named by {@code SETTLE_BASE_URL} and {@code SETTLE_API_KEY}
 * (a standalone one, say), or a sandbox started for the run and stopped after it.
 */
final class Backend implements AutoCloseable {
  private final SettleClient client;
  private final SettleSandbox sandbox;
  private final SandboxControls controls;

  private Backend(SettleClient client, SettleSandbox sandbox, URI baseUrl, String apiKey) {
    this.client = client;
    this.sandbox = sandbox;
    this.controls = new SandboxControls(baseUrl, apiKey);
  }

  static Backend fromEnvironment(PrintStream out) {
    String baseUrl = System.getenv("SETTLE_BASE_URL");
    String apiKey = System.getenv("SETTLE_API_KEY");
    if (baseUrl != null && apiKey != null) {
      out.println("Using the billing system at " + baseUrl);
      return new Backend(client(URI.create(baseUrl), apiKey), null, URI.create(baseUrl), apiKey);
    }
    SettleSandbox sandbox = SettleSandbox.builder().build().start();
    out.println("Started an embedded sandbox at " + sandbox.baseUrl());
    return new Backend(client(sandbox.baseUrl(), sandbox.apiKey()), sandbox, sandbox.baseUrl(), sandbox.apiKey());
  }

  private static SettleClient client(URI baseUrl, String apiKey) {
    return SettleClient.builder().baseUrl(baseUrl).apiKey(apiKey).build();
  }

  SettleClient client() {
    return client;
  }

  /** The sandbox's own controls: its clock and the PayPal payer's side. */
  SandboxControls sandbox() {
    return controls;
  }

  @Override
  public void close() {
    if (sandbox != null) {
      sandbox.close();
    }
  }
}
