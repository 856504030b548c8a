package dev.settle.card;

import dev.settle.exception.ValidationException.Reason;
import dev.settle.exception.ValidationException.Violation;
import java.util.List;

/**
 * Tells a card's network from the leading digits of its number, and refuses every network the
 * billing system does not accept by its name, so the caller learns which card to use instead.
 */
final class CardNetworks {
  private static final String ACCEPTED =
      "Visa, Mastercard, American Express and JCB are accepted";

  /** The prefix ranges of each network. Where ranges overlap the longest prefix wins. */
  private static final List<PrefixRange> RANGES =
      List.of(
          accepted("4", "4", CardBrand.VISA),
          accepted("51", "55", CardBrand.MASTERCARD),
          accepted("2221", "2720", CardBrand.MASTERCARD),
          accepted("34", "34", CardBrand.AMERICAN_EXPRESS),
          accepted("37", "37", CardBrand.AMERICAN_EXPRESS),
          accepted("3528", "3589", CardBrand.JCB),
          refused("6011", "6011", "Discover"),
          refused("644", "649", "Discover"),
          refused("65", "65", "Discover"),
          refused("622126", "622925", "Discover"),
          refused("300", "305", "Diners Club"),
          refused("36", "36", "Diners Club"),
          refused("38", "39", "Diners Club"),
          refused("62", "62", "UnionPay"),
          refused("50", "50", "Maestro"),
          refused("56", "58", "Maestro"),
          refused("6304", "6304", "Maestro"),
          refused("67", "67", "Maestro")); // 6759 and 6761–6763 among them

  private CardNetworks() {}

  /** The accepted brand of {@code digits}; null when {@link #refusal} refuses them. */
  static CardBrand acceptedBrand(String digits) {
    PrefixRange match = match(digits);
    return match == null ? null : match.brand();
  }

  /** Why {@code digits} are refused, naming their network; null when it is accepted. */
  static Violation refusal(String digits) {
    PrefixRange match = match(digits);
    if (match == null) {
      return new Violation("number", Reason.UNSUPPORTED_BRAND,
          "The card number belongs to an unknown brand; " + ACCEPTED);
    }
    if (match.brand() == null) {
      return new Violation("number", Reason.UNSUPPORTED_BRAND,
          match.network() + " cards are not accepted; " + ACCEPTED);
    }
    return null;
  }

  private static PrefixRange match(String digits) {
    PrefixRange match = null;
    for (PrefixRange range : RANGES) {
      if (range.matches(digits) && (match == null || range.length() > match.length())) {
        match = range;
      }
    }
    return match;
  }

  private static PrefixRange accepted(String low, String high, CardBrand brand) {
    return new PrefixRange(low, high, brand.displayName(), brand);
  }

  private static PrefixRange refused(String low, String high, String network) {
    return new PrefixRange(low, high, network, null);
  }

  /** Numbers starting with a prefix from {@code low} to {@code high}, both of one length. */
  private record PrefixRange(String low, String high, String network, CardBrand brand) {
    int length() {
      return low.length();
    }

    boolean matches(String digits) {
      if (digits.length() < length()) {
        return false;
      }
      // Digit strings of equal length compare like the numbers they spell.
      String prefix = digits.substring(0, length());
      return prefix.compareTo(low) >= 0 && prefix.compareTo(high) <= 0;
    }
  }
}
