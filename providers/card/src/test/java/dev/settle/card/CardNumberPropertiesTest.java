package dev.settle.card;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.exception.ValidationException.Reason;
import dev.settle.exception.ValidationException.Violation;
import dev.settle.exception.ValidationException;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Generated numbers of every brand: valid ones are accepted with their brand however they are
 * spaced, and each kind of mistake is refused for its own reason without the number being shown.
 * The prefixes, lengths and check digit are written here from the networks' published rules,
 * independently of the code under test.
 */
class CardNumberPropertiesTest {
  /** Each accepted brand's prefix ranges (both ends included) and number lengths. */
  private static final Map<CardBrand, Rule> RULES = Map.of(
      CardBrand.VISA, new Rule(List.of(new int[] {4, 4}), List.of(13, 16, 19)),
      CardBrand.MASTERCARD,
          new Rule(List.of(new int[] {51, 55}, new int[] {2221, 2720}), List.of(16)),
      CardBrand.AMERICAN_EXPRESS,
          new Rule(List.of(new int[] {34, 34}, new int[] {37, 37}), List.of(15)),
      CardBrand.JCB, new Rule(List.of(new int[] {3528, 3589}), List.of(16, 17, 18, 19)));

  /** Prefixes of networks that are refused, with the name the refusal must give. */
  private static final Map<String, String> REFUSED = Map.of(
      "6011", "Discover", "65", "Discover", "36", "Diners Club", "300", "Diners Club",
      "621", "UnionPay", "6304", "Maestro", "6759", "Maestro");

  /** Characters a paste puts between digit groups. */
  private static final String SEPARATORS =
      " \t\u00a0\u2007\u202f\u2009\u3000-\u2010\u2011\u2013\u2014\u200b\ufeff";

  private record Rule(List<int[]> prefixes, List<Integer> lengths) {}

  private record Generated(CardBrand brand, String number) {}

  @Property(tries = 300, seed = "20261127")
  void everyValidNumberOfEveryBrandIsAccepted(@ForAll("valid") Generated card) {
    CardNumber number = CardNumber.of(card.number());

    assertThat(number.brand()).isEqualTo(card.brand());
    assertThat(number.lastFour()).isEqualTo(card.number().substring(card.number().length() - 4));
    assertThat(CardNumber.check(card.number())).isEmpty();
    assertThat(CardNumber.isValid(card.number())).isTrue();
    assertThat(CardDetails.builder().number(card.number()).expiry(12, 2030)
            .cvc(card.brand() == CardBrand.AMERICAN_EXPRESS ? "1234" : "123").build().brand())
        .isEqualTo(card.brand());
  }

  @Property(tries = 300, seed = "20261127")
  void separatorsAnywhereBetweenDigitsChangeNothing(
      @ForAll("valid") Generated card, @ForAll("spacings") List<Integer> gaps) {
    StringBuilder spaced = new StringBuilder();
    String digits = card.number();
    for (int i = 0; i < digits.length(); i++) {
      int gap = gaps.get(i % gaps.size());
      if (gap >= 0) {
        spaced.append(SEPARATORS.charAt(gap % SEPARATORS.length()));
      }
      spaced.append(digits.charAt(i));
    }

    assertThat(CardNumber.of(spaced.toString())).isEqualTo(CardNumber.of(digits));
  }

  @Property(tries = 300, seed = "20261127")
  void everySingleChangedDigitAfterThePrefixFailsTheChecksum(
      @ForAll("valid") Generated card, @ForAll @IntRange(min = 4, max = 18) int at,
      @ForAll @IntRange(min = 1, max = 9) int by) {
    String number = card.number();
    int position = 4 + at % (number.length() - 4);
    char changed = (char) ('0' + (number.charAt(position) - '0' + by) % 10);
    String wrong = number.substring(0, position) + changed + number.substring(position + 1);

    assertRefused(wrong, Reason.CHECKSUM, "check digit does not match");
  }

  @Property(tries = 300, seed = "20261127")
  void swappingTwoNeighbouringDigitsFailsTheChecksumUnlessTheyAreZeroAndNine(
      @ForAll("valid") Generated card, @ForAll @IntRange(min = 4, max = 18) int at) {
    String number = card.number();
    int position = 4 + at % (number.length() - 5);
    char a = number.charAt(position);
    char b = number.charAt(position + 1);
    String pair = "" + a + b;
    if (a == b || pair.equals("09") || pair.equals("90")) {
      return;   // the same number, or the one swap the Luhn check cannot see
    }
    String swapped = number.substring(0, position) + b + a + number.substring(position + 2);

    assertRefused(swapped, Reason.CHECKSUM, "check digit does not match");
  }

  @Property(tries = 300, seed = "20261127")
  void aLuhnValidNumberOfAnotherLengthIsRefusedForItsLength(
      @ForAll("brands") CardBrand brand, @ForAll @IntRange(min = 12, max = 20) int length,
      @ForAll("digits") String filler) {
    if (RULES.get(brand).lengths().contains(length)) {
      return;
    }
    String number = withCheckDigit(firstPrefix(brand) + filler, length);

    assertRefused(number, Reason.LENGTH,
        brand.displayName() + " card numbers have ", "this one has " + length);
  }

  @Property(tries = 300, seed = "20261127")
  void numbersOfRefusedNetworksAreRefusedByName(
      @ForAll("refusedPrefixes") String prefix, @ForAll("digits") String filler) {
    String number = withCheckDigit(prefix + filler, 16);

    assertRefused(number, Reason.UNSUPPORTED_BRAND, REFUSED.get(prefix) + " cards are not accepted");
  }

  @Provide
  Arbitrary<Generated> valid() {
    return brands().flatMap(brand -> {
      Rule rule = RULES.get(brand);
      Arbitrary<String> prefix = Arbitraries.of(rule.prefixes())
          .flatMap(range -> Arbitraries.integers().between(range[0], range[1]))
          .map(String::valueOf);
      return Combinators.combine(prefix, Arbitraries.of(rule.lengths()), digits())
          .as((start, length, filler) -> new Generated(brand, withCheckDigit(start + filler, length)));
    });
  }

  @Provide
  Arbitrary<CardBrand> brands() {
    return Arbitraries.of(CardBrand.class);
  }

  @Provide
  Arbitrary<String> digits() {
    return Arbitraries.strings().numeric().ofLength(20);
  }

  @Provide
  Arbitrary<String> refusedPrefixes() {
    return Arbitraries.of(REFUSED.keySet());
  }

  /** Where a separator goes before each digit: negative for none. */
  @Provide
  Arbitrary<List<Integer>> spacings() {
    return Arbitraries.integers().between(-20, 40).list().ofMinSize(1).ofMaxSize(20);
  }

  private static String firstPrefix(CardBrand brand) {
    return String.valueOf(RULES.get(brand).prefixes().get(0)[0]);
  }

  /** The first {@code length - 1} digits of {@code digits}, and the Luhn check digit. */
  private static String withCheckDigit(String digits, int length) {
    String body = digits.substring(0, length - 1);
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      int digit = body.charAt(body.length() - 1 - i) - '0';
      if (i % 2 == 0) {
        digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      }
      sum += digit;
    }
    return body + (10 - sum % 10) % 10;
  }

  /** Refused by {@code check} and {@code of} alike, and no six digits of it in a row shown. */
  private static void assertRefused(String number, Reason reason, String... message) {
    Violation violation = CardNumber.check(number).orElseThrow();
    assertThat(violation.param()).isEqualTo("number");
    assertThat(violation.reason()).isEqualTo(reason);
    assertThat(violation.message()).contains(message);
    assertThat(CardNumber.isValid(number)).isFalse();
    ValidationException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        ValidationException.class, () -> CardNumber.of(number));
    assertThat(e.violations()).containsExactly(violation);
    for (int i = 0; i + 6 <= number.length(); i++) {
      assertThat(e.getMessage()).doesNotContain(number.substring(i, i + 6));
    }
  }
}
