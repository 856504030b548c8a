package dev.settle.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.settle.exception.ValidationException;
import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Amounts: any input gives an exact amount or a ValidationException, and round-trips exactly. */
class MoneyPropertiesTest {

  @Property(tries = 1000, seed = "20261126")
  void minorUnitsRoundTripThroughMajorUnits(@ForAll("amounts") long minor, @ForAll("currencies") String currency) {
    Money money = Money.ofMinor(minor, currency);

    assertThat(Money.of(money.toBigDecimal(), currency)).isEqualTo(money);
  }

  @Property(tries = 1000, seed = "20261126")
  void anyDecimalIsExactOrRefused(@ForAll("decimals") BigDecimal amount, @ForAll("currencies") String currency) {
    Throwable failure = catchThrowable(() -> Money.of(amount, currency));

    if (failure == null) {
      assertThat(Money.of(amount, currency).toBigDecimal()).isEqualByComparingTo(amount);
    } else {
      assertThat(failure).isInstanceOf(ValidationException.class);
    }
  }

  @Provide
  Arbitrary<Long> amounts() {
    return Arbitraries.longs().between(0, 999_999_999_999L);
  }

  @Provide
  Arbitrary<String> currencies() {
    return Arbitraries.of("EUR", "USD", "JPY", "BHD", "KWD", "CHF", "GBP", "CLP");
  }

  @Provide
  Arbitrary<BigDecimal> decimals() {
    return Arbitraries.bigDecimals().between(new BigDecimal("-1000000"), new BigDecimal("1000000")).ofScale(4);
  }
}
