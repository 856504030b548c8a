package dev.settle.internal.http;

import static dev.settle.internal.http.ModelAdapters.instant;
import static dev.settle.internal.http.ModelAdapters.required;
import static dev.settle.internal.http.ModelAdapters.skipField;
import static dev.settle.internal.http.ModelAdapters.string;
import static dev.settle.internal.http.ModelAdapters.strings;
import static dev.settle.internal.http.ModelAdapters.uri;

import com.squareup.moshi.JsonReader;
import dev.settle.model.WebhookEndpoint;
import dev.settle.model.WebhookEndpointId;
import dev.settle.model.WebhookEventType;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads a webhook endpoint; its secret is present only in the answer that created it. */
final class WebhookEndpointAdapter extends ModelAdapters.Answer<WebhookEndpoint> {
  private static final JsonReader.Options FIELDS =
      JsonReader.Options.of("id", "url", "events", "secret", "created_at");

  @Override
  WebhookEndpoint read(JsonReader reader, @Nullable String requestId) throws IOException {
    String id = null;
    String url = null;
    List<String> events = null;
    String secret = null;
    Instant createdAt = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(FIELDS)) {
        case 0 -> id = string(reader);
        case 1 -> url = string(reader);
        case 2 -> events = strings(reader);
        case 3 -> secret = string(reader);
        case 4 -> createdAt = instant(reader);
        default -> skipField(reader);
      }
    }
    reader.endObject();
    return WebhookEndpoint.builder()
        .id(WebhookEndpointId.of(required(id, "webhook_endpoint.id")))
        .url(uri(required(url, "webhook_endpoint.url")))
        .events(events == null ? List.of() : events.stream().map(WebhookEventType::of).toList())
        .secret(secret)
        .createdAt(required(createdAt, "webhook_endpoint.created_at"))
        .requestId(requestId)
        .build();
  }

  @Override
  public String toString() {
    return "WebhookEndpoint";
  }
}
