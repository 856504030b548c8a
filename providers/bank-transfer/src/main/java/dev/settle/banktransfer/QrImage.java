package dev.settle.banktransfer;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws an EPC payload as a QR symbol and a PNG, apart from {@link EpcQrCode} so that the payload's
 * rules and the imaging libraries (ZXing, AWT) do not share a file: level M and byte mode as
 * EPC069-12 requires, the quiet zone of ISO 18004.
 */
final class QrImage {
  private static final int QUIET_ZONE_MODULES = 4;

  private QrImage() {}

  /** {@return the symbol of {@code payload} as a PNG, {@code pixelsPerModule} pixels a module} */
  static byte[] png(String payload, int pixelsPerModule) {
    BitMatrix modules = modules(payload);
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
  static BitMatrix modules(String payload) {
    String bytes = new String(payload.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    Map<EncodeHintType, Object> hints =
        Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.MARGIN, QUIET_ZONE_MODULES);
    try {
      return new QRCodeWriter().encode(bytes, BarcodeFormat.QR_CODE, 0, 0, hints);
    } catch (WriterException e) {
      // 331 bytes fit version 13 at level M; EpcQrCode refuses anything longer.
      throw new IllegalStateException("The EPC payload does not fit a QR code", e);
    }
  }
}
