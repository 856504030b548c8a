/**
 * Settle's sandbox: an in-memory server of the billing API ({@link dev.settle.sandbox.SettleSandbox}),
 * its controls and dashboard, and the JUnit 5 extension that hands tests a client of it.
 *
 * <p>JUnit is a static requirement, and not a transitive one: the server runs without it, and a
 * test module that registers the extension already requires JUnit itself. Moshi, Okio and PDFBox
 * have module names but no module descriptors, hence the automatic-module requirements.
 */
@SuppressWarnings("requires-automatic")
module dev.settle.sandbox {
  requires transitive dev.settle;
  requires com.squareup.moshi;
  requires java.net.http;
  requires jdk.httpserver;
  requires okio;
  requires org.apache.pdfbox;
  requires static org.junit.jupiter.api;

  exports dev.settle.sandbox;
}
