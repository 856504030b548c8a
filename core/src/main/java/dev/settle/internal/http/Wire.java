package dev.settle.internal.http;

import java.util.List;

/**
 * The wire records: request bodies, errors and the answers that are not part of the public
 * model, read and written by {@link WireAdapters} as the model is by {@link ModelAdapters}.
 * Fields are nullable so that a missing one is seen and reported rather than defaulted to zero or
 * false.
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
      String declineCode,
      String requestId,
      dev.settle.model.Payment payment) {}

  public record AttachRequest(String token, Boolean preferred) {}

  public record PayRequest(String paymentMethodId, String returnUrl) {}

  public record CreateWebhookEndpointRequest(String url, List<String> events) {}

  public record AutoRenewalRequest(Boolean enabled) {}

  public record Deleted(String id, Boolean deleted, String restoreToken) {}
}
