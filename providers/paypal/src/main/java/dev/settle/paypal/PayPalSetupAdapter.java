package dev.settle.paypal;

import static dev.settle.spi.StrictJson.browserUrl;
import static dev.settle.spi.StrictJson.required;
import static dev.settle.spi.StrictJson.string;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;

/**
 * Reads a {@code PayPalSetup} object. A missing or out-of-contract field fails with a
 * {@link JsonDataException} naming its JSON path, which core reports as a malformed response; a
 * status this version does not know reads as {@link PayPalSetupStatus#UNKNOWN}.
 *
 * <p>The approval URL is where Settle's caller sends a payer to log in to PayPal, so it must be
 * HTTPS, except on a loopback host (the sandbox): a server that answered anything else would be
 * sending payers somewhere they should not type a password.
 */
final class PayPalSetupAdapter extends JsonAdapter<PayPalSetup> {
  /** Finds this adapter for {@link PayPalSetup}, with the client's own rule for timestamps. */
  static final JsonAdapter.Factory FACTORY = (type, annotations, moshi) ->
      type == PayPalSetup.class && annotations.isEmpty() ? new PayPalSetupAdapter(moshi) : null;

  private static final JsonReader.Options FIELDS =
      JsonReader.Options.of("id", "status", "approval_url", "expires_at", "created_at");

  private final JsonAdapter<Instant> instants;

  private PayPalSetupAdapter(Moshi moshi) {
    this.instants = moshi.adapter(Instant.class);
  }

  @Override
  public PayPalSetup fromJson(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      throw new JsonDataException("Expected a PayPal setup object at " + reader.getPath());
    }
    String objectPath = reader.getPath();
    PayPalSetupId id = null;
    PayPalSetupStatus status = null;
    URI approvalUrl = null;
    Instant expiresAt = null;
    Instant createdAt = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(FIELDS)) {
        case 0:
          String value = string(reader);
          if (!PayPalSetupId.isValid(value)) {
            throw new JsonDataException("Expected a PayPal setup id (pps_…) at " + reader.getPath());
          }
          id = PayPalSetupId.of(value);
          break;
        case 1:
          status = PayPalSetupStatus.fromWireName(string(reader));
          break;
        case 2:
          approvalUrl = browserUrl(reader);
          break;
        case 3:
          expiresAt = instant(reader);
          break;
        case 4:
          createdAt = instant(reader);
          break;
        default:
          reader.skipName();
          reader.skipValue();
      }
    }
    reader.endObject();
    return PayPalSetup.builder()
        .id(required(id, objectPath, "id"))
        .status(required(status, objectPath, "status"))
        .approvalUrl(required(approvalUrl, objectPath, "approval_url"))
        .expiresAt(required(expiresAt, objectPath, "expires_at"))
        .createdAt(required(createdAt, objectPath, "created_at"))
        .build();
  }

  private Instant instant(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.STRING) {
      throw new JsonDataException("Expected a timestamp at " + reader.getPath());
    }
    return instants.fromJson(reader);
  }

  @Override
  public void toJson(JsonWriter writer, PayPalSetup value) {
    throw new UnsupportedOperationException("Settle only reads PayPal setups");
  }
}
