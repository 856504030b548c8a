package dev.settle.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardTokenJsonAdapterTest {
  /** A plain Moshi: it finds the adapter by name, as the client's does. */
  private final JsonAdapter<CardToken> adapter =
      new Moshi.Builder().build().adapter(CardToken.class);

  @Test
  void readsTheIdAndSkipsTheRest() throws IOException {
    CardToken token =
        adapter.fromJson(
            "{\"type\":\"card\",\"card\":{\"brand\":\"visa\",\"last4\":\"4242\"},"
                + "\"id\":\"tok_4eC39HqLyjWDarjtT1zdp7dc\","
                + "\"created_at\":\"2030-06-15T12:00:00Z\"}");

    assertThat(token.id()).isEqualTo("tok_4eC39HqLyjWDarjtT1zdp7dc");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"pm_123\"", "\"tok_\"", "\"tok_a-b\"", "null", "42", "{}"})
  void refusesAnIdThatIsNotATokenId(String id) {
    assertThatThrownBy(() -> adapter.fromJson("{\"id\":" + id + "}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("Expected a token id (tok_…) at $.id");
  }

  @Test
  void refusesATokenWithoutId() {
    assertThatThrownBy(() -> adapter.fromJson("{\"type\":\"card\"}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("Required value 'id' missing at $");
  }
}
