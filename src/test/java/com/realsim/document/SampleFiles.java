package com.realsim.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Real and hostile files for the content rules, made in memory. */
final class SampleFiles {

    private SampleFiles() {}

    static byte[] jpeg(int width, int height) {
        return image("jpg", width, height);
    }

    static byte[] png(int width, int height) {
        return image("png", width, height);
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                        + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% " + text
                        + "\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The start of a Windows executable. */
    static byte[] exe() {
        byte[] exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[60] = (byte) 0x80;
        return exe;
    }

    /** A valid small PNG whose IHDR (with a correct CRC) claims another size: a pixel flood. */
    static byte[] pngClaiming(long width, long height) {
        byte[] png = png(1, 1);
        ByteBuffer buffer = ByteBuffer.wrap(png);
        buffer.putInt(16, (int) width);
        buffer.putInt(20, (int) height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17); // chunk type and data
        buffer.putInt(29, (int) crc.getValue());
        return png;
    }

    /** A valid small JPEG whose frame header claims another size. */
    static byte[] jpegClaiming(int width, int height) {
        byte[] jpeg = jpeg(8, 8);
        for (int i = 2; i + 9 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                jpeg[i + 5] = (byte) (height >> 8);
                jpeg[i + 6] = (byte) height;
                jpeg[i + 7] = (byte) (width >> 8);
                jpeg[i + 8] = (byte) width;
                return jpeg;
            }
        }
        throw new IllegalStateException("no SOF0 in the sample JPEG");
    }

    private static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            image.setRGB(x, 0, 0x336699 + x);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
