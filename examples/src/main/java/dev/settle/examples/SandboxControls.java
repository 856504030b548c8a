package dev.settle.examples;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.settle.model.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * What the examples do to a sandbox that is not part of the billing API: approve a PayPal setup
 * as the payer would on the approval page, answer the bank's 3-D Secure page as the customer
 * would, move the sandbox clock, send it a bank transfer, and switch a fault on. Over HTTP, so it works with an embedded and a standalone sandbox alike.
 */
final class SandboxControls {
  private static final JsonAdapter<Map<String, Object>> JSON =
      new Moshi.Builder().build().adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final URI baseUrl;
  private final String apiKey;
  /** How far the sandbox's clock is ahead of this machine's, as last read. */
  private volatile Duration ahead = Duration.ZERO;

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

  /** The sandbox's time now. */
  Instant now() {
    return advanceClock(Duration.ZERO);
  }

  /**
   * Moves the sandbox clock forward; renewals that come due are charged before it returns.
   * Returns the sandbox's time after the move.
   */
  Instant advanceClock(Duration by) {
    // Renewals sign their webhooks while the clock moves, before the answer: count the move already.
    ahead = ahead.plus(by);
    Map<String, Object> answer = post("sandbox/clock/advance", "{\"seconds\":" + by.toSeconds() + "}", 200,
        "The sandbox clock did not move");
    Instant now = Instant.parse((String) answer.get("now"));
    ahead = Duration.between(Instant.now(), now);
    return now;
  }

  /**
   * The sandbox's time, for checking what it signs: this machine's clock, moved as far as the
   * sandbox's has been moved through {@link #advanceClock}.
   */
  Clock clock() {
    now();
    return new Clock() {
      @Override
      public Instant instant() {
        return Instant.now().plus(ahead);
      }

      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The sandbox's time is read in UTC");
      }
    };
  }

  /**
   * Tells the sandbox a bank transfer arrived with {@code reference} on it, as the bank would;
   * returns how the sandbox matched and applied it.
   */
  Transfer receiveTransfer(Money amount, String reference) {
    String json = "{\"amount\":" + amount.minorUnits() + ",\"currency\":\"" + amount.currency() + "\",\"reference\":\""
        + reference.replace("\"", "") + "\"}";
    Map<String, Object> receipt = post("sandbox/transfers", json, 201, "The sandbox refused the transfer");
    String currency = (String) receipt.get("currency");
    return new Transfer(amount, (String) receipt.get("reference"), (String) receipt.get("outcome"),
        (String) receipt.get("invoice_id"), (String) receipt.get("payment_id"),
        Money.ofMinor(((Number) receipt.get("amount_applied")).longValue(), currency),
        Money.ofMinor(((Number) receipt.get("excess")).longValue(), currency));
  }

  /**
   * Answers the next {@code count} requests to {@code route}, such as {@code "POST
   * /v1/accounts/{@literal *}/invoices/{@literal *}/pay"}, with 429 and a {@code Retry-After} of
   * {@code retryAfterSeconds}; every other fault is switched off.
   */
  void rateLimit(String route, int count, int retryAfterSeconds) {
    post("sandbox/faults", "{\"rules\":[{\"route\":\"" + route + "\",\"rate_limit_burst\":" + count
        + ",\"retry_after_seconds\":" + retryAfterSeconds + "}]}", 200, "The sandbox refused the fault");
  }

  /** Switches every fault off. */
  void clearFaults() {
    HttpResponse<String> answer = send(authorized("sandbox/faults").DELETE().build());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("The sandbox kept its faults: HTTP " + answer.statusCode());
    }
  }

  /** A bank transfer as the sandbox received it. */
  record Transfer(Money amount, String reference, String outcome, String invoiceId, String paymentId,
      Money applied, Money excess) {
    /** For example {@code paid: EUR 349.00 applied to invoice in_1 as payment py_2, nothing left over}. */
    String describe() {
      String result = outcome.replace('_', ' ');
      if (invoiceId == null) {
        return result + ": no invoice quotes this reference, nothing applied";
      }
      return result + ": " + applied + " applied to invoice " + invoiceId
          + (paymentId == null ? "" : " as payment " + paymentId)
          + (excess.isZero() ? ", nothing left over" : ", " + excess + " left over");
    }
  }

  private Map<String, Object> post(String path, String json, int expected, String refusal) {
    HttpResponse<String> answer = send(authorized(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    if (answer.statusCode() != expected) {
      throw new IllegalStateException(refusal + ": HTTP " + answer.statusCode());
    }
    try {
      return JSON.fromJson(answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpRequest.Builder authorized(String path) {
    return HttpRequest.newBuilder(baseUrl.resolve(path)).header("Authorization", "Bearer " + apiKey);
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
