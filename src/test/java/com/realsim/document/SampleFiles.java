package com.realsim.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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

    static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** A small ZIP archive with one text file. */
    static byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("payload.txt"));
            zip.write("hidden".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A photo as phones write them: a JPEG with an EXIF segment (orientation, a description holding the marker, a
     * GPS directory), an XMP segment and a comment, all after the JFIF header.
     */
    static byte[] jpegWithExif(int width, int height, int orientation, String marker) {
        byte[] jpeg = jpeg(width, height);
        byte[] xmp = ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><rdf:Description exif:GPSLatitude=\"31,14.2N\"/>"
                        + "</x:xmpmeta>")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] inserted = concat(
                concat(segmentBytes(0xE1, exifPayload(orientation, marker, false)), segmentBytes(0xE1, xmp)),
                segmentBytes(0xFE, "a comment".getBytes(StandardCharsets.US_ASCII)));
        int afterJfif = 2 + 2 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        return concat(
                concat(Arrays.copyOf(jpeg, afterJfif), inserted), Arrays.copyOfRange(jpeg, afterJfif, jpeg.length));
    }

    /** A JPEG with a comment segment right after its start. */
    static byte[] jpegWithComment(byte[] jpeg, byte[] comment) {
        return concat(
                concat(Arrays.copyOf(jpeg, 2), segmentBytes(0xFE, comment)), Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    /**
     * The payload of an EXIF APP1 segment: IFD0 with an image description (the text), the orientation and a pointer
     * to a GPS directory holding its version; big- or little-endian.
     */
    static byte[] exifPayload(int orientation, String text, boolean littleEndian) {
        byte[] description = (text + "\0").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer tiff = ByteBuffer.allocate(68 + description.length)
                .order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        tiff.put(littleEndian ? (byte) 'I' : (byte) 'M').put(littleEndian ? (byte) 'I' : (byte) 'M');
        tiff.putShort((short) 42).putInt(8);
        tiff.putShort((short) 3);
        tiff.putShort((short) 0x010E)
                .putShort((short) 2)
                .putInt(description.length)
                .putInt(68);
        tiff.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(50);
        tiff.putInt(0);
        tiff.putShort((short) 1); // GPS directory at 50: its version, 2.2.0.0
        tiff.putShort((short) 0).putShort((short) 1).putInt(4).put(new byte[] {2, 2, 0, 0});
        tiff.putInt(0);
        tiff.put(description);
        return concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff.array());
    }

    /** A PNG with one more chunk right after its header. */
    static byte[] pngWith(byte[] png, String type, String data) {
        byte[] name = type.getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = data.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(body);
        ByteBuffer chunk = ByteBuffer.allocate(12 + body.length);
        chunk.putInt(body.length).put(name).put(body).putInt((int) crc.getValue());
        return concat(concat(Arrays.copyOf(png, 33), chunk.array()), Arrays.copyOfRange(png, 33, png.length));
    }

    /** The markers of a JPEG's segments after its start, as hex (E0 for APP0 ...), up to its end. */
    static java.util.List<String> segments(byte[] jpeg) {
        java.util.List<String> markers = new java.util.ArrayList<>();
        int i = 2;
        while (i + 1 < jpeg.length) {
            int marker = jpeg[i + 1] & 0xFF;
            markers.add(String.format("%02X", marker));
            if (marker == 0xD9) {
                break;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2;
                continue;
            }
            i += 2 + (((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF));
            if (marker == 0xDA) {
                while (!((jpeg[i] & 0xFF) == 0xFF
                        && (jpeg[i + 1] & 0xFF) != 0
                        && ((jpeg[i + 1] & 0xFF) < 0xD0 || (jpeg[i + 1] & 0xFF) > 0xD7))) {
                    i++;
                }
            }
        }
        return markers;
    }

    /** The payload of the first segment with this marker. */
    static byte[] segment(byte[] jpeg, int marker) {
        int i = 2;
        while (i + 3 < jpeg.length && (jpeg[i + 1] & 0xFF) != 0xDA) {
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if ((jpeg[i + 1] & 0xFF) == marker) {
                return Arrays.copyOfRange(jpeg, i + 4, i + 2 + length);
            }
            i += 2 + length;
        }
        throw new IllegalStateException("no segment " + Integer.toHexString(marker));
    }

    static byte[] segmentBytes(int marker, byte[] payload) {
        ByteBuffer segment = ByteBuffer.allocate(4 + payload.length);
        segment.put((byte) 0xFF)
                .put((byte) marker)
                .putShort((short) (payload.length + 2))
                .put(payload);
        return segment.array();
    }
}
