package dev.settle.card;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.exception.ValidationException.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The edges of every prefix range, where an off-by-one would accept or refuse a network. */
class CardNetworksTest {

  @ParameterizedTest
  @CsvSource({
    "4000, VISA",
    "4999, VISA",
    "5100, MASTERCARD",
    "5599, MASTERCARD",
    "2221, MASTERCARD",
    "2720, MASTERCARD",
    "3400, AMERICAN_EXPRESS",
    "3700, AMERICAN_EXPRESS",
    "3528, JCB",
    "3589, JCB"
  })
  void acceptsEachEndOfTheAcceptedRanges(String digits, CardBrand brand) {
    assertThat(CardNetworks.acceptedBrand(digits)).isEqualTo(brand);
    assertThat(CardNetworks.refusal(digits)).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "601100, Discover",
    "622126, Discover",
    "622925, Discover",
    "644000, Discover",
    "649999, Discover",
    "650000, Discover",
    "300000, Diners Club",
    "305999, Diners Club",
    "360000, Diners Club",
    "380000, Diners Club",
    "399999, Diners Club",
    "620000, UnionPay",
    "622125, UnionPay",
    "622926, UnionPay",
    "629999, UnionPay",
    "500000, Maestro",
    "560000, Maestro",
    "589999, Maestro",
    "630400, Maestro",
    "675900, Maestro",
    "676100, Maestro",
    "676300, Maestro",
    "670000, Maestro"
  })
  void refusesOtherNetworksByName(String digits, String network) {
    assertThat(CardNetworks.acceptedBrand(digits)).isNull();
    assertThat(CardNetworks.refusal(digits)).satisfies(refusal -> {
      assertThat(refusal.param()).isEqualTo("number");
      assertThat(refusal.reason()).isEqualTo(Reason.UNSUPPORTED_BRAND);
      assertThat(refusal.message()).startsWith(network + " cards are not accepted");
    });
  }

  @ParameterizedTest
  @CsvSource({"2220", "2721", "3527", "3590", "3060", "3300", "6010", "6012", "6400", "6439",
      "6303", "6800", "1000", "7000", "8000", "9000", "0000", "3"})
  void refusesNumbersOutsideEveryRangeAsUnknown(String digits) {
    assertThat(CardNetworks.acceptedBrand(digits)).isNull();
    assertThat(CardNetworks.refusal(digits)).satisfies(refusal -> {
      assertThat(refusal.reason()).isEqualTo(Reason.UNSUPPORTED_BRAND);
      assertThat(refusal.message()).startsWith("The card number belongs to an unknown brand");
    });
  }
}
