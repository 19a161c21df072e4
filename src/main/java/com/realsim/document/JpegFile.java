package com.realsim.document;

import java.io.ByteArrayOutputStream;

/**
 * Reads a JPEG segment by segment to its end and writes it again without its metadata. The frame header (SOFn) gives
 * width and height, checked against the limits before a byte of image data is read (pixel floods). Kept: the tables,
 * the frame, the scans with their entropy-coded data, a plain JFIF header (APP0 without a thumbnail) and Adobe's
 * colour transform (APP14). Dropped: every other application segment — EXIF with its GPS position, camera and time,
 * XMP, ICC profiles, IPTC, MPF, thumbnails — and comments; the EXIF orientation alone is kept, written as an EXIF
 * segment holding only it, so that a photo taken upright still shows upright. After the end of the image, zero
 * padding and further JPEG images (the previews and gain maps phones append, MPF) are dropped; anything else
 * appended is refused.
 */
final class JpegFile {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int COM = 0xFE;
    private static final int APP0 = 0xE0;
    private static final int APP1 = 0xE1;
    private static final int APP14 = 0xEE;
    private static final int TAG_ORIENTATION = 0x0112;

    private JpegFile() {}

    /** The upload, positioned after its first three bytes (FF D8 FF: the start, and the next marker's FF). */
    static ContentInspector.Inspection clean(UploadStream in, ContentInspector.Limits limits, int expected) {
        ByteArrayOutputStream jfif = new ByteArrayOutputStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream(Math.max(64, expected));
        long width = 0;
        long height = 0;
        boolean scanned = false;
        int orientation = 0;
        int marker = code(in);
        while (marker != EOI) {
            if (marker == SOI || (marker == SOS && width == 0)) {
                throw ContentInspector.unreadable(); // a second start, or image data before the frame header
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                body.write(0xFF);
                body.write(marker); // markers without a segment
                marker = marker(in);
                continue;
            }
            int length = in.u16();
            if (length < 2) {
                throw ContentInspector.unreadable();
            }
            byte[] payload = in.bytes(length - 2);
            if (isFrame(marker)) {
                if (width != 0 || payload.length < 6) {
                    throw ContentInspector.unreadable();
                }
                height = u16(payload, 1);
                width = u16(payload, 3);
                limits.check(width, height);
            }
            boolean keep = switch (marker) {
                case APP0 -> jfif.size() == 0 && isPlainJfif(payload);
                case APP1 -> {
                    orientation = orientation == 0 ? exifOrientation(payload) : orientation;
                    yield false;
                }
                case APP14 -> startsWith(payload, "Adobe");
                case COM -> false;
                default -> marker < 0xE0 || marker > 0xEF;
            };
            if (keep) {
                ByteArrayOutputStream target = marker == APP0 ? jfif : body;
                target.write(0xFF);
                target.write(marker);
                target.write(length >> 8);
                target.write(length);
                target.writeBytes(payload);
            }
            if (marker == SOS) {
                marker = scan(in, body);
                scanned = true;
            } else {
                marker = marker(in);
            }
        }
        if (!scanned) {
            throw ContentInspector.unreadable();
        }
        body.write(0xFF);
        body.write(EOI);
        afterTheEnd(in);
        ByteArrayOutputStream out = new ByteArrayOutputStream(jfif.size() + body.size() + 40);
        out.write(0xFF);
        out.write(SOI);
        out.writeBytes(jfif.toByteArray());
        if (orientation > 1) {
            out.writeBytes(orientationOnly(orientation));
        }
        out.writeBytes(body.toByteArray());
        return new ContentInspector.Inspection(DocumentContentType.JPEG, width, height, out.toByteArray());
    }

    /** The next marker: 0xFF, any fill bytes 0xFF, then the marker's code. */
    private static int marker(UploadStream in) {
        if (in.next() != 0xFF) {
            throw ContentInspector.unreadable();
        }
        return code(in);
    }

    /** A marker's code after its first 0xFF: any fill bytes 0xFF, then the code. */
    private static int code(UploadStream in) {
        int code = in.next();
        while (code == 0xFF) {
            code = in.next();
        }
        if (code == 0x00) {
            throw ContentInspector.unreadable();
        }
        return code;
    }

    /** Copies a scan's entropy-coded data (with its stuffed zeros and restart markers) and answers the marker after. */
    private static int scan(UploadStream in, ByteArrayOutputStream out) {
        while (true) {
            if (!in.passUntilFF(out::write)) {
                throw ContentInspector.unreadable(); // the image ends inside its data
            }
            int code = in.next();
            while (code == 0xFF) {
                code = in.next();
            }
            if (code == 0x00 || (code >= 0xD0 && code <= 0xD7)) {
                out.write(0xFF);
                out.write(code);
            } else {
                return code;
            }
        }
    }

    /** After the end of the image: nothing, zero padding or more JPEG images (dropped); anything else is refused. */
    private static void afterTheEnd(UploadStream in) {
        int first = in.read();
        if (first < 0) {
            return;
        }
        if (first == 0) {
            if (!in.restIsPadding()) {
                throw ContentInspector.appended(in);
            }
            return;
        }
        if (first == 0xFF && in.read() == SOI && in.read() == 0xFF) {
            in.drain();
            return;
        }
        throw ContentInspector.appended(in);
    }

    /** SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** A JFIF header of 14 bytes without a thumbnail (its width and height are zero). */
    private static boolean isPlainJfif(byte[] payload) {
        return payload.length == 14 && startsWith(payload, "JFIF\0") && payload[12] == 0 && payload[13] == 0;
    }

    /**
     * The orientation (1–8) from an EXIF segment's first directory, or 0 when it has none or cannot be read; the
     * rest of the segment is never looked at.
     */
    static int exifOrientation(byte[] p) {
        if (p.length < 14 || !startsWith(p, "Exif\0\0")) {
            return 0;
        }
        boolean little;
        if (p[6] == 'I' && p[7] == 'I') {
            little = true;
        } else if (p[6] == 'M' && p[7] == 'M') {
            little = false;
        } else {
            return 0;
        }
        long directory = 6 + u32(p, 10, little);
        if (directory + 2 > p.length) {
            return 0;
        }
        int entries = u16(p, (int) directory, little);
        for (int i = 0; i < entries; i++) {
            long entry = directory + 2 + 12L * i;
            if (entry + 12 > p.length) {
                return 0;
            }
            int at = (int) entry;
            if (u16(p, at, little) == TAG_ORIENTATION) {
                int value = u16(p, at + 8, little);
                boolean shortValue = u16(p, at + 2, little) == 3 && u32(p, at + 4, little) == 1;
                return shortValue && value >= 1 && value <= 8 ? value : 0;
            }
        }
        return 0;
    }

    /** An APP1 EXIF segment with one directory holding one entry: the orientation (big-endian TIFF). */
    static byte[] orientationOnly(int orientation) {
        return new byte[] {
            (byte) 0xFF,
            (byte) APP1,
            0,
            34, // marker, length 34
            'E',
            'x',
            'i',
            'f',
            0,
            0, // EXIF identifier
            'M',
            'M',
            0,
            42,
            0,
            0,
            0,
            8, // TIFF header, first directory at 8
            0,
            1, // one entry
            0x01,
            0x12,
            0,
            3,
            0,
            0,
            0,
            1,
            0,
            (byte) orientation,
            0,
            0, // orientation, SHORT, 1 value
            0,
            0,
            0,
            0 // no next directory
        };
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        if (bytes.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (bytes[i] != (byte) prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static int u16(byte[] b, int at, boolean little) {
        return little ? (b[at + 1] & 0xFF) << 8 | (b[at] & 0xFF) : u16(b, at);
    }

    private static long u32(byte[] b, int at, boolean little) {
        long high = u16(b, little ? at + 2 : at, little);
        long low = u16(b, little ? at : at + 2, little);
        return high << 16 | low;
    }
}
