package com.realsim.document;

import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * An upload as the content checks read it: byte by byte from a buffer of its own, never more than the size limit
 * (one byte more is {@code PAYLOAD_TOO_LARGE}, whatever follows is not read), and watched for the signatures of
 * other formats hidden inside — a ZIP archive's end record near the end (where ZIP readers look for it), a RAR or
 * 7-Zip signature anywhere, a PDF header within the first KiB (where PDF readers look for it).
 */
final class UploadStream {

    /** A ZIP reader looks for the end record in the last 22 bytes plus the longest comment (65,535 bytes). */
    static final long ZIP_END_REACH = 22 + 65_535;

    private static final long ZIP_END = 0x504B0506L; // PK\5\6
    private static final long RAR = 0x526172211A07L; // Rar!\x1A\x07
    private static final long SEVEN_ZIP = 0x377ABCAF271CL; // 7z\xBC\xAF\x27\x1C
    private static final long PDF = 0x255044462DL; // %PDF-
    private static final int PDF_REACH = 1024;

    private final InputStream in;
    private final long limit;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int end;
    private long count;
    private long window;
    private long lastZipEnd = -1;
    private long pdfHeader = -1;
    private boolean archiveSignature;

    UploadStream(InputStream in, long limit) {
        this.in = in;
        this.limit = limit;
    }

    /** How many bytes the upload says it has left (a hint for sizing the copy; a network stream says little). */
    long expectedSize() {
        try {
            return Math.max(0, in.available()) + (end - position);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The next byte, or -1 at the end of the upload. */
    int read() {
        if (position == end && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    /** The next byte, which must be there: the end of the upload here means the file is cut short. */
    int next() {
        int b = read();
        if (b < 0) {
            throw ContentInspector.unreadable();
        }
        return b;
    }

    int u16() {
        return next() << 8 | next();
    }

    long u32() {
        return (long) u16() << 16 | u16();
    }

    /** Exactly {@code length} bytes (a short header or segment: at most 64 KiB). */
    byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) next();
        }
        return bytes;
    }

    /**
     * Hands the next {@code length} bytes to the sink in pieces, without holding them all: a chunk may claim
     * gigabytes, and the size limit stops it first.
     */
    void pass(long length, Sink sink) {
        long left = length;
        while (left > 0) {
            if (position == end && !fill()) {
                throw ContentInspector.unreadable();
            }
            int n = (int) Math.min(left, end - position);
            sink.accept(buffer, position, n);
            position += n;
            left -= n;
        }
    }

    /**
     * Hands the bytes up to the next 0xFF to the sink and consumes that 0xFF (the entropy-coded data of a JPEG scan,
     * in runs rather than byte by byte).
     *
     * @return false when the upload ends before a 0xFF
     */
    boolean passUntilFF(Sink sink) {
        while (true) {
            if (position == end && !fill()) {
                return false;
            }
            int start = position;
            while (position < end && buffer[position] != (byte) 0xFF) {
                position++;
            }
            if (position > start) {
                sink.accept(buffer, start, position - start);
            }
            if (position < end) {
                position++;
                return true;
            }
        }
    }

    /** Reads whatever is left, answering whether it is all zero bytes (padding) — or nothing. */
    boolean restIsPadding() {
        boolean zeros = true;
        for (int b = read(); b >= 0; b = read()) {
            zeros &= b == 0;
        }
        return zeros;
    }

    /** Hands whatever is left to the sink, in pieces. */
    void passRest(Sink sink) {
        while (position < end || fill()) {
            sink.accept(buffer, position, end - position);
            position = end;
        }
    }

    /** Reads and drops whatever is left (still within the size limit, still watched). */
    void drain() {
        passRest((bytes, offset, length) -> {});
    }

    /** Whether another format was seen inside: call at the end of the upload. */
    boolean holdsAnotherFormat(boolean pdfAllowed) {
        return archiveSignature
                || (lastZipEnd >= 0 && count - (lastZipEnd - 4) <= ZIP_END_REACH)
                || (!pdfAllowed && pdfHeader >= 0);
    }

    interface Sink {
        void accept(byte[] bytes, int offset, int length);
    }

    private boolean fill() {
        int n;
        try {
            n = in.readNBytes(buffer, 0, (int) Math.min(buffer.length, limit + 1 - count));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (n <= 0) {
            if (count > limit) {
                throw tooLarge();
            }
            return false;
        }
        for (int i = 0; i < n; i++) {
            watch(buffer[i] & 0xFF, count + i + 1);
        }
        count += n;
        if (count > limit) {
            throw tooLarge();
        }
        position = 0;
        end = n;
        return true;
    }

    private void watch(int b, long read) {
        window = window << 8 | b;
        if ((window & 0xFFFF_FFFFL) == ZIP_END) {
            lastZipEnd = read;
        }
        long six = window & 0xFFFF_FFFF_FFFFL;
        if (six == RAR || six == SEVEN_ZIP) {
            archiveSignature = true;
        }
        if (read >= 5 && read - 5 < PDF_REACH && (window & 0xFF_FFFF_FFFFL) == PDF && pdfHeader < 0) {
            pdfHeader = read - 5;
        }
    }

    private DomainException tooLarge() {
        return new DomainException(ErrorCode.PAYLOAD_TOO_LARGE, "document.tooLarge", limit / (1024 * 1024));
    }
}
