package dev.settle.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.settle.exception.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a person types into an IBAN, BIC or reference field, the value parses or is refused
 * with a {@link ValidationException} naming the field; nothing else escapes.
 */
class InputPropertiesTest {

  @Property(tries = 1000, seed = "20261126")
  void bicsParseOrAreRefused(@ForAll("typed") String text) {
    assertOnlyValidationFailures(text, Bic::of, "bic");
  }

  @Property(tries = 1000, seed = "20261126")
  void ibansParseOrAreRefused(@ForAll("typed") String text) {
    assertOnlyValidationFailures(text, Iban::of, "iban");
  }

  @Property(tries = 1000, seed = "20261126")
  void referencesParseOrAreRefused(@ForAll("typed") String text) {
    assertOnlyValidationFailures(text, CreditorReference::of, "reference");
  }

  @Property(tries = 500, seed = "20261127")
  void epcCodesOfAnyFieldsBuildWithinTheLimitsOrListWhatIsWrong(
      @ForAll("typed") String name, @ForAll("typed") String iban, @ForAll("typed") String bic,
      @ForAll("typed") String reference, @ForAll("texts") String remittanceText,
      @ForAll("texts") String note) {
    EpcQrCode.Builder builder = EpcQrCode.builder().payeeName(name).iban(iban).bic(bic)
        .reference(reference).remittanceText(remittanceText).noteToPayer(note);
    Throwable failure = catchThrowable(builder::build);
    if (failure == null) {
      String payload = builder.build().payload();
      assertThat(payload.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(331);
      assertThat(payload.split("\n", -1)).hasSizeBetween(7, 12);
      assertThat(payload).startsWith("BCD\n002\n1\nSCT\n").doesNotEndWith("\n");
    } else {
      assertThat(failure).isInstanceOfSatisfying(ValidationException.class,
          e -> assertThat(e.violations()).isNotEmpty().allSatisfy(v -> assertThat(v.param())
              .isIn("name", "iban", "bic", "reference", "remittance_text", "note_to_payer")));
    }
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(150),
        Arbitraries.strings().alpha().numeric().withChars(' ').ofMaxLength(80),
        Arbitraries.just(null));
  }

  private static void assertOnlyValidationFailures(String text, Function<String, ?> parse, String param) {
    Throwable failure = catchThrowable(() -> parse.apply(text));
    if (failure != null) {
      assertThat(failure).isInstanceOfSatisfying(ValidationException.class,
          e -> assertThat(e.param()).isEqualTo(param));
    }
  }

  @Provide
  Arbitrary<String> typed() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40),
        Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefxyz0123456789 -").ofMaxLength(36),
        Arbitraries.of("COBADEFFXXX", "DEUTDEFF", "DE89370400440532013000", "RF18539007547034", "", " "));
  }
}
