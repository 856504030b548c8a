package dev.settle.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.settle.exception.ValidationException;
import dev.settle.model.CustomerId;
import dev.settle.spi.ApiCall;
import dev.settle.spi.ProviderApi;
import dev.settle.spi.ProviderContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Card numbers and CVCs never show: not in {@code toString()}, not in any validation message. A
 * number counts as shown when any six of its digits in a row appear.
 */
class RedactionTest {

  static Stream<Arguments> invalidCards() {
    return Stream.of(
        invalid("4242424242424241", "737"),
        invalid("424242424242424", "737"),
        invalid("555555555555444442", "737"),
        invalid("3782822463100052", "7373"),
        invalid("353011133330001", "737"),
        invalid("6011111111111117", "737"),
        invalid("6011000990139424", "737"),
        invalid("3056930009020004", "737"),
        invalid("36227206271667", "737"),
        invalid("6200000000000005", "737"),
        invalid("6759649826438453", "737"),
        invalid("1234567812345670", "737"),
        invalid("4242 4242 4242 424x", "737"),
        invalid("4242424242424242", "73"),
        invalid("4242424242424242", "7373"),
        invalid("4242424242424242", "73a"),
        invalid("5555555555554444", "7373"),
        invalid("378282246310005", "737"),
        invalid("378282246310005", "73737"),
        Arguments.of(
            CardDetails.builder().number("4242424242424242").expiry(13, 2030).cvc("737"),
            "4242424242424242", "737"),
        Arguments.of(
            CardDetails.builder().number("4242424242424242").expiry(12, 30).cvc("737"),
            "4242424242424242", "737"),
        Arguments.of(
            CardDetails.builder().number("4242424242424242").cvc("737"),
            "4242424242424242", "737"),
        Arguments.of(
            CardDetails.builder().number("4242424242424242").expiry(12, 2030).cvc("737")
                .holderName("a".repeat(201)),
            "4242424242424242", "737"));
  }

  @ParameterizedTest
  @MethodSource("invalidCards")
  void validationMessagesShowNeitherNumberNorCvc(
      CardDetails.Builder card, String number, String cvc) {
    assertThatThrownBy(card::build)
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertShowsNeither(e.getMessage(), number, cvc));
  }

  @ParameterizedTest
  @CsvSource({
    "4242424242424242, 737",
    "5555555555554444, 737",
    "378282246310005, 7373",
    "3566002020360505, 737"
  })
  void theExpiryMessageShowsNeitherNumberNorCvc(String number, String cvc) {
    CardDetails expired = CardDetails.builder().number(number).expiry(5, 2030).cvc(cvc).build();

    ProviderContext june2030 = contextAt("2030-06-01T00:00:00Z");

    assertThatThrownBy(() -> new CardProvider().tokenize(expired, june2030))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertShowsNeither(e.getMessage(), number, cvc));
  }

  @ParameterizedTest
  @CsvSource({
    "4242424242424242, 737",
    "4000056655665556, 737",
    "4111111111111111, 737",
    "5555555555554444, 737",
    "2223003122003222, 737",
    "5105105105105100, 737",
    "378282246310005, 7373",
    "371449635398431, 7373",
    "3566002020360505, 737",
    "3530111333300000, 737"
  })
  void cardsAndTheirTokenRequestShowNeitherNumberNorCvc(String number, String cvc) {
    CardDetails card =
        CardDetails.builder().number(number).expiry(12, 2030).cvc(cvc).holderName("C. Martin")
            .build();

    assertShowsNeither(card.toString(), number, cvc);
    assertShowsNeither(new TokenRequest(card).toString(), number, cvc);
  }

  private static Arguments invalid(String number, String cvc) {
    return Arguments.of(
        CardDetails.builder().number(number).expiry(12, 2030).cvc(cvc), number, cvc);
  }

  private static void assertShowsNeither(String text, String number, String cvc) {
    String digits = number.replaceAll("[^0-9]", "");
    for (int start = 0; start + 6 <= digits.length(); start++) {
      assertThat(text).doesNotContain(digits.substring(start, start + 6));
    }
    assertThat(text).doesNotContain(number).doesNotContain(cvc);
  }

  /** A context at {@code instant} in which any request fails the test. */
  private static ProviderContext contextAt(String instant) {
    Clock clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    return new ProviderContext() {
      @Override
      public Clock clock() {
        return clock;
      }

      @Override
      public CustomerId customerId() {
        return CustomerId.of("200001");
      }

      @Override
      public <S> S api(ProviderApi<S> api) {
        return fail("An expired card must not be sent, but %s was asked for", api);
      }

      @Override
      public String nextIdempotencyKey() {
        return fail("An expired card must not be sent, but a write was prepared");
      }

      @Override
      public <T> T execute(ApiCall<T> call) {
        return fail("An expired card must not be sent, but %s was made", call);
      }

      @Override
      public <T> CompletableFuture<T> executeAsync(ApiCall<T> call) {
        return fail("An expired card must not be sent, but %s was made", call);
      }
    };
  }
}
