package dev.settle.banktransfer;

import static dev.settle.banktransfer.EpcQrCodeTest.decode;
import static dev.settle.banktransfer.EpcQrCodeTest.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.settle.exception.ValidationException.Reason;
import dev.settle.exception.ValidationException.Violation;
import dev.settle.exception.ValidationException;
import dev.settle.model.InvoiceId;
import dev.settle.model.Money;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * EPC QR codes for a payee of the caller's own: the payload decoded from the PNG and compared
 * element by element with the EPC069-12 layout, and every limit of the standard.
 */
class EpcQrCodeBuilderTest {
  /** The names of the twelve EPC069-12 elements, for failure messages. */
  private static final List<String> ELEMENTS = List.of(
      "service tag", "version", "character set", "identification", "BIC", "name", "IBAN",
      "amount", "purpose", "structured remittance", "unstructured remittance",
      "beneficiary to originator information");

  @Test
  void everyElementStandsOnItsLineInThePng() throws Exception {
    EpcQrCode code = EpcQrCode.builder()
        .payeeName("Red Cross of Belgium")
        .iban("be72 0000 0000 1616")
        .bic("bpotbeb1")
        .amount(Money.of(new BigDecimal("1.00"), "EUR"))
        .purpose("CHAR")
        .remittanceText("Urgency fund")
        .noteToPayer("Sample EPC QR code")
        .build();

    assertLayout(code, "BCD", "002", "1", "SCT", "BPOTBEB1", "Red Cross of Belgium",
        "BE72000000001616", "EUR1.00", "CHAR", "", "Urgency fund", "Sample EPC QR code");
    assertThat(code.payload().split("\n", -1)).hasSize(12);
  }

  @Test
  void withoutBicAndAmountTheirLinesAreEmptyAndTrailingEmptyElementsAreLeftOut() throws Exception {
    EpcQrCode code = EpcQrCode.builder()
        .payeeName("Settle Software GmbH")
        .iban(Iban.of("DE89370400440532013000"))
        .reference(CreditorReference.of("RF18 5390 0754 7034"))
        .build();

    assertLayout(code, "BCD", "002", "1", "SCT", "", "Settle Software GmbH",
        "DE89370400440532013000", "", "", "RF18539007547034", "", "");
    assertThat(code.payload()).endsWith("\nRF18539007547034");
  }

  @Test
  void onlyTheMandatoryElementsEndWithTheIban() throws Exception {
    EpcQrCode code = EpcQrCode.builder().payeeName("A").iban("NL91ABNA0417164300")
        .bic(" ").purpose("").remittanceText("   ").noteToPayer(null).build();

    assertThat(code.payload()).isEqualTo("BCD\n002\n1\nSCT\n\nA\nNL91ABNA0417164300");
    assertLayout(code, "BCD", "002", "1", "SCT", "", "A", "NL91ABNA0417164300",
        "", "", "", "", "");
  }

  @Test
  void theInstructionsCodeIsTheBuilderCodeOfTheSameFields() {
    BankTransferInstructions instructions =
        EpcQrCodeTest.instructions(11900, "EUR", "Settle Software GmbH");

    EpcQrCode built = EpcQrCode.builder()
        .payeeName(instructions.payeeName())
        .iban(instructions.iban())
        .bic(instructions.bic())
        .amount(instructions.amount())
        .reference(instructions.reference())
        .build();

    assertThat(built).isEqualTo(EpcQrCode.of(instructions));
  }

  @Test
  void everyViolationIsReportedAtOnceInTheOrderOfThePayload() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> EpcQrCode.builder()
            .bic("COBADEF")
            .payeeName(" ")
            .iban("DE89370400440532013001")
            .amount(Money.ofMinor(100, "USD"))
            .purpose("GOODS")
            .reference("RF19539007547034")
            .remittanceText("x".repeat(141))
            .noteToPayer("two\nlines")
            .build());

    assertThat(e.violations()).extracting(Violation::param, Violation::reason).containsExactly(
        tuple("bic", Reason.LENGTH),
        tuple("name", Reason.REQUIRED),
        tuple("iban", Reason.CHECKSUM),
        tuple("currency", Reason.UNSUPPORTED),
        tuple("purpose", Reason.LENGTH),
        tuple("reference", Reason.CHECKSUM),
        tuple("remittance_text", Reason.LENGTH),
        tuple("remittance_text", Reason.CONFLICT),
        tuple("note_to_payer", Reason.FORMAT));
    assertThat(e.param()).isEqualTo("bic");
    assertThat(e.getMessage())
        .startsWith("8 fields were refused: A BIC has 8 or 11 characters; this one has 7 (bic); "
            + "The payee's name is required (name); ")
        .contains("An EPC QR code carries euro amounts only; this amount is in USD (currency)")
        .contains("a structured reference or a remittance text, not both")
        .endsWith("which would break the lines of an EPC QR code (note_to_payer)");
  }

  @Test
  void theNameAndIbanAreRequired() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> EpcQrCode.builder().build());

    assertThat(e.violations()).extracting(Violation::param, Violation::reason).containsExactly(
        tuple("name", Reason.REQUIRED), tuple("iban", Reason.REQUIRED));
  }

  @ParameterizedTest
  @CsvSource({"0.01, EUR0.01", "999999999.99, EUR999999999.99", "12.3, EUR12.30", "5, EUR5.00"})
  void amountsFromOneCentToTheLimitAreWrittenWithTwoDecimals(String amount, String element) {
    EpcQrCode code = valid().amount(Money.of(new BigDecimal(amount), "EUR")).build();

    assertThat(fields(code.payload()).get(7)).isEqualTo(element);
  }

  @ParameterizedTest
  @CsvSource({"0.00", "1000000000.00"})
  void amountsOutsideTheStandardAreOutOfRange(String amount) {
    assertRefused(valid().amount(Money.of(new BigDecimal(amount), "EUR")), "amount", Reason.RANGE,
        "An EPC QR code carries EUR 0.01 to EUR 999999999.99; this amount is EUR " + amount);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "name | 70 | a payee name of at most 70 characters; this one has 71",
    "remittance_text | 140 | a remittance text of at most 140 characters; this one has 141",
    "note_to_payer | 70 | a note to the payer of at most 70 characters; this one has 71",
  })
  void textsMayBeAsLongAsTheStandardSaysAndNoLonger(String param, int limit, String message) {
    // Characters, not bytes: ü is two bytes in UTF-8 and still one character.
    String longest = "ü".repeat(limit / 2) + "x".repeat(limit - limit / 2);
    assertThat(fields(withText(valid(), param, longest).build().payload()))
        .contains(longest);

    assertRefused(withText(valid(), param, longest + "x"), param, Reason.LENGTH, message);
  }

  static Stream<Arguments> linesBroken() {
    return Stream.of(
        Arguments.of("name", "Settle\tSoftware"),
        Arguments.of("name", "Settle\u0085Software"),
        Arguments.of("remittance_text", "Invoice\r\n42"),
        Arguments.of("note_to_payer", "Thanks\u2028again"),
        Arguments.of("note_to_payer", "Thanks\u2029again"));
  }

  @ParameterizedTest
  @MethodSource("linesBroken")
  void aLineBreakOrControlCharacterIsRefused(String param, String text) {
    assertRefused(withText(valid(), param, text), param, Reason.FORMAT,
        "a line break or another control character");
  }

  @Test
  void halfACharacterThatUtf8CannotEncodeIsRefused() {
    assertRefused(valid().remittanceText("Invoice \ud83d"), "remittance_text", Reason.FORMAT,
        "lone UTF-16 surrogate");
  }

  @ParameterizedTest
  @CsvSource({"GDDS, ''", "CHAR, ''", "A1, ''", "ACCT1, LENGTH", "gdds, FORMAT", "GD-S, FORMAT"})
  void aPurposeCodeIsOneToFourUpperCaseLettersOrDigits(String purpose, String reason) {
    EpcQrCode.Builder builder = valid().purpose(purpose);
    if (reason.isEmpty()) {
      assertThat(fields(builder.build().payload()).get(8)).isEqualTo(purpose);
    } else {
      assertRefused(builder, "purpose", Reason.valueOf(reason), "purpose code");
    }
  }

  @Test
  void aPayloadOverThreeHundredThirtyOneBytesNamesTheTextThatTakesMost() {
    // Every element within its own limit; together 352 bytes and 11 line feeds.
    EpcQrCode.Builder longest = EpcQrCode.builder()
        .bic("COBADEFFXXX")
        .payeeName("N".repeat(70))
        .iban("LC55HEMM000100010012001200023015")
        .amount(Money.of(new BigDecimal("999999999.99"), "EUR"))
        .purpose("GDDS")
        .remittanceText("R".repeat(140))
        .noteToPayer("B".repeat(70));

    assertRefused(longest, "remittance_text", Reason.LENGTH,
        "The EPC QR payload has 363 bytes in UTF-8; EPC069-12 allows 331. Shorten the "
            + "remittance text");
    assertRefused(longest.remittanceText("R".repeat(30)).noteToPayer("😀".repeat(50)),
        "note_to_payer", Reason.LENGTH, "Shorten the note to payer");
    assertThat(longest.remittanceText("R".repeat(140)).noteToPayer("B".repeat(38)).build().payload()
        .getBytes(StandardCharsets.UTF_8)).hasSize(331);
  }

  @Test
  void aNonAsciiPayeeTravelsAsUtf8() throws Exception {
    EpcQrCode code = valid().payeeName("Zoë Søndergaard — Ärztin").noteToPayer("Merci ✓").build();

    EpcQrCodeTest.Decoded decoded = decode(code.png(4));

    assertThat(decoded.bytes()).isEqualTo(code.payload().getBytes(StandardCharsets.UTF_8));
    assertThat(fields(decoded.text()).get(5)).isEqualTo("Zoë Søndergaard — Ärztin");
    assertThat(fields(decoded.text()).get(11)).isEqualTo("Merci ✓");
  }

  @Test
  void theInstructionsOfAnotherCurrencyStillSayInvoice() {
    BankTransferInstructions instructions = BankTransferInstructions.builder()
        .from(EpcQrCodeTest.instructions(100, "CHF", "A"))
        .invoiceId(InvoiceId.of("in_2"))
        .build();

    assertThatThrownBy(instructions::epcQrCode)
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.violations()).hasSize(1);
          assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED);
          assertThat(e.getMessage()).startsWith("No EPC QR code is offered for an invoice in CHF");
        });
  }

  /** A builder that builds: a name and an IBAN. */
  private static EpcQrCode.Builder valid() {
    return EpcQrCode.builder().payeeName("Settle Software GmbH").iban("DE89370400440532013000");
  }

  private static EpcQrCode.Builder withText(EpcQrCode.Builder builder, String param, String text) {
    switch (param) {
      case "name":
        return builder.payeeName(text);
      case "remittance_text":
        return builder.remittanceText(text);
      default:
        return builder.noteToPayer(text);
    }
  }

  /** The payload and the text decoded from the PNG both hold {@code expected}, line by line. */
  private static void assertLayout(EpcQrCode code, String... expected) throws Exception {
    EpcQrCodeTest.Decoded decoded = decode(code.png());
    assertThat(decoded.text()).isEqualTo(code.payload());
    assertThat(decoded.errorCorrection()).isEqualTo("M");
    List<String> lines = fields(decoded.text());
    for (int i = 0; i < expected.length; i++) {
      assertThat(lines.get(i))
          .as("EPC069-12 element %d, %s", i + 1, ELEMENTS.get(i))
          .isEqualTo(expected[i]);
    }
    assertThat(code.payload()).doesNotEndWith("\n").doesNotContain("\r");
  }

  private static void assertRefused(
      EpcQrCode.Builder builder, String param, Reason reason, String message) {
    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.violations()).hasSize(1);
          assertThat(e.param()).isEqualTo(param);
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.getMessage()).contains(message);
        });
  }
}
