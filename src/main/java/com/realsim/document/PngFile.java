package com.realsim.document;

import java.io.ByteArrayOutputStream;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Reads a PNG chunk by chunk, each checked against its CRC, and writes it again without its metadata. The header
 * (IHDR, which must come first) gives width and height, checked against the limits before anything else is read
 * (pixel floods). Kept: the critical chunks and the ancillary ones that change how the pixels look (transparency,
 * gamma, chromaticities, sRGB). Dropped unread, never inflated: text ({@code tEXt}, compressed {@code zTXt} and
 * {@code iTXt}, where decompression bombs hide), {@code eXIf} with its GPS position, time, ICC profiles, animation and
 * anything unknown. Nothing but zero padding may follow the end (IEND).
 */
final class PngFile {

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private static final Set<String> CRITICAL = Set.of("IHDR", "PLTE", "IDAT", "IEND");
    private static final Set<String> KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB");

    private PngFile() {}

    /** The upload, positioned after its signature. */
    static ContentInspector.Inspection clean(UploadStream in, ContentInspector.Limits limits, int expected) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, expected));
        out.writeBytes(SIGNATURE);
        long width = 0;
        long height = 0;
        boolean data = false;
        while (true) {
            long length = in.u32();
            byte[] name = in.bytes(4);
            String type = new String(name, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (length > Integer.MAX_VALUE || !isChunkType(name) || (width == 0) != type.equals("IHDR")) {
                throw ContentInspector.unreadable(); // IHDR first and once, and a chunk type of four letters
            }
            if (Character.isUpperCase(type.charAt(0)) && !CRITICAL.contains(type)) {
                throw ContentInspector.unreadable(); // a critical chunk no decoder knows
            }
            CRC32 crc = new CRC32();
            crc.update(name);
            boolean keep = KEPT.contains(type);
            if (keep) {
                out.write((int) (length >> 24));
                out.write((int) (length >> 16));
                out.write((int) (length >> 8));
                out.write((int) length);
                out.writeBytes(name);
            }
            if (type.equals("IHDR")) {
                if (length != 13) {
                    throw ContentInspector.unreadable();
                }
                byte[] header = in.bytes(13);
                crc.update(header);
                out.writeBytes(header);
                width = u32(header, 0);
                height = u32(header, 4);
                limits.check(width, height);
            } else {
                in.pass(length, (bytes, offset, n) -> {
                    crc.update(bytes, offset, n);
                    if (keep) {
                        out.write(bytes, offset, n);
                    }
                });
            }
            long stored = in.u32();
            if (stored != crc.getValue()) {
                throw ContentInspector.unreadable();
            }
            if (keep) {
                out.write((int) (stored >> 24));
                out.write((int) (stored >> 16));
                out.write((int) (stored >> 8));
                out.write((int) stored);
            }
            data |= type.equals("IDAT");
            if (type.equals("IEND")) {
                break;
            }
        }
        if (!data) {
            throw ContentInspector.unreadable();
        }
        if (!in.restIsPadding()) {
            throw ContentInspector.appended(in);
        }
        return new ContentInspector.Inspection(DocumentContentType.PNG, width, height, out.toByteArray());
    }

    private static boolean isChunkType(byte[] name) {
        for (byte b : name) {
            if (!((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z'))) {
                return false;
            }
        }
        return true;
    }

    private static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24)
                | ((b[at + 1] & 0xFF) << 16)
                | ((b[at + 2] & 0xFF) << 8)
                | (b[at + 3] & 0xFF);
    }
}
