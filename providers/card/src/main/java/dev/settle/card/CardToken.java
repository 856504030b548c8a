package dev.settle.card;

import com.squareup.moshi.JsonClass;

/**
 * The part of a {@code POST /v1/tokens} response that Settle needs: the token's id.
 *
 * <p>It is read by {@link CardTokenJsonAdapter}, which Moshi finds by name through
 * {@link JsonClass}: the provider cannot register adapters on the client's Moshi, and only an
 * adapter can reject a bad id while the body is being read, where core turns the failure into a
 * malformed-response error.
 */
@JsonClass(generateAdapter = true, generator = "settle-card")
final class CardToken {
  private final String id;

  CardToken(String id) {
    this.id = id;
  }

  /** The id, such as {@code tok_4eC39HqLyjWDarjtT1zdp7dc}. */
  String id() {
    return id;
  }
}
