package dev.settle.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.settle.exception.ValidationException.Reason;
import dev.settle.exception.ValidationException;
import java.math.BigDecimal;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class MoneyTest {
  @Test
  void scaleComesFromTheCurrency() {
    assertThat(Money.ofMinor(11900, "EUR").toBigDecimal()).isEqualByComparingTo("119.00");
    assertThat(Money.ofMinor(5000, "JPY").toString()).isEqualTo("JPY 5000");
    assertThat(Money.ofMinor(1234, "BHD").toString()).isEqualTo("BHD 1.234");
    assertThat(Money.of(new BigDecimal("119.5"), "EUR").minorUnits()).isEqualTo(11950);
    assertThat(Money.of(new BigDecimal("1.234"), "BHD").minorUnits()).isEqualTo(1234);
  }

  @Test
  void refusesNegativeAmountsTooManyDecimalsAndUnknownCurrencies() {
    assertThatThrownBy(() -> Money.ofMinor(-1, "EUR"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.param()).isEqualTo("amount"));
    assertThatThrownBy(() -> Money.of(new BigDecimal("10.5"), "JPY")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("JPY has 0 decimal places");
    assertThatThrownBy(() -> Money.ofMinor(1, "XYZ")).isInstanceOf(ValidationException.class);
  }

  @Test
  void eachRefusalHasItsReason() {
    assertThat(reason(() -> Money.ofMinor(-1, "EUR"))).isEqualTo(Reason.RANGE);
    assertThat(reason(() -> Money.of(new BigDecimal("10.5"), "JPY"))).isEqualTo(Reason.FORMAT);
    assertThat(reason(() -> Money.of(new BigDecimal("1e30"), "EUR"))).isEqualTo(Reason.RANGE);
    assertThat(reason(() -> Money.ofMinor(1, "XYZ"))).isEqualTo(Reason.FORMAT);
    assertThat(reason(() -> Money.ofMinor(1, (String) null))).isEqualTo(Reason.REQUIRED);
    assertThat(reason(() -> Money.ofMinor(1, "XAU"))).isEqualTo(Reason.UNSUPPORTED);
    assertThatThrownBy(() -> Money.of(new BigDecimal("1e30"), "EUR"))
        .hasMessage("The amount is too large (amount)");
  }

  private static Reason reason(ThrowingCallable call) {
    return catchThrowableOfType(ValidationException.class, call).reason();
  }

  @Test
  void comparesOnlyWithinACurrency() {
    assertThat(Money.ofMinor(1, "EUR")).isLessThan(Money.ofMinor(2, "EUR"));
    assertThatThrownBy(() -> Money.ofMinor(1, "EUR").compareTo(Money.ofMinor(1, "USD")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
