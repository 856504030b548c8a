package dev.settle.card;

import java.util.List;
import java.util.Optional;

/**
 * The card networks the billing system accepts.
 *
 * <p>Only these four: a card of any other network (Discover, Diners Club, UnionPay, Maestro…) is
 * refused by {@link CardDetails.Builder#build()} before anything is sent, because the billing
 * system would refuse it anyway and the caller deserves to know why at once.
 */
public enum CardBrand {
  /** Visa: numbers of 13, 16 or 19 digits, a 3-digit CVC. */
  VISA("visa", "Visa", 3, List.of(13, 16, 19)),
  /** Mastercard: numbers of 16 digits, a 3-digit CVC. */
  MASTERCARD("mastercard", "Mastercard", 3, List.of(16)),
  /** American Express: numbers of 15 digits, a 4-digit CVC. */
  AMERICAN_EXPRESS("amex", "American Express", 4, List.of(15)),
  /** JCB: numbers of 16 to 19 digits, a 3-digit CVC. */
  JCB("jcb", "JCB", 3, List.of(16, 17, 18, 19));

  private final String wireName;
  private final String displayName;
  private final int cvcLength;
  private final List<Integer> numberLengths;

  CardBrand(String wireName, String displayName, int cvcLength, List<Integer> numberLengths) {
    this.wireName = wireName;
    this.displayName = displayName;
    this.cvcLength = cvcLength;
    this.numberLengths = numberLengths;
  }

  /**
   * {@return the brand as the API names it: {@code visa}, {@code mastercard}, {@code amex},
   * {@code jcb}}
   */
  public String wireName() {
    return wireName;
  }

  /** {@return the brand as a person reads it, such as {@code American Express}} */
  public String displayName() {
    return displayName;
  }

  int cvcLength() {
    return cvcLength;
  }

  List<Integer> numberLengths() {
    return numberLengths;
  }

  /** The brand the API calls {@code wireName}; empty for a brand this version does not know. */
  static Optional<CardBrand> fromWireName(String wireName) {
    for (CardBrand brand : values()) {
      if (brand.wireName.equals(wireName)) {
        return Optional.of(brand);
      }
    }
    return Optional.empty();
  }
}
