package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardsTest {

  @ParameterizedTest
  @CsvSource({
      "4242424242424242, VISA", "4000056655665556, VISA",
      "5100000000000000, MASTERCARD", "5599999999999999, MASTERCARD",
      "2221000000000000, MASTERCARD", "2720999999999999, MASTERCARD",
      "340000000000000, AMEX", "370000000000000, AMEX",
      "3528000000000000, JCB", "3589999999999999, JCB"})
  void brandsByLeadingDigits(String number, Cards.Brand brand) {
    assertThat(Cards.brandOf(number)).isEqualTo(brand);
  }

  @ParameterizedTest
  @CsvSource({"5000000000000000", "5600000000000000", "2220999999999999", "2721000000000000",
      "350000000000000", "3527999999999999", "3590000000000000", "6011111111111117", "1234567812345670"})
  void otherBrandsAreNotAccepted(String number) {
    assertThat(Cards.brandOf(number)).isNull();
  }

  @ParameterizedTest
  @CsvSource({"4242424242424242, true", "4242424242424241, false", "378282246310005, true",
      "79927398713, true", "79927398710, false"})
  void luhn(String number, boolean valid) {
    assertThat(Cards.passesLuhn(number)).isEqualTo(valid);
  }
}
