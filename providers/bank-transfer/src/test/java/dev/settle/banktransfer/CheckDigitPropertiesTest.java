package dev.settle.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.banktransfer.IbanCountries.IbanCountry;
import dev.settle.exception.ValidationException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the check digits, over generated references and IBANs. Valid values are built
 * here with {@link BigInteger} arithmetic, not with the code under test, so the two check each
 * other.
 *
 * <p>What MOD 97-10 guarantees: it catches every single character typed for another of the same
 * kind, digit for digit or letter for letter (the change is a non-zero multiple of a power of ten
 * smaller than 97 in size, and 97 is prime). A letter typed for a digit changes the length of the
 * number the check reads, and about one such typo in 97 slips through; where the IBAN's
 * country structure allows only digits or only letters, {@link Iban#of} catches it by the
 * structure instead. {@link #whatMod97CannotSee()} shows real cases that pass.
 */
class CheckDigitPropertiesTest {
  private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  @Property(seed = "20261126")
  void everyGeneratedReferenceValidates(@ForAll("invoiceNumbers") String invoiceNumber) {
    CreditorReference generated = CreditorReference.from(invoiceNumber);

    assertThat(CreditorReference.of(generated.value())).isEqualTo(generated);
    assertThat(CreditorReference.of(generated.printable())).isEqualTo(generated);
    assertThat(generated.value()).isEqualTo(expectedReference(invoiceNumber));
    assertThat(generated.value()).hasSizeBetween(5, 25);
  }

  @Property(seed = "20261126")
  void anySingleCharacterChangeOfAReferenceIsCaught(
      @ForAll("referenceParts") String part,
      @ForAll @IntRange(min = 0, max = 24) int position,
      @ForAll("alphanumeric") char replacement) {
    String valid = expectedReference(part);
    int at = position % valid.length();
    Assume.that(replacement != valid.charAt(at));
    Assume.that(at < 4 || sameKind(replacement, valid.charAt(at)));

    String changed = replace(valid, at, replacement);

    assertThatThrownBy(() -> CreditorReference.of(changed))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.param()).isEqualTo("reference"));
  }

  @Property(seed = "20261126")
  void everyGeneratedIbanValidates(@ForAll("ibans") String iban) {
    assertThat(Iban.of(iban).value()).isEqualTo(iban);
    assertThat(Iban.of(Iban.of(iban).printable().toLowerCase()).value()).isEqualTo(iban);
  }

  @Property(seed = "20261126")
  void anySingleCharacterChangeOfAnIbanIsCaught(
      @ForAll("ibans") String valid,
      @ForAll @IntRange(min = 0, max = 33) int position,
      @ForAll("alphanumeric") char replacement) {
    int at = position % valid.length();
    Assume.that(replacement != valid.charAt(at));
    IbanCountry country = IbanCountries.find(valid.substring(0, 2)).orElseThrow();
    boolean letterOrDigitSlot = at >= 4 && country.kinds().charAt(at - 4) == 'c';
    Assume.that(!letterOrDigitSlot || sameKind(replacement, valid.charAt(at)));

    String changed = replace(valid, at, replacement);

    assertThatThrownBy(() -> Iban.of(changed))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.param()).isEqualTo("iban"));
  }

  @Property(seed = "20261126")
  void swappingTwoNeighbouringDifferentDigitsOfAnIbanIsCaught(
      @ForAll("ibans") String valid, @ForAll @IntRange(min = 4, max = 32) int position) {
    int at = position % (valid.length() - 1);
    char first = valid.charAt(at);
    char second = valid.charAt(at + 1);
    Assume.that(first != second && Character.isDigit(first) && Character.isDigit(second));

    String swapped = valid.substring(0, at) + second + first + valid.substring(at + 2);

    assertThatThrownBy(() -> Iban.of(swapped)).isInstanceOf(ValidationException.class);
  }

  @Example
  void whatMod97CannotSee() {
    // A letter typed for a digit where France allows both: the check digits still match.
    assertThat(Iban.of("FR1420041010050Q00013M02606").value()).isNotEqualTo(
        "FR1420041010050500013M02606");
    assertThat(CreditorReference.of("RF1853900754K034").value()).isNotEqualTo("RF18539007547034");
    // Where Germany allows only digits, the structure catches the same kind of typo.
    assertThatThrownBy(() -> Iban.of("DE89370400440532O13000"))
        .hasMessageContaining("must be a digit");
  }

  @Provide
  Arbitrary<String> invoiceNumbers() {
    Arbitrary<String> prefix = Arbitraries.of("", "INV-", "inv ", "Facture n° ", "#", "2026/");
    Arbitrary<String> body =
        Arbitraries.strings().withChars(ALPHANUMERIC + "abcxyz").ofMinLength(1).ofMaxLength(15);
    Arbitrary<String> suffix = Arbitraries.of("", "-A", " / 7", "");
    return Combinators.combine(prefix, body, suffix).as((p, b, s) -> p + b + s)
        .filter(number -> letterOrDigits(number).length() <= 21);
  }

  @Provide
  Arbitrary<String> referenceParts() {
    return Arbitraries.strings().withChars(ALPHANUMERIC).ofMinLength(1).ofMaxLength(21);
  }

  @Provide
  Arbitrary<Character> alphanumeric() {
    return Arbitraries.of(ALPHANUMERIC.chars().mapToObj(c -> (char) c).toList());
  }

  @Provide
  Arbitrary<String> ibans() {
    List<IbanCountry> countries = new ArrayList<>(IbanCountries.all().values());
    return Arbitraries.of(countries).flatMap(country -> bban(country.kinds())
        .map(bban -> country.code() + checkDigits(bban + country.code() + "00") + bban));
  }

  private static Arbitrary<String> bban(String kinds) {
    List<Arbitrary<Character>> positions = new ArrayList<>();
    for (char kind : kinds.toCharArray()) {
      positions.add(switch (kind) {
        case 'n' -> Arbitraries.chars().range('0', '9');
        case 'a' -> Arbitraries.chars().range('A', 'Z');
        default -> Arbitraries.of(ALPHANUMERIC.chars().mapToObj(c -> (char) c).toList());
      });
    }
    return Combinators.combine(positions).as(chars -> {
      StringBuilder out = new StringBuilder();
      chars.forEach(out::append);
      return out.toString();
    });
  }

  /** The RF reference of an invoice number, by the book, with BigInteger arithmetic. */
  private static String expectedReference(String invoiceNumber) {
    String body = letterOrDigits(invoiceNumber);
    return "RF" + checkDigits(body + "RF00") + body;
  }

  private static String checkDigits(String rearranged) {
    StringBuilder digits = new StringBuilder();
    for (char c : rearranged.toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    int check = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
    return String.format("%02d", check);
  }

  private static String letterOrDigits(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
      if (ALPHANUMERIC.indexOf(c) >= 0) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean sameKind(char a, char b) {
    return Character.isDigit(a) == Character.isDigit(b);
  }

  private static String replace(String text, int at, char c) {
    return text.substring(0, at) + c + text.substring(at + 1);
  }
}
