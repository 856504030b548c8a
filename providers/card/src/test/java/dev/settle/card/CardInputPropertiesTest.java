package dev.settle.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.settle.exception.ValidationException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a caller types, building a card either succeeds or fails with a
 * {@link ValidationException} that names a field and does not repeat the number or CVC.
 */
class CardInputPropertiesTest {

  @Property(tries = 1000, seed = "20261126")
  void anyInputBuildsOrIsRefusedWithAValidationException(
      @ForAll("numbers") String number, @ForAll("cvcs") String cvc,
      @ForAll("months") int month, @ForAll("years") int year) {
    Throwable failure = catchThrowable(() ->
        CardDetails.builder().number(number).cvc(cvc).expiry(month, year).holderName("A").build());
    if (failure != null) {
      assertThat(failure).isInstanceOfSatisfying(ValidationException.class, e -> {
        assertThat(e.violations()).extracting(ValidationException.Violation::param)
            .doesNotHaveDuplicates()
            .isSubsetOf("number", "cvc", "exp_month", "exp_year");
        assertThat(e.param()).isEqualTo(e.violations().get(0).param());
      });
      String digits = number.replaceAll("[^0-9]", "");
      if (digits.length() >= 8) {
        assertThat(failure.getMessage()).doesNotContain(digits);
      }
    }
  }

  @Property(tries = 500, seed = "20261126")
  void everyLuhnValidVisaOfSixteenDigitsIsAccepted(@ForAll("visaBodies") String body) {
    String number = body + luhnDigit(body);

    assertThat(CardDetails.builder().number(number).cvc("123").expiry(12, 2030).build().brand())
        .isEqualTo(CardBrand.VISA);
  }

  @Property(tries = 500, seed = "20261126")
  void changingOneDigitOfAValidNumberIsCaught(@ForAll("visaBodies") String body, @ForAll("positions") int at) {
    String number = body + luhnDigit(body);
    int position = at % number.length();
    char changed = (char) ('0' + (number.charAt(position) - '0' + 1) % 10);
    String wrong = number.substring(0, position) + changed + number.substring(position + 1);

    Throwable failure = catchThrowable(() -> CardDetails.builder().number(wrong).cvc("123").expiry(12, 2030).build());

    assertThat(failure).isInstanceOf(ValidationException.class);
  }

  @Provide
  Arbitrary<String> numbers() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("0123456789 -").ofMaxLength(24),
        Arbitraries.strings().ofMaxLength(24),
        Arbitraries.of("4242424242424242", "378282246310005", "6011111111111117", "", " "));
  }

  @Provide
  Arbitrary<String> cvcs() {
    return Arbitraries.oneOf(Arbitraries.strings().numeric().ofMaxLength(6), Arbitraries.strings().ofMaxLength(5));
  }

  @Provide
  Arbitrary<Integer> months() {
    return Arbitraries.integers().between(-2, 14);
  }

  @Provide
  Arbitrary<Integer> years() {
    return Arbitraries.integers().between(-1, 2300);
  }

  @Provide
  Arbitrary<String> visaBodies() {
    return Arbitraries.strings().numeric().ofLength(14).map(digits -> "4" + digits);
  }

  @Provide
  Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(0, 15);
  }

  /** The Luhn check digit for {@code body}, computed here rather than by the code under test. */
  private static int luhnDigit(String body) {
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      int digit = body.charAt(body.length() - 1 - i) - '0';
      if (i % 2 == 0) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return (10 - sum % 10) % 10;
  }
}
