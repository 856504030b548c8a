package dev.settle.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.exception.ValidationException.Reason;
import dev.settle.exception.ValidationException.Violation;
import dev.settle.exception.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** A card number checked alone, without an expiry or a CVC. */
class CardNumberTest {

  @ParameterizedTest
  @CsvSource({
    "4242 4242 4242 4242, VISA, 4242",
    "5555-5555-5555-4444, MASTERCARD, 4444",
    "3782 822463 10005, AMERICAN_EXPRESS, 0005",
    "3566002020360505, JCB, 0505"
  })
  void tellsTheBrandAndLastFourWithoutExpiryOrCvc(String text, CardBrand brand, String lastFour) {
    CardNumber number = CardNumber.of(text);

    assertThat(number.brand()).isEqualTo(brand);
    assertThat(number.lastFour()).isEqualTo(lastFour);
    assertThat(number.digits()).isEqualTo(text.replaceAll("[ -]", ""));
    assertThat(CardNumber.check(text)).isEmpty();
    assertThat(CardNumber.isValid(text)).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "4242424242424241 | CHECKSUM | The card number is mistyped: its check digit does not match",
    "424242424242424 | LENGTH | Visa card numbers have 13, 16 or 19 digits; this one has 15",
    "6011111111111117 | UNSUPPORTED_BRAND | Discover cards are not accepted; Visa, Mastercard, "
        + "American Express and JCB are accepted",
    "9000000000000001 | UNSUPPORTED_BRAND | The card number belongs to an unknown brand",
    "4242 4242 4242 424x | FORMAT | The card number may contain only digits, spaces and dashes"
  })
  void checkSaysWhatIsWrongAndOfThrowsTheSame(String text, Reason reason, String message) {
    Violation violation = CardNumber.check(text).orElseThrow();

    assertThat(violation.param()).isEqualTo("number");
    assertThat(violation.reason()).isEqualTo(reason);
    assertThat(violation.message()).startsWith(message);
    assertThat(CardNumber.isValid(text)).isFalse();
    assertThatThrownBy(() -> CardNumber.of(text))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.violations()).containsExactly(violation));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\u00a0\u2007\u202f\u2009\t", "--"})
  void aMissingNumberIsRequired(String text) {
    assertThat(CardNumber.check(text)).hasValueSatisfying(
        violation -> assertThat(violation.reason()).isEqualTo(Reason.REQUIRED));
    assertThat(CardNumber.isValid(text)).isFalse();
  }

  @Test
  void pastedSeparatorsOfEveryKindAreIgnored() {
    CardNumber typed = CardNumber.of("4242424242424242");

    assertThat(CardNumber.of("4242\u00a04242\u20074242\u202f4242")).isEqualTo(typed);
    assertThat(CardNumber.of("4242\u2009\u20134242\t4242\u00ad4242\n")).isEqualTo(typed);
    assertThat(CardNumber.of("\ufeff4242\u200b4242\u20104242\u20144242")).isEqualTo(typed);
  }

  @Test
  void showsAndHashesOnlyBrandAndLastFour() {
    CardNumber number = CardNumber.of("4242424242424242");
    CardNumber sameLastFour = CardNumber.of("4000000000024242");

    assertThat(number.toString()).isEqualTo("CardNumber{brand=Visa, lastFour=4242}");
    assertThat(number).isNotEqualTo(sameLastFour).hasSameHashCodeAs(sameLastFour);
    assertThat(number).isEqualTo(CardNumber.of("4242-4242-4242-4242"));
  }
}
