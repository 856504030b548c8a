package dev.settle.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.exception.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BicTest {
  @ParameterizedTest
  @ValueSource(strings = {
    "COBADEFFXXX", "COBADEFF", "DEUTDEFF500", "BNPAFRPP", "ABNANL2A", "GEBABEBB",
    "UBSWCHZH80A", "BKAUATWW", "CAIXESBBXXX", "BCITITMM", "NDEANOKK", "HANDSESS",
    "BPOTBEB1", "MIDLGB22", "RZBAATWW", "BFSWDE33BER", "TEBUXKPR",
  })
  void acceptsWellFormedBics(String value) {
    Bic bic = Bic.of(value);

    assertThat(bic.value()).isEqualTo(value);
    assertThat(bic.toString()).isEqualTo(value);
  }

  @Test
  void splitsIntoItsParts() {
    Bic bic = Bic.of("DEUTDEFF500");

    assertThat(bic.bankCode()).isEqualTo("DEUT");
    assertThat(bic.countryCode()).isEqualTo("DE");
    assertThat(bic.locationCode()).isEqualTo("FF");
    assertThat(bic.branchCode()).contains("500");
    assertThat(Bic.of("DEUTDEFF").branchCode()).isEmpty();
  }

  @Test
  void acceptsSpacesAndLowerCase() {
    assertThat(Bic.of(" coba de ff xxx ").value()).isEqualTo("COBADEFFXXX");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "COBADEF|A BIC has 8 or 11 characters; this one has 7",
        "COBADEFFXX|A BIC has 8 or 11 characters; this one has 10",
        "COBADEFFXXXX|A BIC has 8 or 11 characters; this one has 12",
        "COBA-DEFF|A BIC has 8 or 11 characters; this one has 9",
        "COBA_EFFXXX|character 5 is '_'",
        "C0BADEFFXXX|four-letter bank code; character 2 is '0'",
        "COBAD3FFXXX|Characters 5 and 6 of a BIC are the bank's country code",
        "COBAQQFFXXX|Unknown country QQ",
        "COBAXXFF|Unknown country XX",
      })
  void saysWhatIsWrong(String value, String messagePart) {
    assertThatThrownBy(() -> Bic.of(value))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.param()).isEqualTo("bic");
          assertThat(e.getMessage()).contains(messagePart);
        });
  }

  @Test
  void isRequired() {
    assertThatThrownBy(() -> Bic.of(null))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.param()).isEqualTo("bic"));
  }
}
