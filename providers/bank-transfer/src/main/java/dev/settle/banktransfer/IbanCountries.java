package dev.settle.banktransfer;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The countries of the SWIFT IBAN registry (ISO 13616), each with the structure of its BBAN, the
 * account part after the country code and check digits.
 *
 * <p>Structures are written as in the registry: {@code 8!n10!n} is 8 digits then 10 digits;
 * {@code n} is a digit, {@code a} an upper-case letter, {@code c} a letter or a digit. The IBAN's
 * length follows from it (four more characters). Territories that use another country's IBANs
 * (Åland uses FI, Jersey uses GB, the French overseas departments use FR) are not listed: their
 * IBANs start with that country's code.
 *
 * <p>The comment after each line is the IBAN length, for reading; the code computes it.
 */
final class IbanCountries {
  private static final Pattern PART = Pattern.compile("(\\d+)!([nac])");
  private static final Map<String, IbanCountry> COUNTRIES = new TreeMap<>();

  static {
    country("AD", "Andorra", "4!n4!n12!c");  // 24
    country("AE", "United Arab Emirates", "3!n16!n");  // 23
    country("AL", "Albania", "8!n16!c");  // 28
    country("AT", "Austria", "5!n11!n");  // 20
    country("AZ", "Azerbaijan", "4!a20!c");  // 28
    country("BA", "Bosnia and Herzegovina", "3!n3!n8!n2!n");  // 20
    country("BE", "Belgium", "3!n7!n2!n");  // 16
    country("BG", "Bulgaria", "4!a4!n2!n8!c");  // 22
    country("BH", "Bahrain", "4!a14!c");  // 22
    country("BI", "Burundi", "5!n5!n11!n2!n");  // 27
    country("BR", "Brazil", "8!n5!n10!n1!a1!c");  // 29
    country("BY", "Belarus", "4!c4!n16!c");  // 28
    country("CH", "Switzerland", "5!n12!c");  // 21
    country("CR", "Costa Rica", "4!n14!n");  // 22
    country("CY", "Cyprus", "3!n5!n16!c");  // 28
    country("CZ", "Czechia", "4!n6!n10!n");  // 24
    country("DE", "Germany", "8!n10!n");  // 22
    country("DJ", "Djibouti", "5!n5!n11!n2!n");  // 27
    country("DK", "Denmark", "4!n9!n1!n");  // 18
    country("DO", "Dominican Republic", "4!c20!n");  // 28
    country("EE", "Estonia", "2!n14!n");  // 20
    country("EG", "Egypt", "4!n4!n17!n");  // 29
    country("ES", "Spain", "4!n4!n1!n1!n10!n");  // 24
    country("FI", "Finland", "3!n11!n");  // 18
    country("FK", "Falkland Islands", "2!a12!n");  // 18
    country("FO", "Faroe Islands", "4!n9!n1!n");  // 18
    country("FR", "France", "5!n5!n11!c2!n");  // 27
    country("GB", "United Kingdom", "4!a6!n8!n");  // 22
    country("GE", "Georgia", "2!a16!n");  // 22
    country("GI", "Gibraltar", "4!a15!c");  // 23
    country("GL", "Greenland", "4!n9!n1!n");  // 18
    country("GR", "Greece", "3!n4!n16!c");  // 27
    country("GT", "Guatemala", "4!c20!c");  // 28
    country("HN", "Honduras", "4!a20!n");  // 28
    country("HR", "Croatia", "7!n10!n");  // 21
    country("HU", "Hungary", "3!n4!n1!n15!n1!n");  // 28
    country("IE", "Ireland", "4!a6!n8!n");  // 22
    country("IL", "Israel", "3!n3!n13!n");  // 23
    country("IQ", "Iraq", "4!a3!n12!n");  // 23
    country("IS", "Iceland", "4!n2!n6!n10!n");  // 26
    country("IT", "Italy", "1!a5!n5!n12!c");  // 27
    country("JO", "Jordan", "4!a4!n18!c");  // 30
    country("KW", "Kuwait", "4!a22!c");  // 30
    country("KZ", "Kazakhstan", "3!n13!c");  // 20
    country("LB", "Lebanon", "4!n20!c");  // 28
    country("LC", "Saint Lucia", "4!a24!c");  // 32
    country("LI", "Liechtenstein", "5!n12!c");  // 21
    country("LT", "Lithuania", "5!n11!n");  // 20
    country("LU", "Luxembourg", "3!n13!c");  // 20
    country("LV", "Latvia", "4!a13!c");  // 21
    country("LY", "Libya", "3!n3!n15!n");  // 25
    country("MC", "Monaco", "5!n5!n11!c2!n");  // 27
    country("MD", "Moldova", "2!c18!c");  // 24
    country("ME", "Montenegro", "3!n13!n2!n");  // 22
    country("MK", "North Macedonia", "3!n10!c2!n");  // 19
    country("MN", "Mongolia", "4!n12!n");  // 20
    country("MR", "Mauritania", "5!n5!n11!n2!n");  // 27
    country("MT", "Malta", "4!a5!n18!c");  // 31
    country("MU", "Mauritius", "4!a2!n2!n12!n3!n3!a");  // 30
    country("NI", "Nicaragua", "4!a20!n");  // 28
    country("NL", "Netherlands", "4!a10!n");  // 18
    country("NO", "Norway", "4!n6!n1!n");  // 15
    country("OM", "Oman", "3!n16!c");  // 23
    country("PK", "Pakistan", "4!a16!c");  // 24
    country("PL", "Poland", "8!n16!n");  // 28
    country("PS", "Palestine", "4!a21!c");  // 29
    country("PT", "Portugal", "4!n4!n11!n2!n");  // 25
    country("QA", "Qatar", "4!a21!c");  // 29
    country("RO", "Romania", "4!a16!c");  // 24
    country("RS", "Serbia", "3!n13!n2!n");  // 22
    country("RU", "Russia", "9!n5!n15!c");  // 33
    country("SA", "Saudi Arabia", "2!n18!c");  // 24
    country("SC", "Seychelles", "4!a2!n2!n16!n3!a");  // 31
    country("SD", "Sudan", "2!n12!n");  // 18
    country("SE", "Sweden", "3!n16!n1!n");  // 24
    country("SI", "Slovenia", "5!n8!n2!n");  // 19
    country("SK", "Slovakia", "4!n6!n10!n");  // 24
    country("SM", "San Marino", "1!a5!n5!n12!c");  // 27
    country("SO", "Somalia", "4!n3!n12!n");  // 23
    country("ST", "Sao Tome and Principe", "8!n11!n2!n");  // 25
    country("SV", "El Salvador", "4!a20!n");  // 28
    country("TL", "Timor-Leste", "3!n14!n2!n");  // 23
    country("TN", "Tunisia", "2!n3!n13!n2!n");  // 24
    country("TR", "Türkiye", "5!n1!n16!c");  // 26
    country("UA", "Ukraine", "6!n19!c");  // 29
    country("VA", "Vatican City", "3!n15!n");  // 22
    country("VG", "British Virgin Islands", "4!a16!n");  // 24
    country("XK", "Kosovo", "4!n10!n2!n");  // 20
    country("YE", "Yemen", "4!a4!n18!c");  // 30
  }

  private IbanCountries() {}

  /** The registry entry of {@code countryCode}, if it issues IBANs. */
  static Optional<IbanCountry> find(String countryCode) {
    return Optional.ofNullable(COUNTRIES.get(countryCode));
  }

  /** Every registry entry, by country code. */
  static Map<String, IbanCountry> all() {
    return Collections.unmodifiableMap(COUNTRIES);
  }

  private static void country(String code, String name, String structure) {
    StringBuilder kinds = new StringBuilder();
    Matcher part = PART.matcher(structure);
    int end = 0;
    while (part.find()) {
      if (part.start() != end) {
        throw new IllegalStateException("Unreadable BBAN structure of " + code);
      }
      kinds.append(part.group(2).repeat(Integer.parseInt(part.group(1))));
      end = part.end();
    }
    if (end != structure.length()) {
      throw new IllegalStateException("Unreadable BBAN structure of " + code);
    }
    COUNTRIES.put(code, new IbanCountry(code, name, structure, kinds.toString()));
  }

  /**
   * One registry entry.
   *
   * @param kinds one of {@code n}, {@code a}, {@code c} for each BBAN position
   */
  record IbanCountry(String code, String name, String structure, String kinds) {
    /** The length of this country's IBANs. */
    int length() {
      return 4 + kinds.length();
    }

    /** Whether {@code c} may stand at {@code bbanIndex} (0-based) of this country's BBAN. */
    boolean allows(int bbanIndex, char c) {
      switch (kinds.charAt(bbanIndex)) {
        case 'n':
          return c >= '0' && c <= '9';
        case 'a':
          return c >= 'A' && c <= 'Z';
        default:
          return Mod97.isAsciiLetterOrDigit(c);
      }
    }

    /** What may stand at {@code bbanIndex}, for an error message. */
    String kindAt(int bbanIndex) {
      switch (kinds.charAt(bbanIndex)) {
        case 'n':
          return "a digit";
        case 'a':
          return "a letter";
        default:
          return "a letter or a digit";
      }
    }

    /** For example {@code DE (Germany)}. */
    @Override
    public String toString() {
      return code + " (" + name + ")";
    }
  }
}
