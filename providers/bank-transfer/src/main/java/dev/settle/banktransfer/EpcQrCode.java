package dev.settle.banktransfer;

import dev.settle.exception.ValidationException.Reason;
import dev.settle.exception.ValidationException.Violation;
import dev.settle.exception.ValidationException;
import dev.settle.model.Money;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An EPC QR code ("GiroCode", "Scan2Pay", "Zahlen mit Code"): a QR code that a banking app in the
 * euro area scans to fill in a SEPA credit transfer.
 *
 * <p>Of an invoice's bank-transfer instructions:
 *
 * <pre>{@code
 * BankTransferInstructions instructions = BankTransfer.of(account).instructions(invoiceId);
 * if (instructions.hasEpcQrCode()) {
 *   byte[] png = instructions.epcQrCode().png();   // print it next to the bank details
 * }
 * }</pre>
 *
 * <p>Or for a payee of your own, with every field checked against EPC069-12 and every violation
 * reported at once:
 *
 * <pre>{@code
 * EpcQrCode code = EpcQrCode.builder()
 *     .payeeName("Red Cross of Belgium")
 *     .iban("BE72 0000 0000 1616")
 *     .bic("BPOTBEB1")                                  // optional
 *     .amount(Money.of(new BigDecimal("10.00"), "EUR"))  // optional: the payer types it
 *     .purpose("CHAR")                                  // optional
 *     .remittanceText("Urgency fund")                   // or .reference("RF18 5390 0754 7034")
 *     .noteToPayer("Thank you")                         // optional
 *     .build();
 * }</pre>
 *
 * <h2>The payload</h2>
 *
 * <p>The text follows EPC069-12 version 002, one element a line, separated by LF:
 *
 * <ol>
 *   <li>{@code BCD}, the service tag;
 *   <li>{@code 002}, the version;
 *   <li>{@code 1}, the character set: UTF-8;
 *   <li>{@code SCT}, SEPA credit transfer;
 *   <li>the payee's BIC, 8 or 11 characters, or empty (version 002 makes it optional inside the
 *       EEA); instructions always give it;
 *   <li>the payee's name, 1 to 70 characters;
 *   <li>the IBAN, electronic form;
 *   <li>the amount: {@code EUR} then EUR 0.01 to 999999999.99 with two decimals and a point, such
 *       as {@code EUR119.00}; or empty, for the payer to fill in;
 *   <li>the purpose code, 1 to 4 upper-case letters or digits (ISO 20022, such as {@code GDDS});
 *       empty unless given;
 *   <li>the structured remittance information: an ISO 11649 reference, electronic form;
 *   <li>the unstructured remittance information, at most 140 characters, which must be empty when
 *       a structured reference is given;
 *   <li>the beneficiary-to-originator information, a note the payer's app shows, at most 70
 *       characters.
 * </ol>
 *
 * <p>Text elements may hold any character UTF-8 encodes but a line break or another control
 * character. Trailing empty elements are optional, so they are left out together with their
 * separators: the payload ends with its last non-empty element, without a line feed after it,
 * and a reader that splits on LF reads the missing elements as empty. The whole payload is at
 * most 331 bytes, which is what keeps the code at QR version 13 or below.
 *
 * <h2>The symbol</h2>
 *
 * <p>Error correction level M, as EPC069-12 requires, byte mode, with the four-module quiet zone
 * of ISO 18004. The payload goes into the symbol as its UTF-8 bytes and without an ECI header:
 * the third line already says UTF-8, and some banking apps do not expect an ECI.
 *
 * <p>Immutable and thread-safe; each {@link #png()} renders anew.
 */
public final class EpcQrCode {
  static final int DEFAULT_PIXELS_PER_MODULE = 8;

  private final String payload;

  private EpcQrCode(String payload) {
    this.payload = payload;
  }

  /**
   * The EPC QR code of {@code instructions}.
   *
   * @param instructions the instructions to encode
   * @return the QR code
   * @throws ValidationException listing what does not fit the standard: with param {@code
   *     currency} when the amount is not in euros (EPC069-12 carries euro amounts only, so no QR
   *     code is offered and nothing else is checked); with param {@code amount} when it is below
   *     EUR 0.01 or above EUR 999,999,999.99; with param {@code name} when the payee's name has
   *     more than 70 characters, a line break or another control character, or makes the payload
   *     longer than 331 bytes
   */
  public static EpcQrCode of(BankTransferInstructions instructions) {
    ValidationException.required(instructions, "instructions");
    List<Violation> violations = new ArrayList<>();
    String payload = encode(instructions, violations);
    if (payload == null) {
      throw new ValidationException(violations);
    }
    return new EpcQrCode(payload);
  }

  /** {@return a builder for an EPC QR code of a payee of your own, with no field set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the payload text, lines separated by LF, as encoded in the symbol (in UTF-8)} */
  public String payload() {
    return payload;
  }

  /**
   * {@return the symbol as a PNG image, {@value #DEFAULT_PIXELS_PER_MODULE} pixels a module, black
   * on white, with its quiet zone}
   */
  public byte[] png() {
    return png(DEFAULT_PIXELS_PER_MODULE);
  }

  /**
   * The symbol as a PNG image with {@code pixelsPerModule} pixels a module. Printed, the
   * guidelines recommend at least 46 × 46 mm.
   *
   * @param pixelsPerModule the side of a module in pixels, 1 to 100
   * @return the PNG's bytes
   * @throws IllegalArgumentException if {@code pixelsPerModule} is not between 1 and 100
   */
  public byte[] png(int pixelsPerModule) {
    if (pixelsPerModule < 1 || pixelsPerModule > 100) {
      throw new IllegalArgumentException("pixelsPerModule must be 1 to 100: " + pixelsPerModule);
    }
    return QrImage.png(payload, pixelsPerModule);
  }

  /** Whether a QR code can be made of {@code instructions}. */
  static boolean fits(BankTransferInstructions instructions) {
    return encode(instructions, new ArrayList<>()) != null;
  }

  /** The payload of {@code instructions}; null when {@code violations} received why not. */
  private static String encode(BankTransferInstructions instructions, List<Violation> violations) {
    String currency = instructions.amount().currency().getCurrencyCode();
    if (!currency.equals("EUR")) {
      // Said here rather than by the payload's own check, in terms of the invoice.
      violations.add(new Violation("currency", Reason.UNSUPPORTED, "No EPC QR code is offered "
          + "for an invoice in " + currency + ": EPC069-12 carries euro amounts only. Show the "
          + "bank details for a transfer typed by hand instead"));
      return null;
    }
    return new EpcPayload(
        instructions.bic().value(),
        instructions.payeeName(),
        instructions.iban().value(),
        instructions.amount(),
        null,
        instructions.reference().value(),
        null,
        null)
        .encode(violations);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EpcQrCode that && payload.equals(that.payload);
  }

  @Override
  public int hashCode() {
    return payload.hashCode();
  }

  /** The payload on one line, LF written as {@code \n}. */
  @Override
  public String toString() {
    return "EpcQrCode{" + payload.replace("\n", "\\n") + "}";
  }

  /**
   * Collects the fields of an EPC QR code for a payee of your own; {@link #build()} checks them
   * all against EPC069-12.
   *
   * <p>The payee's name and IBAN are required; everything else is optional, and {@code null} or
   * blank leaves a field out. IBAN, BIC and reference may be given as typed (spaces and lower
   * case are accepted, as by {@link Iban#of}) or as checked values. Not thread-safe.
   */
  public static final class Builder {
    private String payeeName;
    private String iban;
    private String bic;
    private Money amount;
    private String purpose;
    private String reference;
    private String remittanceText;
    private String noteToPayer;

    private Builder() {}

    /**
     * The payee's name, the account holder: 1 to 70 characters.
     *
     * @param payeeName the payee's name
     * @return this builder
     */
    public Builder payeeName(@Nullable String payeeName) {
      this.payeeName = payeeName;
      return this;
    }

    /**
     * The payee's IBAN as a person types it; checked by {@link #build()}.
     *
     * @param iban the IBAN as typed
     * @return this builder
     */
    public Builder iban(@Nullable String iban) {
      this.iban = iban;
      return this;
    }

    /**
     * The payee's IBAN.
     *
     * @param iban the IBAN
     * @return this builder
     */
    public Builder iban(@Nullable Iban iban) {
      return iban(iban == null ? null : iban.value());
    }

    /**
     * The BIC of the payee's bank as a person types it; optional inside the EEA.
     *
     * @param bic the BIC as typed, or null or blank for none
     * @return this builder
     */
    public Builder bic(@Nullable String bic) {
      this.bic = blankAsNull(bic);
      return this;
    }

    /**
     * The BIC of the payee's bank; optional inside the EEA.
     *
     * @param bic the BIC, or null
     * @return this builder
     */
    public Builder bic(@Nullable Bic bic) {
      return bic(bic == null ? null : bic.value());
    }

    /**
     * The amount, in euros: EUR 0.01 to 999,999,999.99. Optional: without it the payer types the
     * amount in their banking app.
     *
     * @param amount the amount in euros, or null
     * @return this builder
     */
    public Builder amount(@Nullable Money amount) {
      this.amount = amount;
      return this;
    }

    /**
     * The ISO 20022 purpose code, such as {@code GDDS} (goods) or {@code CHAR} (charity).
     *
     * @param purpose the purpose code, or null or blank for none
     * @return this builder
     */
    public Builder purpose(@Nullable String purpose) {
      this.purpose = blankAsNull(purpose);
      return this;
    }

    /**
     * The ISO 11649 creditor reference the payer quotes, as a person types it; not together
     * with a {@link #remittanceText}.
     *
     * @param reference the reference as typed
     * @return this builder
     */
    public Builder reference(@Nullable String reference) {
      this.reference = blankAsNull(reference);
      return this;
    }

    /**
     * The ISO 11649 creditor reference the payer quotes; not together with a remittance text.
     *
     * @param reference the reference
     * @return this builder
     */
    public Builder reference(@Nullable CreditorReference reference) {
      return reference(reference == null ? null : reference.value());
    }

    /**
     * Free text the payer's bank passes on to the payee, at most 140 characters; not together
     * with a {@link #reference}.
     *
     * @param remittanceText the text
     * @return this builder
     */
    public Builder remittanceText(@Nullable String remittanceText) {
      this.remittanceText = blankAsNull(remittanceText);
      return this;
    }

    /**
     * A note for the payer, which their banking app shows (EPC069-12's beneficiary-to-originator
     * information), at most 70 characters.
     *
     * @param noteToPayer the note
     * @return this builder
     */
    public Builder noteToPayer(@Nullable String noteToPayer) {
      this.noteToPayer = blankAsNull(noteToPayer);
      return this;
    }

    /**
     * Checks every field and returns the code.
     *
     * @return the QR code
     * @throws ValidationException listing every field that does not fit EPC069-12, in the order
     *     of the payload: {@code bic}, {@code name}, {@code iban} (as {@link Bic#of}, {@link
     *     Iban#of} say, or {@link Reason#REQUIRED}), {@code currency} (not euros), {@code amount}
     *     ({@link Reason#RANGE}), {@code purpose}, {@code reference}, {@code remittance_text}
     *     ({@link Reason#CONFLICT} with a reference), {@code note_to_payer}; then, once every
     *     field fits, the free text that takes most of a payload over 331 bytes
     */
    public EpcQrCode build() {
      List<Violation> violations = new ArrayList<>();
      String payload = new EpcPayload(bic, payeeName, iban, amount, purpose, reference,
          remittanceText, noteToPayer).encode(violations);
      if (payload == null) {
        throw new ValidationException(violations);
      }
      return new EpcQrCode(payload);
    }

    private static String blankAsNull(String text) {
      return text == null || text.isBlank() ? null : text;
    }
  }
}
