package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  private static Object parse(String json) throws Json.MalformedJsonException {
    return Json.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsExactNumbers() throws Exception {
    assertThat(parse("{\"a\":12.50,\"b\":9007199254740993}")).isEqualTo(
        Map.of("a", new BigDecimal("12.50"), "b", new BigDecimal("9007199254740993")));
  }

  @Test
  void refusesRepeatedNamesAndTrailingContent() {
    assertThatThrownBy(() -> parse("{\"a\":1,\"a\":2}")).isInstanceOf(Json.MalformedJsonException.class);
    assertThatThrownBy(() -> parse("{} []")).isInstanceOf(Json.MalformedJsonException.class);
    assertThatThrownBy(() -> parse("")).isInstanceOf(Json.MalformedJsonException.class);
  }

  @Test
  void malformedInputIsNeverQuoted() {
    assertThatThrownBy(() -> parse("{\"number\":\"4242424242424242\" \"cvc\"}"))
        .isInstanceOf(Json.MalformedJsonException.class)
        .message().doesNotContain("4242").doesNotContain("cvc");
  }

  @Test
  void writesNullsAndNesting() {
    Map<String, Object> value = Json.object("a", null, "b", List.of(1L, "x", true), "c", Json.object("d", 2.5));

    assertThat(new String(Json.write(value), StandardCharsets.UTF_8))
        .isEqualTo("{\"a\":null,\"b\":[1,\"x\",true],\"c\":{\"d\":2.5}}");
  }

  @Test
  void canonicalFormIgnoresKeyOrderAndTrailingZeros() throws Exception {
    Object one = Json.canonical(parse("{\"b\":1.0,\"a\":{\"y\":[1],\"x\":null}}"));
    Object other = Json.canonical(parse("{\"a\":{\"x\":null,\"y\":[1.00]},\"b\":1}"));

    assertThat(Json.write(one)).isEqualTo(Json.write(other));
  }
}
