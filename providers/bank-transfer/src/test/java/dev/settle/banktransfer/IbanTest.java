package dev.settle.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.exception.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** IBANs: the published examples of many registry countries, and what is wrong with broken ones. */
class IbanTest {
  /** Example IBANs as published for each country (SWIFT registry, national banks). */
  @ParameterizedTest
  @ValueSource(strings = {
    "DE89370400440532013000", "GB82WEST12345698765432", "FR1420041010050500013M02606",
    "NL91ABNA0417164300", "BE68539007547034", "CH9300762011623852957", "AT611904300234573201",
    "ES9121000418450200051332", "IT60X0542811101000000123456", "NO9386011117947",
    "DK5000400440116243", "FI2112345600000785", "SE4550000000058398257466",
    "PL61109010140000071219812874", "PT50000201231234567890154", "IE29AIBK93115212345678",
    "LU280019400644750000", "MT84MALT011000012345MTLCAST001S", "GR1601101250000000012300695",
    "CZ6508000000192000145399", "HU42117730161111101800000000", "SA0380000000608010167519",
    "LC55HEMM000100010012001200023015", "RU0304452522540817810538091310419",
    "BR1800360305000010009795493C1", "TR330006100519786457841326",
    "IS140159260076545510730339", "EE382200221020145685", "LT121000011101001000",
    "LV80BANK0000435195001", "SI56263300012039086", "SK3112000000198742637541",
    "HR1210010051863000160", "RO49AAAA1B31007593840000", "BG80BNBG96611020345678",
    "CY17002001280000001200527600", "LI21088100002324013AA", "MC5811222000010123456789030",
    "SM86U0322509800000000270100", "AD1200012030200359100100",
    "KW81CBKU0000000000001234560101", "JO94CBJO0010000000000131000302",
    "QA58DOHB00001234567890ABCDEFG", "AE070331234567890123456", "IL620108000000099999999",
    "UA213223130000026007233566001",
  })
  void acceptsThePublishedExamples(String example) {
    Iban iban = Iban.of(example);

    assertThat(iban.value()).isEqualTo(example);
    assertThat(iban.countryCode()).isEqualTo(example.substring(0, 2));
    assertThat(iban.checkDigits()).isEqualTo(example.substring(2, 4));
    assertThat(iban.bban()).isEqualTo(example.substring(4));
    assertThat(iban.printable().replace(" ", "")).isEqualTo(example);
  }

  @Test
  void acceptsSpacesAndLowerCaseAndKeepsTheElectronicForm() {
    Iban iban = Iban.of("  fr14 2004 1010 0505 0001 3m02 606 ");

    assertThat(iban.value()).isEqualTo("FR1420041010050500013M02606");
    assertThat(iban).isEqualTo(Iban.of("FR1420041010050500013M02606"));
    assertThat(iban.toString()).isEqualTo("FR1420041010050500013M02606");
  }

  @ParameterizedTest
  @CsvSource({
    "DE89370400440532013000, DE89 3704 0044 0532 0130 00",
    "BE68539007547034, BE68 5390 0754 7034",
    "NO9386011117947, NO93 8601 1117 947",
    "MT84MALT011000012345MTLCAST001S, MT84 MALT 0110 0001 2345 MTLC AST0 01S",
  })
  void printsInGroupsOfFour(String value, String printable) {
    assertThat(Iban.of(value).printable()).isEqualTo(printable);
  }

  @Test
  void aChangedDigitFailsTheCheckDigits() {
    assertRefused("DE89370400440532013001", "check digits 89 do not match");
    assertRefused("GB82WEST12345698765431", "check digits 82 do not match");
    assertRefused("DE88370400440532013000", "check digits 88 do not match");
  }

  @Test
  void twoSwappedDigitsFailTheCheckDigits() {
    assertRefused("DE89370400440532031000", "ISO 7064 MOD 97-10");
  }

  @Test
  void theWrongLengthForTheCountrySaysExpectedAndActual() {
    assertRefused("DE8937040044053201300", "An IBAN of DE (Germany) has 22 characters; this one has 21");
    assertRefused("NL91ABNA04171643001", "An IBAN of NL (Netherlands) has 18 characters; this one has 19");
    assertRefused("NO938601111794", "NO (Norway) has 15 characters; this one has 14");
  }

  @Test
  void anUnknownCountryIsNamed() {
    assertRefused("US64SVBKUS6S3300958879", "Unknown country US");
    assertRefused("XX89370400440532013000", "Unknown country XX");
  }

  @Test
  void badCharactersAreNamedWithTheirPosition() {
    assertRefused("DE89-3704-0044-0532-0130-00", "character 5 is '-'");
    assertRefused("DE89370400440532013ä00", "character 20 is U+00E4");
    assertRefused("DE89\t370400440532013000", "character 5 is U+0009");
  }

  @Test
  void aLetterWhereTheCountryHasOnlyDigitsIsRefusedBeforeTheChecksum() {
    assertRefused("DE89370400440532O13000",
        "Character 17 of an IBAN of DE (Germany) must be a digit (account structure 8!n10!n), not 'O'");
    assertRefused("GB82WE5T12345698765432", "must be a letter");
  }

  @Test
  void theCountryCodeAndCheckDigitsHaveTheirShape() {
    assertRefused("1E89370400440532013000", "two-letter country code");
    assertRefused("DEX9370400440532013000", "third and fourth characters of an IBAN are check digits");
  }

  @Test
  void checkDigitsThatAreNeverIssuedAreRefusedEvenWhenTheRemainderFits() {
    // 98 is correct here; 01 is 98 more than 97 less and passes the bare remainder test.
    String correct = "GB98MIDL07009312345678";
    assertThat(Iban.of(correct).checkDigits()).isEqualTo("98");
    assertThat(Mod97.isValid(correct.substring(4), "GB", "01")).isTrue();

    assertRefused("GB01MIDL07009312345678", "check digits 01 do not match");
  }

  @Test
  void missingAndBlankAreRefused() {
    assertRefused(null, "An IBAN is required");
    assertRefused("   ", "An IBAN is required");
  }

  @Test
  void theRegistryTableIsComplete() {
    assertThat(IbanCountries.all()).hasSize(89);
    assertThat(IbanCountries.find("DE")).hasValueSatisfying(c -> assertThat(c.length()).isEqualTo(22));
    assertThat(IbanCountries.find("NO")).hasValueSatisfying(c -> assertThat(c.length()).isEqualTo(15));
    assertThat(IbanCountries.find("RU")).hasValueSatisfying(c -> assertThat(c.length()).isEqualTo(33));
    assertThat(IbanCountries.find("LC")).hasValueSatisfying(c -> assertThat(c.length()).isEqualTo(32));
    assertThat(IbanCountries.all().values())
        .allSatisfy(c -> assertThat(c.length()).isBetween(15, 34));
  }

  private static void assertRefused(String input, String messagePart) {
    assertThatThrownBy(() -> Iban.of(input))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.param()).isEqualTo("iban");
          assertThat(e.getMessage()).contains(messagePart);
        });
  }
}
