package dev.settle.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Talks to a sandbox over a real socket with the JDK's HTTP client, the way any client would, and
 * checks every answer against its document: the API's contract, or the sandbox's controls.
 */
final class SandboxHttp {
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private final SettleSandbox sandbox;

  SandboxHttp(SettleSandbox sandbox) {
    this.sandbox = sandbox;
  }

  Reply get(String path) {
    return send("GET", path, null, authorized());
  }

  Reply delete(String path) {
    return send("DELETE", path, null, authorized());
  }

  Reply delete(String path, String idempotencyKey) {
    Map<String, String> headers = authorized();
    headers.put("Idempotency-Key", idempotencyKey);
    return send("DELETE", path, null, headers);
  }

  /** A POST with a fresh idempotency key. */
  Reply post(String path, String json) {
    return post(path, json, UUID.randomUUID().toString());
  }

  Reply post(String path, String json, String idempotencyKey) {
    Map<String, String> headers = authorized();
    headers.put("Idempotency-Key", idempotencyKey);
    headers.put("Content-Type", "application/json");
    return send("POST", path, json, headers);
  }

  /** A POST without an idempotency key, for the operations the contract gives none. */
  Reply postWithoutKey(String path, String json) {
    Map<String, String> headers = authorized();
    if (json != null) {
      headers.put("Content-Type", "application/json");
    }
    return send("POST", path, json, headers);
  }

  Map<String, String> authorized() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + sandbox.apiKey());
    headers.put("Settle-Version", SandboxHandler.API_VERSION);
    return headers;
  }

  Reply send(String method, String pathAndQuery, String body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(sandbox.baseUrl().resolve(pathAndQuery.substring(1)))
        .timeout(Duration.ofSeconds(10))
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    HttpResponse<String> response;
    try {
      response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    String path = URI.create(pathAndQuery).getPath();
    // The pages a browser opens are in no document, and a HEAD answer has no body to check.
    boolean page = path.equals("/") || path.startsWith(AuthenticationPages.PATH_PREFIX)
        || path.startsWith(PayPalPages.PATH_PREFIX);
    if (!page && !method.equals("HEAD")) {
      (path.startsWith("/sandbox/") ? ContractValidator.controls() : ContractValidator.API)
          .assertConforms(method, path, response);
    }
    return new Reply(response.statusCode(), response.headers(), response.body());
  }
}
