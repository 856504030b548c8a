package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CreditorReferenceTest {

  @Test
  void computesTheIsoExampleCheckDigits() {
    // The example of ISO 11649 and the European Payments Council.
    assertThat(CreditorReference.of("539007547034")).isEqualTo("RF18539007547034");
    assertThat(CreditorReference.isValid("RF18 5390 0754 7034")).isTrue();
  }

  @Test
  void referenceOfAnInvoiceNumberDropsItsSeparators() {
    String reference = CreditorReference.of("INV-2026-0001");

    assertThat(reference).startsWith("RF").endsWith("INV20260001");
    assertThat(CreditorReference.isValid(reference)).isTrue();
  }

  @Test
  void detectsWrongCheckDigits() {
    assertThat(CreditorReference.isValid("RF19539007547034")).isFalse();
    assertThat(CreditorReference.isValid("RF18539007547035")).isFalse();
    assertThat(CreditorReference.isValid("XX18539007547034")).isFalse();
  }

  @Test
  void singleDigitCheckIsZeroPadded() {
    // A body whose check digits are below 10 must still print two of them.
    for (int i = 0; i < 500; i++) {
      String reference = CreditorReference.of("A" + i);
      assertThat(reference).matches("RF[0-9]{2}A[0-9]+");
      assertThat(CreditorReference.isValid(reference)).isTrue();
    }
  }

  @Test
  void refusesBodiesThatDoNotFit() {
    assertThatThrownBy(() -> CreditorReference.of("--")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CreditorReference.of("1234567890123456789012")).isInstanceOf(IllegalArgumentException.class);
  }
}
