package dev.settle.internal.http;

import com.squareup.moshi.Json;
import java.util.List;

/**
 * The wire records: request bodies, errors and the answers that are not part of the public
 * model. Public only because Moshi reads records through public accessors. Fields are nullable so
 * that a missing one is seen and reported rather than defaulted to zero or false. The model
 * itself is read by hand (see {@link ModelAdapters}).
 */
public final class Wire {
  private Wire() {}

  /** One page of a list, as {@link PageAdapter} reads it. */
  public record Page<T>(List<T> data, Boolean hasMore, String nextCursor) {}

  /** The one error shape: {@code {"error": {...}}}. */
  public record ErrorBody(Error error) {}

  public record Error(
      String type,
      String code,
      String message,
      String param,
      @Json(name = "decline_code") String declineCode,
      @Json(name = "request_id") String requestId,
      dev.settle.model.Payment payment) {}

  public record AttachRequest(String token, Boolean preferred) {}

  public record PayRequest(@Json(name = "payment_method_id") String paymentMethodId) {}

  public record CreateWebhookEndpointRequest(String url, List<String> events) {}

  public record AutoRenewalRequest(Boolean enabled) {}

  public record Deleted(String id, Boolean deleted, @Json(name = "restore_token") String restoreToken) {}

  /** A single-use token; only its id is read. */
  public record Token(String id) {}
}
