package dev.settle.banktransfer;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.settle.exception.ValidationException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * An EPC QR code ("GiroCode", "Scan2Pay", "Zahlen mit Code") of bank-transfer instructions: a QR
 * code that a banking app in the euro area scans to fill in a SEPA credit transfer.
 *
 * <pre>{@code
 * BankTransferInstructions instructions = BankTransfer.of(account).instructions(invoiceId);
 * if (instructions.hasEpcQrCode()) {
 *   byte[] png = instructions.epcQrCode().png();   // print it next to the bank details
 * }
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
 *   <li>the payee's BIC (optional in version 002, given here because it is known);
 *   <li>the payee's name, at most 70 characters;
 *   <li>the IBAN, electronic form;
 *   <li>the amount: {@code EUR} then the amount with two decimals and a point, such as
 *       {@code EUR119.00};
 *   <li>the purpose code: empty;
 *   <li>the structured remittance information: the ISO 11649 reference, electronic form.
 * </ol>
 *
 * <p>The two last elements of the standard, unstructured remittance text (which must be empty
 * when a structured reference is given) and the beneficiary-to-originator information, are
 * empty. Trailing empty elements are optional, so they are left out together with their
 * separators: the payload ends with the reference, without a line feed after it, and a reader
 * that splits on LF reads the missing elements as empty. The whole payload is at most 331 bytes,
 * which is what keeps the code at QR version 13 or below.
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
  /** EPC069-12: the payload of a version 13, level M symbol. */
  static final int MAX_PAYLOAD_BYTES = 331;
  static final int MAX_NAME_LENGTH = 70;
  static final int DEFAULT_PIXELS_PER_MODULE = 8;
  private static final int QUIET_ZONE_MODULES = 4;
  private static final BigDecimal MIN_AMOUNT = new BigDecimal("0.01");
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999.99");

  private final String payload;

  private EpcQrCode(String payload) {
    this.payload = payload;
  }

  /**
   * The EPC QR code of {@code instructions}.
   *
   * @throws ValidationException with param {@code currency} when the amount is not in euros:
   *     EPC069-12 carries euro amounts only, so no QR code is offered and nothing is encoded; with
   *     param {@code amount} when it is below EUR 0.01 or above EUR 999,999,999.99; with param
   *     {@code name} when the payee's name has more than 70 characters, a line break or another
   *     control character, or makes the payload longer than 331 bytes
   */
  public static EpcQrCode of(BankTransferInstructions instructions) {
    Objects.requireNonNull(instructions, "instructions");
    ValidationException refusal = refusal(instructions);
    if (refusal != null) {
      throw refusal;
    }
    return new EpcQrCode(payload(instructions));
  }

  /** The payload text, lines separated by LF, as encoded in the symbol (in UTF-8). */
  public String payload() {
    return payload;
  }

  /**
   * The symbol as a PNG image, {@value #DEFAULT_PIXELS_PER_MODULE} pixels a module, black on
   * white, with its quiet zone.
   */
  public byte[] png() {
    return png(DEFAULT_PIXELS_PER_MODULE);
  }

  /**
   * The symbol as a PNG image with {@code pixelsPerModule} pixels a module. Printed, the
   * guidelines recommend at least 46 × 46 mm.
   *
   * @throws IllegalArgumentException if {@code pixelsPerModule} is not between 1 and 100
   */
  public byte[] png(int pixelsPerModule) {
    if (pixelsPerModule < 1 || pixelsPerModule > 100) {
      throw new IllegalArgumentException("pixelsPerModule must be 1 to 100: " + pixelsPerModule);
    }
    BitMatrix modules = encode();
    int size = modules.getWidth() * pixelsPerModule;
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
    int black = 0xFF000000;
    int white = 0xFFFFFFFF;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        boolean dark = modules.get(x / pixelsPerModule, y / pixelsPerModule);
        image.setRGB(x, y, dark ? black : white);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("This JDK has no PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * The symbol's modules, one bit each, quiet zone included. ZXing is handed the payload's UTF-8
   * bytes as ISO 8859-1 characters, so that it writes exactly those bytes in byte mode and adds
   * no ECI header.
   */
  BitMatrix encode() {
    String bytes = new String(payload.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    Map<EncodeHintType, Object> hints =
        Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.MARGIN, QUIET_ZONE_MODULES);
    try {
      return new QRCodeWriter().encode(bytes, BarcodeFormat.QR_CODE, 0, 0, hints);
    } catch (WriterException e) {
      // 331 bytes fit version 13 at level M; of() refuses anything longer.
      throw new IllegalStateException("The EPC payload does not fit a QR code", e);
    }
  }

  /** Why no QR code can be made of {@code instructions}; null when one can. */
  static ValidationException refusal(BankTransferInstructions instructions) {
    String currency = instructions.amount().currency().getCurrencyCode();
    if (!currency.equals("EUR")) {
      return new ValidationException("currency", "No EPC QR code is offered for an invoice in "
          + currency + ": EPC069-12 carries euro amounts only. Show the bank details for a "
          + "transfer typed by hand instead");
    }
    BigDecimal amount = instructions.amount().toBigDecimal();
    if (amount.compareTo(MIN_AMOUNT) < 0 || amount.compareTo(MAX_AMOUNT) > 0) {
      return new ValidationException("amount", "An EPC QR code carries EUR 0.01 to "
          + "EUR 999999999.99; this amount is " + instructions.amount());
    }
    String name = instructions.payeeName();
    int nameLength = name.codePointCount(0, name.length());
    if (nameLength > MAX_NAME_LENGTH) {
      return new ValidationException("name", "An EPC QR code carries a payee name of at most "
          + MAX_NAME_LENGTH + " characters; this one has " + nameLength);
    }
    if (name.codePoints().anyMatch(Character::isISOControl)) {
      return new ValidationException("name", "The payee name has a line break or another "
          + "control character, which would break the lines of an EPC QR code");
    }
    int bytes = payload(instructions).getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_PAYLOAD_BYTES) {
      return new ValidationException("name", "With this payee name the EPC QR payload has "
          + bytes + " bytes in UTF-8; EPC069-12 allows " + MAX_PAYLOAD_BYTES);
    }
    return null;
  }

  private static String payload(BankTransferInstructions instructions) {
    return String.join("\n",
        "BCD",
        "002",
        "1",
        "SCT",
        instructions.bic().value(),
        instructions.payeeName(),
        instructions.iban().value(),
        "EUR" + instructions.amount().toBigDecimal().setScale(2).toPlainString(),
        "",
        instructions.reference().value());
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
}
