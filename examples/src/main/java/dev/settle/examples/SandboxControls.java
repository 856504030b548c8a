package dev.settle.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Optional;

/**
 * What the examples do to a sandbox that is not part of the billing API: approve a PayPal setup
 * as the payer would on the approval page, answer the bank's 3-D Secure page as the customer
 * would, move the sandbox clock, and send it a bank transfer. Over HTTP, so it works with an
 * embedded and a standalone sandbox alike.
 */
final class SandboxControls {
  private static final Pattern NOW = Pattern.compile("\"now\"\\s*:\\s*\"([^\"]+)\"");
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final URI baseUrl;
  private final String apiKey;

  SandboxControls(URI baseUrl, String apiKey) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
  }

  /** Submits the approval page's form for {@code setupId}; returns where PayPal sends the payer. */
  URI approvePayPal(String setupId, String email) {
    String form = "setup=" + encode(setupId) + "&email=" + encode(email);
    HttpResponse<String> answer = send(HttpRequest.newBuilder(baseUrl.resolve("sandbox/paypal/approve"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    return URI.create(answer.headers().firstValue("Location")
        .orElseThrow(() -> new IllegalStateException("The approval was refused: HTTP " + answer.statusCode())));
  }

  /**
   * Answers the bank's page at {@code page} (an {@code AuthenticationRequiredException}'s
   * redirect URL) as the customer would: authenticates, or fails to. Returns where the bank sends
   * the customer back, or empty when the flow had no return URL.
   */
  Optional<URI> answerBank(URI page, boolean authenticate) {
    HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(page + (authenticate ? "/authenticate" : "/fail")))
        .POST(HttpRequest.BodyPublishers.noBody()).build());
    if (answer.statusCode() != 303 && answer.statusCode() != 200) {
      throw new IllegalStateException("The bank's page refused the answer: HTTP " + answer.statusCode());
    }
    return answer.headers().firstValue("Location").map(URI::create);
  }

  /** The sandbox's time. */
  Instant clock() {
    HttpResponse<String> answer = send(HttpRequest.newBuilder(baseUrl.resolve("sandbox/clock"))
        .header("Authorization", "Bearer " + apiKey).GET().build());
    Matcher now = NOW.matcher(answer.body());
    if (answer.statusCode() != 200 || !now.find()) {
      throw new IllegalStateException("The sandbox did not tell its time: HTTP " + answer.statusCode());
    }
    return Instant.parse(now.group(1));
  }

  /** Moves the sandbox clock forward; renewals that come due are charged before it returns. */
  String advanceClock(Duration by) {
    HttpResponse<String> answer = send(HttpRequest.newBuilder(baseUrl.resolve("sandbox/clock/advance"))
        .header("Authorization", "Bearer " + apiKey)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"seconds\":" + by.toSeconds() + "}")).build());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("The sandbox clock did not move: HTTP " + answer.statusCode());
    }
    return answer.body();
  }

  /**
   * Tells the sandbox a bank transfer arrived with {@code reference} on it, as the bank would;
   * returns the sandbox's receipt (how it was matched and applied), as JSON.
   */
  String receiveTransfer(long amountMinor, String currency, String reference) {
    String json = "{\"amount\":" + amountMinor + ",\"currency\":\"" + currency + "\",\"reference\":\""
        + reference.replace("\"", "") + "\"}";
    HttpResponse<String> answer = send(HttpRequest.newBuilder(baseUrl.resolve("sandbox/transfers"))
        .header("Authorization", "Bearer " + apiKey)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    if (answer.statusCode() != 201) {
      throw new IllegalStateException("The sandbox refused the transfer: HTTP " + answer.statusCode());
    }
    return answer.body();
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
