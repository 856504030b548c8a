package dev.settle.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.settle.exception.ValidationException.Reason;
import dev.settle.exception.ValidationException.Violation;
import dev.settle.exception.ValidationException;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CardDetailsTest {

  @ParameterizedTest
  @CsvSource({
    "4242424242424242, VISA",
    "4000056655665556, VISA",
    "4111111111111111, VISA",
    "4222222222222, VISA",
    "4242424242424242428, VISA",
    "5555555555554444, MASTERCARD",
    "2223003122003222, MASTERCARD",
    "5105105105105100, MASTERCARD",
    "378282246310005, AMERICAN_EXPRESS",
    "371449635398431, AMERICAN_EXPRESS",
    "3566002020360505, JCB",
    "3530111333300000, JCB",
    "3530111333300000001, JCB"
  })
  void acceptsTestCardsOfEveryAcceptedBrand(String number, CardBrand brand) {
    String cvc = brand == CardBrand.AMERICAN_EXPRESS ? "1234" : "123";

    CardDetails card = card(number).cvc(cvc).build();

    assertThat(card.brand()).isEqualTo(brand);
    assertThat(card.lastFour()).isEqualTo(number.substring(number.length() - 4));
    assertThat(card.number()).isEqualTo(number);
    assertThat(card.cvc()).isEqualTo(cvc);
    assertThat(card.expiry()).isEqualTo(YearMonth.of(2030, 12));
    assertThat(card.kind()).isEqualTo("card");
  }

  @ParameterizedTest
  @CsvSource({
    "6011111111111117, Discover",
    "6011000990139424, Discover",
    "6221260000000000, Discover",
    "6229250000000003, Discover",
    "6440000000000005, Discover",
    "3056930009020004, Diners Club",
    "36227206271667, Diners Club",
    "380000000000000, Diners Club",
    "6200000000000005, UnionPay",
    "6221250000000001, UnionPay",
    "6229260000000002, UnionPay",
    "6759649826438453, Maestro",
    "6761000000000006, Maestro",
    "6304000000000000, Maestro",
    "5000000000000009, Maestro",
    "5600000000000003, Maestro"
  })
  void refusesCardsOfOtherBrandsByName(String number, String brand) {
    assertThatThrownBy(() -> card(number).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.param()).isEqualTo("number");
          assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_BRAND);
          assertThat(e.getMessage())
              .startsWith(brand + " cards are not accepted")
              .contains("Visa, Mastercard, American Express and JCB are accepted");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"1234567812345670", "9000000000000001", "2220999999999991",
      "2721000000000004", "6400000000000003", "3060000000000001"})
  void refusesNumbersOfNoKnownBrand(String number) {
    assertRefused(card(number), "number", Reason.UNSUPPORTED_BRAND,
        "The card number belongs to an unknown brand");
  }

  @Test
  void acceptsSpacesAndDashesBetweenDigits() {
    CardDetails card = card("4242 4242-4242 4242").build();

    assertThat(card.number()).isEqualTo("4242424242424242");
  }

  /** What a paste from a web page, a PDF or a spreadsheet puts between the groups of digits. */
  @ParameterizedTest
  @ValueSource(strings = {
    "4242\t4242\t4242\t4242",        // tab
    "4242\u00a04242\u00a04242\u00a04242",  // no-break space
    "4242\u20074242\u20074242\u20074242",  // figure space
    "4242\u202f4242\u202f4242\u202f4242",  // narrow no-break space
    "4242\u20094242\u20094242\u20094242",  // thin space
    "4242\u30004242\u30004242\u30004242",  // ideographic space
    "4242\u20104242\u20114242\u20134242",  // hyphen, non-breaking hyphen, en dash
    "4242\u20144242\u200b4242\ufeff4242",  // em dash, zero-width space, byte order mark
    " 4242 4242 4242 4242\r\n"        // a copied line
  })
  void acceptsUnicodeSpacesAndDashesLikeAsciiOnes(String number) {
    CardDetails card = card(number).build();

    assertThat(card.number()).isEqualTo("4242424242424242");
    assertThat(card).isEqualTo(card("4242 4242 4242 4242").build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"4242 4242 4242 424x", "4242.4242.4242.4242", "4242/4242/4242/4242",
      "４２４２４２４２４２４２４２４２", "4242\u22124242\u22124242\u22124242"})
  void refusesNumbersWithOtherCharacters(String number) {
    assertRefused(card(number), "number", Reason.FORMAT, "may contain only digits, spaces and dashes");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", " - - ", "\u00a0\t\u2013"})
  void requiresANumber(String number) {
    assertRefused(card(number), "number", Reason.REQUIRED, "The card number is required");
  }

  @Test
  void refusesAMistypedNumberByItsCheckDigit() {
    assertRefused(card("4242424242424241"), "number", Reason.CHECKSUM, "its check digit does not match");
  }

  @ParameterizedTest
  @CsvSource({
    "424242424242424, 'Visa card numbers have 13, 16 or 19 digits; this one has 15'",
    "4242, 'Visa card numbers have 13, 16 or 19 digits; this one has 4'",
    "555555555555444442, 'Mastercard card numbers have 16 digits; this one has 18'",
    "3782822463100052, 'American Express card numbers have 15 digits; this one has 16'",
    "353011133330001, 'JCB card numbers have 16, 17, 18 or 19 digits; this one has 15'"
  })
  void refusesANumberOfTheWrongLengthForItsBrand(String number, String message) {
    assertRefused(card(number), "number", Reason.LENGTH, message);
  }

  @ParameterizedTest
  @CsvSource({
    "4242424242424242, 12, LENGTH, 'The CVC of Visa cards has 3 digits'",
    "4242424242424242, 1234, LENGTH, 'The CVC of Visa cards has 3 digits'",
    "4242424242424242, 12a, FORMAT, 'The CVC of Visa cards has 3 digits'",
    "5555555555554444, 1234, LENGTH, 'The CVC of Mastercard cards has 3 digits'",
    "3566002020360505, 12, LENGTH, 'The CVC of JCB cards has 3 digits'",
    "378282246310005, 123, LENGTH, 'The CVC of American Express cards has 4 digits'",
    "378282246310005, 12345, LENGTH, 'The CVC of American Express cards has 4 digits'"
  })
  void refusesACvcOfTheWrongLengthForTheBrand(
      String number, String cvc, Reason reason, String message) {
    assertRefused(card(number).cvc(cvc), "cvc", reason, message);
  }

  @Test
  void requiresACvc() {
    assertRefused(card("4242424242424242").cvc(null), "cvc", Reason.REQUIRED,
        "The CVC of Visa cards has 3 digits");
    assertRefused(card("4242424242424242").cvc(""), "cvc", Reason.REQUIRED,
        "The CVC of Visa cards has 3 digits");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 13, -1})
  void refusesAMonthOutsideOneToTwelve(int month) {
    assertRefused(
        card("4242424242424242").expiry(month, 2030),
        "exp_month",
        Reason.RANGE,
        "The expiry month must be from 1 to 12, not " + month);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 12})
  void acceptsTheFirstAndLastMonth(int month) {
    assertThat(card("4242424242424242").expiry(month, 2030).build().expiry())
        .isEqualTo(YearMonth.of(2030, month));
  }

  @ParameterizedTest
  @ValueSource(ints = {30, 1999, 2201})
  void refusesAYearOutsideTheContract(int year) {
    assertRefused(
        card("4242424242424242").expiry(1, year),
        "exp_year",
        Reason.RANGE,
        "The expiry year must be written in full, from 2000 to 2200, not " + year);
  }

  @Test
  void requiresAnExpiry() {
    assertRefused(
        CardDetails.builder().number("4242424242424242").cvc("123"),
        "exp_month",
        Reason.REQUIRED,
        "The expiry month and year are required");
  }

  @Test
  void takesTheExpiryAsAYearMonth() {
    assertThat(card("4242424242424242").expiry(YearMonth.of(2031, 2)).build().expiry())
        .isEqualTo(YearMonth.of(2031, 2));
  }

  @Test
  void keepsTheHolderNameTrimmedAndTreatsBlankAsNone() {
    assertThat(card("4242424242424242").holderName("  Camille Martin ").build().holderName())
        .contains("Camille Martin");
    assertThat(card("4242424242424242").holderName("   ").build().holderName()).isEmpty();
    assertThat(card("4242424242424242").holderName(null).build().holderName()).isEmpty();
  }

  @Test
  void refusesAHolderNameLongerThanTheContractAllows() {
    assertThat(card("4242424242424242").holderName("a".repeat(200)).build().holderName())
        .hasValueSatisfying(name -> assertThat(name).hasSize(200));
    assertRefused(
        card("4242424242424242").holderName("a".repeat(201)),
        "holder_name",
        Reason.LENGTH,
        "The holder name is longer than 200 characters");
  }

  @Test
  void reportsEveryRefusedFieldWithTheNumberFirst() {
    String number = "4242424242424241";
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> CardDetails.builder().number(number).expiry(13, 30).cvc("1")
            .holderName("a".repeat(201)).build());

    assertThat(e.param()).isEqualTo("number");
    assertThat(e.reason()).isEqualTo(Reason.CHECKSUM);
    assertThat(e.violations()).extracting(Violation::param, Violation::reason).containsExactly(
        tuple("number", Reason.CHECKSUM),
        tuple("exp_month", Reason.RANGE),
        tuple("exp_year", Reason.RANGE),
        tuple("cvc", Reason.LENGTH),
        tuple("holder_name", Reason.LENGTH));
    assertThat(e.getMessage())
        .startsWith("5 fields were refused: The card number is mistyped: its check digit does not "
            + "match (number); The expiry month must be from 1 to 12, not 13 (exp_month); ")
        .contains("The CVC has 3 digits, 4 on American Express cards (cvc)")
        .endsWith("The holder name is longer than 200 characters (holder_name)")
        .doesNotContain(number, "4241");
  }

  @Test
  void aValidNumberWithOtherFieldsWrongReportsOnlyThoseFields() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> CardDetails.builder().number("378282246310005").expiry(0, 2030).cvc("987").build());

    assertThat(e.violations()).containsExactly(
        new Violation("exp_month", Reason.RANGE, "The expiry month must be from 1 to 12, not 0"),
        new Violation("cvc", Reason.LENGTH, "The CVC of American Express cards has 4 digits"));
    assertThat(e.param()).isEqualTo("exp_month");
    assertThat(e.getMessage()).doesNotContain("987");
  }

  @Test
  void withTheNumberRefusedACvcOfThreeOrFourDigitsPasses() {
    for (String cvc : new String[] {"123", "1234"}) {
      ValidationException e = catchThrowableOfType(ValidationException.class,
          () -> card("6011111111111117").cvc(cvc).build());
      assertThat(e.violations()).extracting(Violation::param).containsExactly("number");
    }
  }

  @Test
  void showsOnlyBrandLastFourExpiryAndHolder() {
    CardDetails card = card("4242424242424242").holderName("Camille Martin").build();

    assertThat(card.toString())
        .isEqualTo(
            "CardDetails{brand=Visa, lastFour=4242, expiry=2030-12, holderName=Camille Martin}");
    assertThat(card("378282246310005").cvc("1234").build().toString())
        .isEqualTo("CardDetails{brand=American Express, lastFour=0005, expiry=2030-12}");
  }

  @Test
  void isEqualToTheSameCardAndHashesOnlyWhatMayBeShown() {
    CardDetails card = card("4242424242424242").build();
    CardDetails sameCard = card("4242-4242-4242-4242").build();
    CardDetails sameLastFour = card("4000000000024242").build();
    CardDetails otherCvc = card("4242424242424242").cvc("456").build();

    assertThat(card).isEqualTo(sameCard).hasSameHashCodeAs(sameCard);
    assertThat(card).isNotEqualTo(sameLastFour).hasSameHashCodeAs(sameLastFour);
    assertThat(card).isNotEqualTo(otherCvc).hasSameHashCodeAs(otherCvc);
  }

  /** A valid card but for {@code number}. */
  private static CardDetails.Builder card(String number) {
    return CardDetails.builder().number(number).expiry(12, 2030).cvc("123");
  }

  /** {@code card} is refused for exactly one field, {@code param}, for {@code reason}. */
  private static void assertRefused(
      CardDetails.Builder card, String param, Reason reason, String message) {
    assertThatThrownBy(card::build)
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.param()).isEqualTo(param);
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.violations()).hasSize(1);
          assertThat(e.violations().get(0).message()).contains(message);
          assertThat(e.getMessage()).contains(message).endsWith("(" + param + ")");
        });
  }
}
