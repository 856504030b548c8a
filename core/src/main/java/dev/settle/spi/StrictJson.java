package dev.settle.spi;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import dev.settle.exception.ValidationException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reading helpers for a provider's JSON adapters, as strict as core's own: a value of the wrong
 * kind or a missing field fails with a {@link JsonDataException} that names its JSON path, which
 * core reports as a malformed response.
 *
 * <p>Messages never repeat a value: a server that put a whole card number where the last four
 * belong must not have it copied into an exception.
 */
public final class StrictJson {
  private StrictJson() {}

  /**
   * The next value, which must be a JSON string.
   *
   * @param reader the reader, before the value
   * @return the string
   * @throws JsonDataException naming the path when it is a number, a boolean, null or a structure
   * @throws java.io.IOException if the reader fails
   */
  public static String string(JsonReader reader) throws IOException {
    if (ValidationException.required(reader, "reader").peek() != JsonReader.Token.STRING) {
      throw new JsonDataException("Expected a string at " + reader.getPath());
    }
    return reader.nextString();
  }

  /**
   * The next value, which must be a URL to send a customer's browser to, where they may type a
   * password or authenticate with their bank: an absolute https URL, or http on a loopback host
   * (a local sandbox). A server that answered anything else would be sending customers somewhere
   * they should not go.
   *
   * @param reader positioned at the value
   * @return the URL
   * @throws JsonDataException naming the path otherwise; the URL itself is not repeated
   * @throws IOException if the JSON cannot be read
   */
  public static URI browserUrl(JsonReader reader) throws IOException {
    String path = ValidationException.required(reader, "reader").getPath();
    String text = string(reader);
    URI url;
    try {
      url = new URI(text);
    } catch (URISyntaxException e) {
      throw new JsonDataException("Expected a URL at " + path);
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    boolean secure = scheme.equals("https") || (scheme.equals("http") && isLoopback(url.getHost()));
    if (!url.isAbsolute() || url.getHost() == null || !secure) {
      throw new JsonDataException("Expected an https URL at " + path);
    }
    return url;
  }

  /** Loopback by name or literal address; never resolves a name, which could block or lie. */
  private static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
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

  /**
   * {@code value}, which was read from field {@code field} of the object at {@code objectPath}.
   *
   * @param field the field's name
   * @param objectPath the JSON path of the object, for the message
   * @param value what was read; null when the field was missing or JSON null, which is refused
   * @param <T> the value's type
   * @return {@code value}, not null
   * @throws JsonDataException when it is null: the field was missing or JSON null
   */
  public static <T> T required(@Nullable T value, String objectPath, String field) {
    ValidationException.required(objectPath, "objectPath");
    ValidationException.required(field, "field");
    if (value == null) {
      throw new JsonDataException("Required value '" + field + "' missing at " + objectPath);
    }
    return value;
  }
}
