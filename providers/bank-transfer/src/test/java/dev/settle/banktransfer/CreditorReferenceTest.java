package dev.settle.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.exception.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ISO 11649 references; each example was checked by hand against MOD 97-10 before use. */
class CreditorReferenceTest {
  @ParameterizedTest
  @ValueSource(strings = {
    "RF18539007547034", "RF18000000000539007547034", "RF712348231", "RF45G72UUR", "RF6518K5",
    "RF18 5390 0754 7034", "rf18 5390 0754 7034",
  })
  void acceptsValidReferences(String text) {
    CreditorReference reference = CreditorReference.of(text);

    assertThat(reference.value()).isEqualTo(text.replace(" ", "").toUpperCase());
  }

  @Test
  void splitsIntoItsPartsAndPrintsInGroupsOfFour() {
    CreditorReference reference = CreditorReference.of("RF18000000000539007547034");

    assertThat(reference.checkDigits()).isEqualTo("18");
    assertThat(reference.reference()).isEqualTo("000000000539007547034");
    assertThat(reference.printable()).isEqualTo("RF18 0000 0000 0539 0075 4703 4");
    assertThat(CreditorReference.of("RF18539007547034").printable())
        .isEqualTo("RF18 5390 0754 7034");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // Often quoted as an example, but its check digits do not match: 71 should be 28.
        "RF71 4567 8912 3456 7890 1234 5|check digits 71 do not match",
        "RF19539007547034|check digits 19 do not match",
        "RF18539007547035|check digits 18 do not match",
        "RF35C4|check digits 35 do not match",
        "RF214377|check digits 21 do not match",
        "RF471234567890123456789012|has 5 to 25 characters",
        "RF18|has 5 to 25 characters",
        "XX18539007547034|starts with RF",
        "18539007547034|starts with RF",
        "RFAB539007547034|are check digits",
        "RF18-5390-0754-7034|character 5 is '-'",
      })
  void saysWhatIsWrong(String text, String messagePart) {
    assertThatThrownBy(() -> CreditorReference.of(text))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.param()).isEqualTo("reference");
          assertThat(e.getMessage()).contains(messagePart);
        });
  }

  @Test
  void theCorrectedExampleIsValid() {
    assertThat(CreditorReference.of("RF28 4567 8912 3456 7890 1234 5").checkDigits())
        .isEqualTo("28");
  }

  @ParameterizedTest
  @CsvSource({
    "INV-2026-0001, RF16INV20260001",
    "539007547034, RF18539007547034",
    "000000000539007547034, RF18000000000539007547034",
    "2348231, RF712348231",
    "inv 2026/0001, RF16INV20260001",
  })
  void buildsTheReferenceOfAnInvoiceNumber(String invoiceNumber, String expected) {
    CreditorReference reference = CreditorReference.from(invoiceNumber);

    assertThat(reference.value()).isEqualTo(expected);
    assertThat(CreditorReference.of(reference.value())).isEqualTo(reference);
  }

  @Test
  void refusesInvoiceNumbersThatCannotBeAReference() {
    assertThatThrownBy(() -> CreditorReference.from("---"))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.param()).isEqualTo("reference");
          assertThat(e.getMessage()).contains("no letter or digit");
        });
    assertThatThrownBy(() -> CreditorReference.from("INV-2026-000000000000001"))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.getMessage()).contains("has 22 letters and digits", "at most 21"));
    assertThatThrownBy(() -> CreditorReference.from("FACTURE-É1"))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.getMessage()).contains("U+00C9"));
  }

  @Test
  void aReferenceOfTwentyOneCharactersFits() {
    CreditorReference reference = CreditorReference.from("A".repeat(21));

    assertThat(reference.value()).hasSize(25);
  }
}
