package dev.settle.sandbox;

/**
 * What became of one event sent to one webhook endpoint, as {@link SettleSandbox#webhookDeliveries()}
 * shows it at that moment. Carries no secret.
 *
 * @param eventId the event's id ({@code evt_…}), sent as {@code webhook-id} on every attempt
 * @param type the event type, such as {@code invoice.paid}
 * @param endpointId the endpoint's id ({@code we_…})
 * @param url the endpoint's URL
 * @param attempts how many times the event was posted so far, from 0 to {@value WebhookDispatcher#MAX_ATTEMPTS}
 * @param status where the delivery stands
 * @param lastResponseStatus the HTTP status of the last attempt, or 0 when it got no answer (or none was made)
 * @param body the event exactly as posted, a JSON {@code WebhookEvent}
 */
public record WebhookDelivery(String eventId, String type, String endpointId, String url, int attempts,
    Status status, int lastResponseStatus, String body) {

  /** Where a delivery stands. */
  public enum Status {
    /** Not yet answered with a 2xx, with attempts left. */
    PENDING,
    /** An attempt was answered with a 2xx. */
    DELIVERED,
    /** Every attempt failed (a status other than 2xx, or no answer). */
    FAILED,
    /** The endpoint was deleted before the event got through. */
    CANCELLED;

    /** {@return whether the delivery is over: no attempt will follow} */
    public boolean finished() {
      return this != PENDING;
    }
  }
}
