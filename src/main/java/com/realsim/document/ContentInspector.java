package com.realsim.document;

import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;

/**
 * The content checks of an upload, in one pass over its bytes that never reads more than the size limit (plus one
 * byte): the type by the first bytes (JPEG, PNG, PDF — never by name or declared type); an image walked to its end
 * ({@link JpegFile}, {@link PngFile}), its width and height checked from the header before any image data is read
 * (pixel floods), nothing decompressed (decompression bombs), its metadata dropped, nothing appended after its end; a
 * PDF ending with {@code %%EOF}; and no other format hidden inside (polyglots: a ZIP, RAR or 7-Zip archive, or a PDF
 * inside an image, {@link UploadStream}). The answer holds the bytes to store: the image without its metadata, the
 * PDF as uploaded.
 */
final class ContentInspector {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PDF_END = {'%', '%', 'E', 'O', 'F'};

    /** What is checked: what is stored, of which type, and for images their size in pixels. */
    record Inspection(DocumentContentType type, long width, long height, byte[] content) {}

    /** The size limit in bytes and the limits of an image's sides and pixels. */
    record Limits(long maxBytes, int maxSide, long maxPixels) {

        /** Refuses an image whose header announces more pixels than allowed, or none. */
        void check(long width, long height) {
            if (width <= 0 || height <= 0) {
                throw unreadable();
            }
            if (width > maxSide || height > maxSide || width * height > maxPixels) {
                throw new DomainException(
                        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        "document.image.tooLarge",
                        String.valueOf(width),
                        String.valueOf(height),
                        String.valueOf(maxSide),
                        String.valueOf(maxPixels / 1_000_000));
            }
        }
    }

    private ContentInspector() {}

    /**
     * @throws ValidationException {@code VALIDATION_FAILED} on {@code file} for an empty upload
     * @throws DomainException {@code PAYLOAD_TOO_LARGE} above the size limit; {@code UNSUPPORTED_MEDIA_TYPE} for
     *     content that is none of the accepted types, an image that cannot be read to its end or is too large, data
     *     appended after the end, or another format inside
     */
    static Inspection inspect(InputStream upload, Limits limits) {
        UploadStream in = new UploadStream(upload, limits.maxBytes());
        int expected = (int) Math.min(limits.maxBytes(), in.expectedSize());
        int first = in.read();
        if (first < 0) {
            throw new ValidationException(new FieldProblem("file", ErrorCode.VALIDATION_FAILED, "document.empty"));
        }
        Inspection inspection;
        if (first == (PngFile.SIGNATURE[0] & 0xFF)) {
            expect(in, PngFile.SIGNATURE);
            inspection = PngFile.clean(in, limits, expected);
        } else if (first == (JPEG[0] & 0xFF)) {
            expect(in, JPEG);
            inspection = JpegFile.clean(in, limits, expected);
        } else if (first == PDF[0]) {
            expect(in, PDF);
            inspection = pdf(in, expected);
        } else {
            throw unsupported();
        }
        if (in.holdsAnotherFormat(inspection.type() == DocumentContentType.PDF)
                || storedHoldsAnotherFormat(inspection)) {
            throw polyglot();
        }
        if (inspection.type() == DocumentContentType.PDF) {
            checkPdfEnd(inspection.content());
        }
        return inspection;
    }

    /** The rest of a PDF, as it is. */
    private static Inspection pdf(UploadStream in, int expected) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(32, expected));
        out.writeBytes(PDF);
        in.passRest(out::write);
        return new Inspection(DocumentContentType.PDF, 0, 0, out.toByteArray());
    }

    /** A PDF ends with {@code %%EOF}, then at most white space or zero bytes. */
    private static void checkPdfEnd(byte[] content) {
        int end = content.length;
        while (end > 0 && (content[end - 1] == 0 || Character.isWhitespace(content[end - 1]))) {
            end--;
        }
        for (int i = 0; i < PDF_END.length; i++) {
            int at = end - PDF_END.length + i;
            if (at < PDF.length || content[at] != PDF_END[i]) {
                throw new DomainException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "document.pdf.end");
            }
        }
    }

    /**
     * Whether the image as it will be stored holds another format: dropping metadata moves what follows it, so a PDF
     * header just beyond the upload's first KiB (where PDF readers look) can land within the stored image's first KiB
     * (found by the fuzz run). A PDF is stored as uploaded and was watched already.
     */
    private static boolean storedHoldsAnotherFormat(Inspection inspection) {
        if (inspection.type() == DocumentContentType.PDF) {
            return false;
        }
        UploadStream stored = new UploadStream(new ByteArrayInputStream(inspection.content()), Integer.MAX_VALUE);
        stored.drain();
        return stored.holdsAnotherFormat(false);
    }

    /** The magic bytes after the first one, already read. */
    private static void expect(UploadStream in, byte[] magic) {
        for (int i = 1; i < magic.length; i++) {
            if (in.read() != (magic[i] & 0xFF)) {
                throw unsupported();
            }
        }
    }

    static DomainException unsupported() {
        return new DomainException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "document.type.unsupported");
    }

    static DomainException unreadable() {
        return new DomainException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "document.image.unreadable");
    }

    /**
     * Something after the end of an image: read to the end, it is another file inside (an archive: a polyglot) or
     * data that has no place there.
     */
    static DomainException appended(UploadStream in) {
        in.drain();
        return in.holdsAnotherFormat(false)
                ? polyglot()
                : new DomainException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "document.trailingData");
    }

    private static DomainException polyglot() {
        return new DomainException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "document.polyglot");
    }
}
