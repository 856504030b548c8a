package dev.settle.banktransfer;

import dev.settle.exception.ValidationException.Reason;
import dev.settle.exception.ValidationException.Violation;
import dev.settle.exception.ValidationException;
import dev.settle.model.Money;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The elements of an EPC069-12 payload as a caller gave them (null for an element left out), and
 * the standard's limits: each element is checked, every violation is collected, and only a
 * payload without any is written.
 */
record EpcPayload(
    String bic,
    String name,
    String iban,
    Money amount,
    String purpose,
    String reference,
    String remittanceText,
    String noteToPayer) {

  /** The payload of a version 13, level M symbol. */
  static final int MAX_PAYLOAD_BYTES = 331;
  static final int MAX_NAME_LENGTH = 70;
  static final int MAX_REMITTANCE_TEXT_LENGTH = 140;
  static final int MAX_NOTE_LENGTH = 70;
  static final int MAX_PURPOSE_LENGTH = 4;
  static final BigDecimal MIN_AMOUNT = new BigDecimal("0.01");
  static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999.99");

  /** Elements 1 to 7 (service tag to IBAN) are always written; those after it may be left out. */
  private static final int MANDATORY_ELEMENTS = 7;

  /**
   * The payload, elements separated by LF and trailing empty ones left out; null when {@code
   * violations}, to which every violation found is added, is not empty.
   */
  String encode(List<Violation> violations) {
    String bicValue = bic == null ? "" : parsed(() -> Bic.of(bic).value(), violations);
    if (name == null || name.isBlank()) {
      violations.add(new Violation("name", Reason.REQUIRED, "The payee's name is required"));
    } else {
      checkText("name", "payee name", name, MAX_NAME_LENGTH, violations);
    }
    String ibanValue = parsed(() -> Iban.of(iban).value(), violations);
    String amountValue = amount == null ? "" : amount(violations);
    if (purpose != null) {
      checkPurpose(violations);
    }
    String referenceValue = reference == null
        ? "" : parsed(() -> CreditorReference.of(reference).value(), violations);
    if (remittanceText != null) {
      checkText("remittance_text", "remittance text", remittanceText,
          MAX_REMITTANCE_TEXT_LENGTH, violations);
      if (reference != null) {
        violations.add(new Violation("remittance_text", Reason.CONFLICT, "An EPC QR code carries "
            + "a structured reference or a remittance text, not both; leave one out"));
      }
    }
    if (noteToPayer != null) {
      checkText("note_to_payer", "note to the payer", noteToPayer, MAX_NOTE_LENGTH, violations);
    }
    if (!violations.isEmpty()) {
      return null;
    }
    String[] elements = {
      "BCD", "002", "1", "SCT", bicValue, name, ibanValue, amountValue,
      orEmpty(purpose), referenceValue, orEmpty(remittanceText), orEmpty(noteToPayer)
    };
    int count = elements.length;
    while (count > MANDATORY_ELEMENTS && elements[count - 1].isEmpty()) {
      count--;
    }
    String payload = String.join("\n", Arrays.copyOf(elements, count));
    int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_PAYLOAD_BYTES) {
      violations.add(new Violation(longestText(), Reason.LENGTH, "The EPC QR payload has "
          + bytes + " bytes in UTF-8; EPC069-12 allows " + MAX_PAYLOAD_BYTES + ". Shorten the "
          + longestText().replace('_', ' ') + ": its characters take the most bytes"));
      return null;
    }
    return payload;
  }

  /** The value {@code parse} returns, or null with its violations added to {@code violations}. */
  private static String parsed(Supplier<String> parse, List<Violation> violations) {
    try {
      return parse.get();
    } catch (ValidationException e) {
      violations.addAll(e.violations());
      return null;
    }
  }

  /**
   * A text element: at most {@code maxLength} characters (code points, as a person counts them),
   * and no character that would break the payload's lines or that UTF-8 cannot encode.
   */
  private static void checkText(
      String param, String what, String text, int maxLength, List<Violation> violations) {
    int length = text.codePointCount(0, text.length());
    if (length > maxLength) {
      violations.add(new Violation(param, Reason.LENGTH, "An EPC QR code carries a " + what
          + " of at most " + maxLength + " characters; this one has " + length));
    }
    if (text.codePoints().anyMatch(EpcPayload::breaksALine)) {
      violations.add(new Violation(param, Reason.FORMAT, "The " + what + " has a line break or "
          + "another control character, which would break the lines of an EPC QR code"));
    } else if (text.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
      violations.add(new Violation(param, Reason.FORMAT, "The " + what + " has half of a "
          + "character (a lone UTF-16 surrogate), which UTF-8 cannot encode"));
    }
  }

  private static boolean breaksALine(int c) {
    int type = Character.getType(c);
    return Character.isISOControl(c)
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  /** ISO 20022 purpose codes such as {@code GDDS} or {@code CHAR}: 1 to 4 letters or digits. */
  private void checkPurpose(List<Violation> violations) {
    if (purpose.length() > MAX_PURPOSE_LENGTH) {
      violations.add(new Violation("purpose", Reason.LENGTH, "A purpose code has at most "
          + MAX_PURPOSE_LENGTH + " characters, such as GDDS; this one has " + purpose.length()));
    } else if (!purpose.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
      violations.add(new Violation("purpose", Reason.FORMAT,
          "A purpose code has only upper-case letters and digits, such as GDDS"));
    }
  }

  /** {@code EUR} and the amount with two decimals and a point, such as {@code EUR119.00}. */
  private String amount(List<Violation> violations) {
    String currency = amount.currency().getCurrencyCode();
    if (!currency.equals("EUR")) {
      violations.add(new Violation("currency", Reason.UNSUPPORTED,
          "An EPC QR code carries euro amounts only; this amount is in " + currency));
      return null;
    }
    BigDecimal euros = amount.toBigDecimal();
    if (euros.compareTo(MIN_AMOUNT) < 0 || euros.compareTo(MAX_AMOUNT) > 0) {
      violations.add(new Violation("amount", Reason.RANGE, "An EPC QR code carries EUR 0.01 to "
          + "EUR 999999999.99; this amount is " + amount));
      return null;
    }
    return "EUR" + euros.setScale(2).toPlainString();
  }

  /** Of the free texts, the one with the most UTF-8 bytes: the one to shorten. */
  private String longestText() {
    String longest = "name";
    int most = utf8Length(name);
    if (utf8Length(remittanceText) > most) {
      longest = "remittance_text";
      most = utf8Length(remittanceText);
    }
    if (utf8Length(noteToPayer) > most) {
      longest = "note_to_payer";
    }
    return longest;
  }

  private static int utf8Length(String text) {
    return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
