package dev.settle.spring;

import dev.settle.webhooks.WebhookSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/** Signed webhook deliveries, sent over a real socket as the billing system sends them. */
final class Deliveries {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final URI url;
  private final WebhookSigner signer;
  private final Clock clock;

  Deliveries(URI url, String secret, Clock clock) {
    this.url = url;
    this.signer = WebhookSigner.create(secret, clock);
    this.clock = clock;
  }

  static String newSecret() {
    byte[] key = new byte[24];
    new SecureRandom().nextBytes(key);
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }

  static String licenseRenewed(String eventId) {
    return "{\"id\":\"" + eventId + "\",\"type\":\"license.renewed\",\"created_at\":\"2026-03-01T10:15:30Z\","
        + "\"data\":{\"customer_id\":\"200001\",\"license_id\":\"lic_1\",\"invoice_id\":\"in_8\","
        + "\"payment_id\":\"py_10\",\"renews_at\":\"2027-03-01T00:00:00Z\"}}";
  }

  /** The signature headers of {@code body} signed now as delivery {@code id}. */
  Map<String, String> headers(String id, String body) {
    return signer.sign(id, clock.instant(), body);
  }

  /** Posts {@code body} signed now as delivery {@code id}. */
  HttpResponse<String> send(String id, String body) throws IOException, InterruptedException {
    return send(headers(id, body), body);
  }

  HttpResponse<String> send(String id, Instant signedAt, String body) throws IOException, InterruptedException {
    return send(signer.sign(id, signedAt, body), body);
  }

  HttpResponse<String> send(Map<String, String> headers, String body) throws IOException, InterruptedException {
    return post(url, headers, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static HttpResponse<String> post(URI url, Map<String, String> headers, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", "application/json");
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(URI url) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
  }
}
