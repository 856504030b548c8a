package dev.settle.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.settle.exception.ValidationException;
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
