package com.realsim.document;

import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;

/**
 * Recognises JPEG, PNG and PDF by their magic bytes and reads an image's width and height from its header (PNG
 * IHDR, JPEG SOFn) without decoding a single pixel, so that a small file announcing a huge image is refused before
 * anything would try to allocate it.
 */
final class ContentInspector {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};

    record Inspection(DocumentContentType type, long width, long height) {}

    private ContentInspector() {}

    /**
     * @throws DomainException {@code UNSUPPORTED_MEDIA_TYPE} for content that is none of the accepted types or an
     *     image whose header cannot be read
     */
    static Inspection inspect(byte[] content) {
        if (startsWith(content, PDF)) {
            return new Inspection(DocumentContentType.PDF, 0, 0);
        }
        if (startsWith(content, PNG)) {
            return png(content);
        }
        if (startsWith(content, JPEG)) {
            return jpeg(content);
        }
        throw new DomainException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "document.type.unsupported");
    }

    private static Inspection png(byte[] b) {
        // 8-byte signature, then the IHDR chunk: length (13), "IHDR", width, height (big-endian, unsigned).
        if (b.length < 24 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
            throw unreadable();
        }
        return image(DocumentContentType.PNG, uint32(b, 16), uint32(b, 20));
    }

    private static Inspection jpeg(byte[] b) {
        int i = 2;
        while (i + 4 <= b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                throw unreadable();
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                i += 2; // markers without a segment
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                break; // end of image or start of scan before any frame header
            }
            int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            if (length < 2) {
                throw unreadable();
            }
            if (isStartOfFrame(marker)) {
                if (i + 9 > b.length) {
                    throw unreadable();
                }
                long height = ((b[i + 5] & 0xFF) << 8) | (b[i + 6] & 0xFF);
                long width = ((b[i + 7] & 0xFF) << 8) | (b[i + 8] & 0xFF);
                return image(DocumentContentType.JPEG, width, height);
            }
            i += 2 + length;
        }
        throw unreadable();
    }

    /** SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC) which share the range. */
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static Inspection image(DocumentContentType type, long width, long height) {
        if (width <= 0 || height <= 0) {
            throw unreadable();
        }
        return new Inspection(type, width, height);
    }

    private static DomainException unreadable() {
        return new DomainException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "document.image.unreadable");
    }

    private static long uint32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24)
                | ((b[at + 1] & 0xFF) << 16)
                | ((b[at + 2] & 0xFF) << 8)
                | (b[at + 3] & 0xFF);
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
