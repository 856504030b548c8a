package dev.settle.spring;

import dev.settle.exception.WebhookVerificationException;
import dev.settle.webhooks.WebhookEvent;
import dev.settle.webhooks.WebhookVerifier;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Receives the billing system's webhook deliveries: verifies each on its raw bytes, publishes its
 * event once as a Spring application event, and answers so the sender knows whether to retry.
 *
 * <table>
 *   <caption>Answers</caption>
 *   <tr><td>200 {@code received}</td><td>verified and published</td></tr>
 *   <tr><td>200 {@code duplicate}</td><td>verified, already received within the replay window: not published again</td></tr>
 *   <tr><td>400 and the reason</td><td>a bad signature, timestamp or body: dropped, not retried</td></tr>
 *   <tr><td>413</td><td>a body over {@code settle.webhooks.max-body-size}</td></tr>
 *   <tr><td>500</td><td>a listener threw, or no usable secret: the sender retries</td></tr>
 * </table>
 */
final class WebhookReceiver {
  private static final Log LOG = LogFactory.getLog(WebhookReceiver.class);

  private final WebhookVerification verification;
  private final DeliveryLog deliveries;
  private final ApplicationEventPublisher publisher;
  private final int maxBodySize;

  WebhookReceiver(WebhookVerification verification, DeliveryLog deliveries, ApplicationEventPublisher publisher,
      int maxBodySize) {
    this.verification = verification;
    this.deliveries = deliveries;
    this.publisher = publisher;
    this.maxBodySize = maxBodySize;
  }

  ServerResponse receive(ServerRequest request) throws IOException {
    byte[] body = read(request.servletRequest());
    if (body == null) {
      return text(HttpStatus.CONTENT_TOO_LARGE, "The body is larger than " + maxBodySize + " bytes");
    }
    String id = request.headers().firstHeader(WebhookVerifier.ID_HEADER);
    WebhookEvent event;
    try {
      event = verification.verify(body, id, request.headers().firstHeader(WebhookVerifier.TIMESTAMP_HEADER),
          signatures(request.headers().header(WebhookVerifier.SIGNATURE_HEADER)));
    } catch (WebhookVerificationException e) {
      if (e.reason() == WebhookVerificationException.Reason.MALFORMED_SECRET) {
        LOG.error("A configured Settle webhook secret is malformed: " + e.getMessage());
        return text(HttpStatus.INTERNAL_SERVER_ERROR, "The endpoint's secrets are misconfigured");
      }
      LOG.warn("Refused a Settle webhook delivery: " + e.reason() + ": " + e.getMessage());
      return text(HttpStatus.BAD_REQUEST, e.reason() + ": " + e.getMessage());
    } catch (IllegalStateException e) {
      LOG.error("No Settle webhook secret is configured; the delivery was not checked");
      return text(HttpStatus.INTERNAL_SERVER_ERROR, "The endpoint has no secret");
    }
    Instant now = verification.clock().instant();
    String deliveryId = id.strip();
    if (!deliveries.claim(deliveryId, now, now.plus(verification.replayWindow()))) {
      return text(HttpStatus.OK, "duplicate");
    }
    try {
      publisher.publishEvent(event);
    } catch (RuntimeException e) {
      deliveries.release(deliveryId);
      LOG.error("A listener of Settle event " + event.id() + " (" + event.typeName() + ") failed; the sender will retry", e);
      return text(HttpStatus.INTERNAL_SERVER_ERROR, "A listener failed");
    }
    return text(HttpStatus.OK, "received");
  }

  /** The body as it arrived, or null when it is larger than allowed. */
  private byte[] read(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > maxBodySize) {
      return null;
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(maxBodySize + 1);
      return body.length > maxBodySize ? null : body;
    }
  }

  /** Several signature headers are read as one space-separated list, as the scheme allows. */
  private static String signatures(List<String> values) {
    return values.isEmpty() ? null : String.join(" ", values);
  }

  private static ServerResponse text(HttpStatus status, String message) {
    return ServerResponse.status(status).contentType(MediaType.TEXT_PLAIN).body(message + "\n");
  }
}
