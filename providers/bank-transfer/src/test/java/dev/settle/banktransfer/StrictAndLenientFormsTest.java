package dev.settle.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.exception.ValidationException.Reason;
import dev.settle.exception.ValidationException.Violation;
import dev.settle.exception.ValidationException;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The three ways into each of IBAN, BIC and reference: {@code of} for what a person types,
 * {@code parse} for the electronic form only, and {@code check}/{@code isValid}, which say what
 * {@code of} would without throwing.
 */
class StrictAndLenientFormsTest {

  /** One kind of value: its param and its four entry points. */
  record Kind(
      String param,
      Function<String, Object> of,
      Function<String, Object> parse,
      Function<String, Optional<Violation>> check,
      Function<String, Boolean> isValid) {
    @Override
    public String toString() {
      return param;
    }
  }

  static final Kind IBAN = new Kind("iban", Iban::of, Iban::parse, Iban::check, Iban::isValid);
  static final Kind BIC = new Kind("bic", Bic::of, Bic::parse, Bic::check, Bic::isValid);
  static final Kind REFERENCE = new Kind("reference", CreditorReference::of,
      CreditorReference::parse, CreditorReference::check, CreditorReference::isValid);

  static Stream<Arguments> printedAndElectronic() {
    return Stream.of(
        Arguments.of(IBAN, "de89 3704 0044 0532 0130 00", "DE89370400440532013000"),
        Arguments.of(IBAN, "FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02606"),
        Arguments.of(BIC, "coba de ff xxx", "COBADEFFXXX"),
        Arguments.of(BIC, "Deut DE FF", "DEUTDEFF"),
        Arguments.of(REFERENCE, "rf18 5390 0754 7034", "RF18539007547034"),
        Arguments.of(REFERENCE, "RF18 5390 0754 7034", "RF18539007547034"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("printedAndElectronic")
  void parseTakesOnlyTheElectronicFormThatOfKeeps(Kind kind, String printed, String electronic) {
    Object lenient = kind.of().apply(printed);
    Object strict = kind.parse().apply(electronic);

    assertThat(strict).isEqualTo(lenient).hasToString(electronic);
    assertThat(kind.check().apply(printed)).isEmpty();
    assertThat(kind.isValid().apply(printed)).isTrue();
    assertThat(kind.isValid().apply(electronic)).isTrue();
    assertThatThrownBy(() -> kind.parse().apply(printed))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.param()).isEqualTo(kind.param());
          assertThat(e.reason()).isEqualTo(Reason.FORMAT);
          assertThat(e.getMessage())
              .contains("in electronic form has no spaces and no lower-case letters")
              .contains(".of accepts one as a person types it");
        });
  }

  @ParameterizedTest(name = "{0}: \"{1}\"")
  @CsvSource(delimiter = '|', value = {
    "iban | DE89370400440532013001 | CHECKSUM | check digits 89 do not match",
    "iban | DE8937040044053201300 | LENGTH | has 22 characters; this one has 21",
    "iban | US64SVBKUS6S3300958879 | UNSUPPORTED | Unknown country US",
    "iban | DE89-3704-0044-0532-0130-00 | FORMAT | character 5 is '-'",
    "iban | DE89370400440532O13000 | FORMAT | must be a digit",
    "iban | 1E89370400440532013000 | FORMAT | two-letter country code",
    "bic | COBADEF | LENGTH | A BIC has 8 or 11 characters; this one has 7",
    "bic | C0BADEFFXXX | FORMAT | four-letter bank code",
    "bic | COBAQQFFXXX | UNSUPPORTED | Unknown country QQ",
    "reference | RF19539007547034 | CHECKSUM | check digits 19 do not match",
    "reference | XX18539007547034 | FORMAT | starts with RF",
    "reference | RF18 | LENGTH | has 5 to 25 characters",
    "reference | RF18-5390 | FORMAT | character 5 is '-'",
  })
  void eachFailureHasItsReasonAndAllThreeEntriesAgree(
      String param, String text, Reason reason, String message) {
    Kind kind = kind(param);

    Violation violation = kind.check().apply(text).orElseThrow();

    assertThat(violation.param()).isEqualTo(param);
    assertThat(violation.reason()).isEqualTo(reason);
    assertThat(violation.message()).contains(message);
    assertThat(kind.isValid().apply(text)).isFalse();
    for (Function<String, Object> parse : java.util.List.of(kind.of(), kind.parse())) {
      assertThatThrownBy(() -> parse.apply(text))
          .isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.violations()).containsExactly(violation));
    }
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void nothingGivenIsRequiredEverywhereAndCheckDoesNotThrow(String text) {
    for (Kind kind : new Kind[] {IBAN, BIC, REFERENCE}) {
      assertThat(kind.check().apply(text)).hasValueSatisfying(violation -> {
        assertThat(violation.param()).isEqualTo(kind.param());
        assertThat(violation.reason()).isEqualTo(Reason.REQUIRED);
      });
      assertThat(kind.isValid().apply(text)).isFalse();
      assertThatThrownBy(() -> kind.of().apply(text))
          .isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.REQUIRED));
    }
    assertThatThrownBy(() -> CreditorReference.from(null))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.REQUIRED));
  }

  @ParameterizedTest
  @ValueSource(strings = {"de89370400440532013000", " DE89370400440532013000", "DE89\u00a03704"})
  void parseRefusesAnythingButTheElectronicForm(String text) {
    assertThatThrownBy(() -> Iban.parse(text))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.FORMAT));
  }

  @ParameterizedTest
  @CsvSource({
    "INV-2026-0001, ''",
    "'', FORMAT",
    "'Rechnung Nr. ä1', FORMAT",
    "ABCDEFGHIJKLMNOPQRSTUV, LENGTH"
  })
  void referencesFromInvoiceNumbersHaveReasonsToo(String invoiceNumber, String reason) {
    if (reason.isEmpty()) {
      assertThat(CreditorReference.from(invoiceNumber).reference()).isEqualTo("INV20260001");
      return;
    }
    assertThatThrownBy(() -> CreditorReference.from(invoiceNumber))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.param()).isEqualTo("reference");
          assertThat(e.reason()).isEqualTo(Reason.valueOf(reason));
        });
  }

  private static Kind kind(String param) {
    return Stream.of(IBAN, BIC, REFERENCE).filter(k -> k.param().equals(param)).findFirst()
        .orElseThrow();
  }
}
