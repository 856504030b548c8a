package dev.settle.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import dev.settle.exception.ValidationException;
import dev.settle.model.InvoiceId;
import dev.settle.model.Money;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The EPC069-12 payload, and the PNG read back with ZXing's own reader. */
class EpcQrCodeTest {
  /** EPC069-12 version 002, field by field; the two trailing empty elements are left out. */
  private static final List<String> EXPECTED_FIELDS = List.of(
      "BCD",                      // 1 service tag
      "002",                      // 2 version
      "1",                        // 3 character set: UTF-8
      "SCT",                      // 4 identification: SEPA credit transfer
      "COBADEFFXXX",              // 5 BIC of the beneficiary bank
      "Settle Software GmbH",     // 6 beneficiary name
      "DE89370400440532013000",   // 7 beneficiary IBAN
      "EUR119.00",                // 8 amount
      "",                         // 9 purpose
      "RF18539007547034");        // 10 structured remittance (ISO 11649)

  @Test
  void writesTheEpcPayload() {
    EpcQrCode code = EpcQrCode.of(instructions(11900, "EUR", "Settle Software GmbH"));

    assertThat(code.payload()).isEqualTo(String.join("\n", EXPECTED_FIELDS));
    assertThat(code.payload()).doesNotContain("\r").doesNotEndWith("\n");
    assertThat(fields(code.payload())).containsExactlyElementsOf(padded(EXPECTED_FIELDS));
  }

  @Test
  void thePngDecodesBackToThePayloadFieldByField() throws Exception {
    EpcQrCode code = EpcQrCode.of(instructions(11900, "EUR", "Settle Software GmbH"));

    Decoded decoded = decode(code.png());

    assertThat(decoded.text).isEqualTo(code.payload());
    List<String> fields = fields(decoded.text);
    List<String> expected = padded(EXPECTED_FIELDS);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(fields.get(i)).as("EPC069-12 element %d", i + 1).isEqualTo(expected.get(i));
    }
    assertThat(decoded.errorCorrection).isEqualTo("M");
    assertThat(decoded.image.getWidth()).isEqualTo(decoded.image.getHeight());
  }

  @Test
  void aNonAsciiNameTravelsAsUtf8BytesWithoutAnEci() throws Exception {
    String name = "Müller & Søn — Zürich ĞÜŞ";
    EpcQrCode code = EpcQrCode.of(instructions(100, "EUR", name));

    Decoded decoded = decode(code.png(4));

    assertThat(decoded.bytes).isEqualTo(code.payload().getBytes(StandardCharsets.UTF_8));
    assertThat(fields(decoded.text).get(5)).isEqualTo(name);
    // Byte mode starts with the mode indicator 0100; an ECI would start with 0111.
    assertThat(decoded.firstModeBits).isEqualTo(0b0100);
  }

  @Test
  void writesAmountsWithTwoDecimalsAndAPoint() {
    assertThat(fields(EpcQrCode.of(instructions(1, "EUR", "A")).payload()).get(7))
        .isEqualTo("EUR0.01");
    assertThat(fields(EpcQrCode.of(instructions(99_999_999_999L, "EUR", "A")).payload()).get(7))
        .isEqualTo("EUR999999999.99");
    assertThat(fields(EpcQrCode.of(instructions(123_450, "EUR", "A")).payload()).get(7))
        .isEqualTo("EUR1234.50");
  }

  @ParameterizedTest
  @ValueSource(strings = {"USD", "CHF", "GBP", "JPY", "SEK"})
  void offersNoQrCodeForAnotherCurrency(String currency) {
    BankTransferInstructions instructions = instructions(11900, currency, "Settle Software GmbH");

    assertThat(instructions.hasEpcQrCode()).isFalse();
    assertThatThrownBy(instructions::epcQrCode)
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.param()).isEqualTo("currency");
          assertThat(e.getMessage())
              .contains("No EPC QR code is offered for an invoice in " + currency)
              .contains("euro amounts only");
        });
  }

  @Test
  void refusesAmountsOutsideTheStandard() {
    assertThat(instructions(0, "EUR", "A").hasEpcQrCode()).isFalse();
    assertThatThrownBy(() -> EpcQrCode.of(instructions(0, "EUR", "A")))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.param()).isEqualTo("amount");
          assertThat(e.getMessage()).contains("EUR 0.01 to EUR 999999999.99", "EUR 0.00");
        });
    assertThatThrownBy(() -> EpcQrCode.of(instructions(100_000_000_000L, "EUR", "A")))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.param()).isEqualTo("amount"));
  }

  @Test
  void refusesNamesThatDoNotFit() {
    assertThat(EpcQrCode.of(instructions(100, "EUR", "N".repeat(70))).payload()).contains("N".repeat(70));
    assertThatThrownBy(() -> EpcQrCode.of(instructions(100, "EUR", "N".repeat(71))))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.param()).isEqualTo("name");
          assertThat(e.getMessage()).contains("at most 70 characters; this one has 71");
        });
    assertThatThrownBy(() -> EpcQrCode.of(instructions(100, "EUR", "Settle\nEUR1.00")))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.getMessage()).contains("line break"));
    // 70 characters of four UTF-8 bytes each: within the character limit, over 331 bytes.
    String wide = "😀".repeat(70);
    assertThatThrownBy(() -> EpcQrCode.of(instructions(100, "EUR", wide)))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.param()).isEqualTo("name");
          assertThat(e.getMessage()).contains("EPC069-12 allows 331");
        });
  }

  @Test
  void theLongestPayloadStaysWithinQrVersion13() throws Exception {
    // A 32-character IBAN, an 11-character BIC, the largest amount, a 25-character reference,
    // and a 70-character name of 229 UTF-8 bytes: exactly 331 bytes in all.
    String name = "😀".repeat(52) + "é".repeat(3) + "x".repeat(15);
    BankTransferInstructions longest = BankTransferInstructions.builder()
        .invoiceId(InvoiceId.of("in_1"))
        .payeeName(name)
        .iban(Iban.of("LC55HEMM000100010012001200023015"))
        .bic(Bic.of("COBADEFFXXX"))
        .amount(Money.ofMinor(99_999_999_999L, "EUR"))
        .reference(CreditorReference.from("A".repeat(21)))
        .build();
    EpcQrCode code = EpcQrCode.of(longest);
    byte[] payload = code.payload().getBytes(StandardCharsets.UTF_8);

    assertThat(payload).hasSize(331);
    QRCode symbol = Encoder.encode(
        new String(payload, StandardCharsets.ISO_8859_1), ErrorCorrectionLevel.M, Map.of());
    assertThat(symbol.getVersion().getVersionNumber()).isEqualTo(13);
    assertThat(decode(code.png(3)).text).isEqualTo(code.payload());
    assertThatThrownBy(() -> EpcQrCode.of(
            BankTransferInstructions.builder().from(longest).payeeName(name + "x").build()))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.param()).isEqualTo("name"));
  }

  @Test
  void isAValue() {
    EpcQrCode one = EpcQrCode.of(instructions(11900, "EUR", "Settle Software GmbH"));
    EpcQrCode two = EpcQrCode.of(instructions(11900, "EUR", "Settle Software GmbH"));

    assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
    assertThat(one.toString()).startsWith("EpcQrCode{BCD\\n002\\n1\\nSCT\\n");
    assertThatThrownBy(() -> one.png(0)).isInstanceOf(IllegalArgumentException.class);
  }

  static BankTransferInstructions instructions(long minorUnits, String currency, String name) {
    return BankTransferInstructions.builder()
        .invoiceId(InvoiceId.of("in_1Q2w3E"))
        .payeeName(name)
        .iban(Iban.of("DE89 3704 0044 0532 0130 00"))
        .bic(Bic.of("COBADEFFXXX"))
        .amount(Money.ofMinor(minorUnits, currency))
        .reference(CreditorReference.of("RF18 5390 0754 7034"))
        .build();
  }

  /** The payload's elements; missing trailing ones read as empty, as an EPC reader does. */
  static List<String> fields(String payload) {
    return padded(Arrays.asList(payload.split("\n", -1)));
  }

  static List<String> padded(List<String> fields) {
    String[] all = new String[12];
    Arrays.fill(all, "");
    for (int i = 0; i < fields.size(); i++) {
      all[i] = fields.get(i);
    }
    return List.of(all);
  }

  record Decoded(
      String text, byte[] bytes, String errorCorrection, int firstModeBits, BufferedImage image) {}

  static Decoded decode(byte[] png) throws Exception {
    assertThat(Arrays.copyOf(png, 8))
        .containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    BinaryBitmap bitmap =
        new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    Result result = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, true));
    assertThat(result.getBarcodeFormat()).isEqualTo(BarcodeFormat.QR_CODE);
    @SuppressWarnings("unchecked")
    List<byte[]> segments =
        (List<byte[]>) result.getResultMetadata().get(ResultMetadataType.BYTE_SEGMENTS);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (byte[] segment : segments) {
      bytes.write(segment);
    }
    int firstModeBits = (result.getRawBytes()[0] & 0xFF) >>> 4;
    return new Decoded(
        bytes.toString(StandardCharsets.UTF_8),
        bytes.toByteArray(),
        (String) result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL),
        firstModeBits,
        image);
  }
}
