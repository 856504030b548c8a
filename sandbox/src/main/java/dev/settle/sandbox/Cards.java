package dev.settle.sandbox;

import java.util.Map;

/**
 * Card number rules the way a processor applies them when a card is tokenized, and the sandbox's
 * test numbers. Nothing here keeps a number: callers store only the facts derived from it.
 */
final class Cards {
  private Cards() {}

  enum Brand {
    VISA("visa", "Visa", 3), MASTERCARD("mastercard", "Mastercard", 3), AMEX("amex", "American Express", 4),
    JCB("jcb", "JCB", 3);

    final String wireName;
    final String displayName;
    final int cvcLength;

    Brand(String wireName, String displayName, int cvcLength) {
      this.wireName = wireName;
      this.displayName = displayName;
      this.cvcLength = cvcLength;
    }
  }

  /** When the card's bank asks the customer to authenticate (3-D Secure). */
  enum Authentication {
    /** Never. */
    NONE,
    /**
     * When the card is saved and on every payment by the customer; charges without the customer
     * go through once the card was saved with authentication.
     */
    ONCE,
    /** When the card is saved and on every charge, without the customer too. */
    ALWAYS
  }

  /** What happens to a card when it is stored and when it is charged. */
  enum Behavior {
    SUCCEEDS(null, null, 0, Authentication.NONE),
    ATTACH_DECLINED_GENERIC(Decline.GENERIC, null, 0, Authentication.NONE),
    ATTACH_DECLINED_LOST(Decline.LOST, null, 0, Authentication.NONE),
    ATTACH_DECLINED_STOLEN(Decline.STOLEN, null, 0, Authentication.NONE),
    ATTACH_DECLINED_EXPIRED(Decline.EXPIRED, null, 0, Authentication.NONE),
    ATTACH_DECLINED_INCORRECT_CVC(Decline.INCORRECT_CVC, null, 0, Authentication.NONE),
    ATTACH_DECLINED_PROCESSING_ERROR(Decline.PROCESSING_ERROR, null, 0, Authentication.NONE),
    CHARGE_DECLINED_GENERIC(null, Decline.GENERIC, Integer.MAX_VALUE, Authentication.NONE),
    CHARGE_DECLINED_INSUFFICIENT_FUNDS(null, Decline.INSUFFICIENT_FUNDS, Integer.MAX_VALUE, Authentication.NONE),
    /** Short of funds for its first two charges (a renewal and its first retry), then paid. */
    INSUFFICIENT_FUNDS_TWICE(null, Decline.INSUFFICIENT_FUNDS, 2, Authentication.NONE),
    AUTHENTICATES_ONCE(null, null, 0, Authentication.ONCE),
    AUTHENTICATES_ALWAYS(null, null, 0, Authentication.ALWAYS);

    /** The decline when the card is stored, or null when storing it succeeds. */
    final Decline onAttach;
    /** The decline of the card's first {@link #declinedCharges} charges, or null. */
    final Decline onCharge;
    final int declinedCharges;
    final Authentication authentication;

    Behavior(Decline onAttach, Decline onCharge, int declinedCharges, Authentication authentication) {
      this.onAttach = onAttach;
      this.onCharge = onCharge;
      this.declinedCharges = declinedCharges;
      this.authentication = authentication;
    }

    /** The decline of a card's charge after {@code charges} earlier ones, or null. */
    Decline declineAfter(int charges) {
      return charges < declinedCharges ? onCharge : null;
    }

    /** Whether the bank asks the customer to authenticate before the card is saved. */
    boolean asksToAuthenticateSetup() {
      return authentication != Authentication.NONE;
    }

    /**
     * Whether the bank asks the customer to authenticate a charge: one by the customer
     * ({@code onSession}), or one without them of a card saved with or without authentication.
     */
    boolean asksToAuthenticate(boolean onSession, boolean savedWithAuthentication) {
      return switch (authentication) {
        case NONE -> false;
        case ONCE -> onSession || !savedWithAuthentication;
        case ALWAYS -> true;
      };
    }
  }

  /**
   * A decline as the API reports it: HTTP 402, {@code card_error}, a code and a decline code.
   * A soft decline may go through later and is retried by dunning; a hard one never will, and
   * waits for the customer.
   */
  enum Decline {
    GENERIC("card_declined", "generic_decline", "Your card was declined.", true),
    INSUFFICIENT_FUNDS("card_declined", "insufficient_funds", "Your card has insufficient funds.", true),
    // Lost and stolen cards are shown to the customer as a plain decline.
    LOST("card_declined", "lost_card", "Your card was declined.", false),
    STOLEN("card_declined", "stolen_card", "Your card was declined.", false),
    EXPIRED("expired_card", "expired_card", "Your card has expired.", false),
    INCORRECT_CVC("incorrect_cvc", "incorrect_cvc", "Your card's security code is incorrect.", false),
    PROCESSING_ERROR("processing_error", "processing_error",
        "An error occurred while processing your card. Try again in a little bit.", true),
    /** The customer failed (or refused) the bank's authentication. */
    AUTHENTICATION_FAILED("card_declined", "authentication_failed",
        "The customer did not authenticate the payment.", false),
    // Not a card's, but reported the same way: the sandbox's declining PayPal test payer.
    PAYPAL_DECLINED("paypal_declined", "paypal_declined", "PayPal declined the payment.", true);

    final String code;
    final String declineCode;
    final String message;
    final boolean soft;

    Decline(String code, String declineCode, String message, boolean soft) {
      this.code = code;
      this.declineCode = declineCode;
      this.message = message;
      this.soft = soft;
    }
  }

  private static final Map<String, Behavior> TEST_NUMBERS = Map.ofEntries(
      Map.entry("4000000000000002", Behavior.ATTACH_DECLINED_GENERIC),
      Map.entry("4000000000009987", Behavior.ATTACH_DECLINED_LOST),
      Map.entry("4000000000009979", Behavior.ATTACH_DECLINED_STOLEN),
      Map.entry("4000000000000069", Behavior.ATTACH_DECLINED_EXPIRED),
      Map.entry("4000000000000127", Behavior.ATTACH_DECLINED_INCORRECT_CVC),
      Map.entry("4000000000000119", Behavior.ATTACH_DECLINED_PROCESSING_ERROR),
      Map.entry("4000000000000341", Behavior.CHARGE_DECLINED_GENERIC),
      Map.entry("4000000000009995", Behavior.CHARGE_DECLINED_INSUFFICIENT_FUNDS),
      Map.entry("4000000000005266", Behavior.INSUFFICIENT_FUNDS_TWICE),
      Map.entry("4000002500003155", Behavior.AUTHENTICATES_ONCE),
      Map.entry("4000002760003184", Behavior.AUTHENTICATES_ALWAYS));

  /** Any valid number that is not a test number behaves like 4242 4242 4242 4242. */
  static Behavior behaviorOf(String number) {
    return TEST_NUMBERS.getOrDefault(number, Behavior.SUCCEEDS);
  }

  static boolean passesLuhn(String digits) {
    int sum = 0;
    boolean doubled = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int digit = digits.charAt(i) - '0';
      if (doubled) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }

  /** The brand of a number by its leading digits, or null for a brand the API does not accept. */
  static Brand brandOf(String digits) {
    int two = Integer.parseInt(digits.substring(0, 2));
    int four = Integer.parseInt(digits.substring(0, 4));
    if (digits.charAt(0) == '4') {
      return Brand.VISA;
    }
    if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
      return Brand.MASTERCARD;
    }
    if (two == 34 || two == 37) {
      return Brand.AMEX;
    }
    if (four >= 3528 && four <= 3589) {
      return Brand.JCB;
    }
    return null;
  }

  static boolean hasValidLength(Brand brand, int length) {
    switch (brand) {
      case VISA:
        return length == 13 || length == 16 || length == 19;
      case MASTERCARD:
        return length == 16;
      case AMEX:
        return length == 15;
      case JCB:
        return length >= 16 && length <= 19;
      default:
        throw new AssertionError(brand);
    }
  }
}
