package dev.settle.paypal;

import static dev.settle.spi.StrictJson.required;
import static dev.settle.spi.StrictJson.string;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
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
          approvalUrl = approvalUrl(reader);
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

  private static URI approvalUrl(JsonReader reader) throws IOException {
    String path = reader.getPath();
    String text = string(reader);
    URI url;
    try {
      url = new URI(text);
    } catch (URISyntaxException e) {
      throw new JsonDataException("Expected a URL at " + path);
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
    boolean secure = scheme.equals("https") || (scheme.equals("http") && isLoopback(url.getHost()));
    if (!url.isAbsolute() || url.getHost() == null || !secure) {
      throw new JsonDataException("Expected an https URL at " + path);
    }
    return url;
  }

  /** Loopback by name or literal address; never resolves a name, which could block or lie. */
  private static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    boolean ipLiteral = literal.contains(":") || literal.matches("[0-9.]+");
    if (!ipLiteral) {
      return false;
    }
    try {
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void toJson(JsonWriter writer, PayPalSetup value) {
    throw new UnsupportedOperationException("Settle only reads PayPal setups");
  }
}
