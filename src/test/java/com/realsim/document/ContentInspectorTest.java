package com.realsim.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.ValidationException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ContentInspectorTest {

    static final ContentInspector.Limits LIMITS = new ContentInspector.Limits(10 * 1024 * 1024, 10_000, 40_000_000);

    static ContentInspector.Inspection inspect(byte[] content) {
        return ContentInspector.inspect(new ByteArrayInputStream(content), LIMITS);
    }

    static void assertRefused(byte[] content, ErrorCode code, String key) {
        assertThatThrownBy(() -> inspect(content)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.messageKey()).isEqualTo(key);
        });
    }

    @Test
    void jpegPngAndPdfAreRecognisedByTheirFirstBytes() {
        assertThat(inspect(SampleFiles.jpeg(40, 30)))
                .extracting(ContentInspector.Inspection::type, ContentInspector.Inspection::width, i -> i.height())
                .containsExactly(DocumentContentType.JPEG, 40L, 30L);
        assertThat(inspect(SampleFiles.png(17, 5)))
                .extracting(ContentInspector.Inspection::type, ContentInspector.Inspection::width, i -> i.height())
                .containsExactly(DocumentContentType.PNG, 17L, 5L);
        assertThat(inspect(SampleFiles.pdf("letter")).type()).isEqualTo(DocumentContentType.PDF);
    }

    @Test
    void plainImagesAndPdfsAreStoredAsTheyCame() {
        for (byte[] content : new byte[][] {SampleFiles.jpeg(40, 30), SampleFiles.png(17, 5), SampleFiles.pdf("x")}) {
            assertThat(inspect(content).content()).isEqualTo(content);
        }
    }

    @Test
    void aHeaderAnnouncingMorePixelsThanAllowedIsRefusedBeforeAnythingElseIsRead() {
        assertThatThrownBy(() -> inspect(SampleFiles.pngClaiming(100_000, 100_000)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("document.image.tooLarge");
                    assertThat(e.messageArguments()).containsExactly("100000", "100000", "10000", "40");
                });
        assertThatThrownBy(() -> inspect(SampleFiles.pngClaiming(0xFFFF_FFFFL, 1)))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageArguments()[0]).isEqualTo("4294967295"));
        assertRefused(
                SampleFiles.jpegClaiming(65_000, 12), ErrorCode.UNSUPPORTED_MEDIA_TYPE, "document.image.tooLarge");
        // the header is all that is read to know: a generous limit lets the same files through, size as announced
        var generous = new ContentInspector.Limits(10 * 1024 * 1024, 100_000, Long.MAX_VALUE);
        assertThat(ContentInspector.inspect(new ByteArrayInputStream(SampleFiles.jpegClaiming(65_000, 12)), generous)
                        .width())
                .isEqualTo(65_000);
    }

    @Test
    void anythingElseIsAnUnsupportedMediaType() {
        for (byte[] content : new byte[][] {
            SampleFiles.exe(),
            "GIF89a....".getBytes(),
            "<html><script>".getBytes(),
            " %PDF-1.4".getBytes(),
            {(byte) 0xFF, (byte) 0xD8},
            {(byte) 0x89, 'P', 'N', 'G'},
            SampleFiles.zip()
        }) {
            assertRefused(content, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "document.type.unsupported");
        }
        assertThatThrownBy(() -> inspect(new byte[0]))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.fieldProblems())
                                .singleElement()
                                .satisfies(p -> assertThat(p.messageKey()).isEqualTo("document.empty")));
    }

    @Test
    void imagesThatCannotBeReadToTheirEndAreRefused() {
        byte[] png = SampleFiles.png(2, 2);
        byte[] jpeg = SampleFiles.jpeg(8, 8);
        byte[] badCrc = png.clone();
        badCrc[png.length - 20] ^= 1; // inside the IDAT chunk
        for (byte[] content : new byte[][] {
            Arrays.copyOf(png, 20), // truncated header
            Arrays.copyOf(png, png.length - 12), // without IEND
            badCrc,
            {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}, // no frame, no scan
            SampleFiles.jpegClaiming(10, 0),
            Arrays.copyOf(jpeg, jpeg.length - 2), // without EOI
            Arrays.copyOf(jpeg, jpeg.length / 2) // cut in the middle of its data
        }) {
            assertRefused(content, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "document.image.unreadable");
        }
    }

    @Test
    void theUploadIsReadNoFurtherThanOneByteBeyondTheLimit() {
        var limits = new ContentInspector.Limits(1_000, 10_000, 40_000_000);
        CountingStream endless = new CountingStream();
        assertThatThrownBy(() -> ContentInspector.inspect(endless, limits))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
                    assertThat(e.messageKey()).isEqualTo("document.tooLarge");
                });
        assertThat(endless.read).isEqualTo(1_001);
    }

    @Test
    void exifWithItsGpsPositionAndOtherMetadataAreDroppedAndTheOrientationKept() throws IOException {
        byte[] photo = SampleFiles.jpegWithExif(64, 48, 6, "GPS-MARKER-4711");
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("GPS-MARKER-4711");
        assertThat(JpegFile.exifOrientation(SampleFiles.exifPayload(6, "x", false)))
                .isEqualTo(6);
        assertThat(JpegFile.exifOrientation(SampleFiles.exifPayload(3, "x", true)))
                .isEqualTo(3);

        byte[] stored = inspect(photo).content();

        String text = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(text)
                .doesNotContain("GPS-MARKER-4711")
                .doesNotContain("a comment")
                .doesNotContain("http://ns.adobe");
        assertThat(SampleFiles.segments(stored))
                .containsExactly("E0", "E1", "DB", "DB", "C0", "C4", "C4", "C4", "C4", "DA", "D9");
        assertThat(JpegFile.exifOrientation(SampleFiles.segment(stored, 0xE1))).isEqualTo(6);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(decoded.getWidth()).isEqualTo(64);
        assertThat(decoded.getHeight()).isEqualTo(48);
        assertThat(inspect(stored).content())
                .as("cleaning a clean image changes nothing")
                .isEqualTo(stored);
    }

    @Test
    void aPngKeepsItsPixelsAndLosesItsTextExifAndTime() throws IOException {
        byte[] png = SampleFiles.pngWith(SampleFiles.png(30, 20), "tEXt", "Comment\0GPS-MARKER-4711");
        png = SampleFiles.pngWith(png, "eXIf", "MM\0*GPS-MARKER-4712");
        png = SampleFiles.pngWith(png, "tIME", "\u0007\u00ea\u0001\u0001\0\0\0");
        png = SampleFiles.pngWith(png, "gAMA", "\0\0\u00b1\u008f");

        byte[] stored = inspect(png).content();

        assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                .doesNotContain("GPS-MARKER")
                .doesNotContain("tEXt")
                .doesNotContain("eXIf")
                .doesNotContain("tIME")
                .contains("gAMA");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(decoded.getWidth()).isEqualTo(30);
        assertThat(decoded.getRGB(3, 0))
                .isEqualTo(ImageIO.read(new ByteArrayInputStream(png)).getRGB(3, 0));
    }

    @Test
    void somethingAppendedAfterTheEndOfAnImageIsRefusedAndPaddingDropped() {
        byte[] png = SampleFiles.png(4, 4);
        byte[] jpeg = SampleFiles.jpeg(8, 8);
        assertRefused(
                SampleFiles.concat(png, "hello".getBytes()), ErrorCode.UNSUPPORTED_MEDIA_TYPE, "document.trailingData");
        assertRefused(
                SampleFiles.concat(jpeg, "<script>".getBytes()),
                ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "document.trailingData");
        assertThat(inspect(Arrays.copyOf(png, png.length + 100)).content()).isEqualTo(png);
        assertThat(inspect(Arrays.copyOf(jpeg, jpeg.length + 100)).content()).isEqualTo(jpeg);
        // phones append further JPEG images (previews, HDR gain maps: MPF) after the first: dropped with it
        assertThat(inspect(SampleFiles.concat(jpeg, SampleFiles.jpeg(4, 4))).content())
                .isEqualTo(jpeg);
    }

    @Test
    void polyglotsAreRefused() {
        byte[] zip = SampleFiles.zip();
        assertRefused(
                SampleFiles.concat(SampleFiles.png(4, 4), zip), ErrorCode.UNSUPPORTED_MEDIA_TYPE, "document.polyglot");
        assertRefused(
                SampleFiles.concat(SampleFiles.jpeg(8, 8), zip), ErrorCode.UNSUPPORTED_MEDIA_TYPE, "document.polyglot");
        assertRefused(
                SampleFiles.concat(SampleFiles.pdf("x"), zip), ErrorCode.UNSUPPORTED_MEDIA_TYPE, "document.polyglot");
        assertRefused(
                SampleFiles.jpegWithComment(SampleFiles.jpeg(8, 8), zip),
                ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "document.polyglot");
        assertRefused(
                SampleFiles.jpegWithComment(SampleFiles.jpeg(8, 8), SampleFiles.pdf("inside")),
                ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "document.polyglot");
        assertRefused(
                SampleFiles.pngWith(SampleFiles.png(4, 4), "tEXt", "x\0Rar!\u001a\u0007\u0000"),
                ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "document.polyglot");
    }

    @Test
    void aPdfHeaderThatDroppingMetadataWouldMoveIntoTheFirstKibIsAPolyglot() {
        // Found by the fuzz run (ContentInspectorFuzzTestInputs/.../crash-3c97d6e0…): "%PDF-" 1,041 bytes into a
        // JPEG was beyond the first KiB, where PDF readers look for it; dropping a segment before it moved it within,
        // so the stored image was a PDF too (and checking it again refused it).
        byte[] jpeg = SampleFiles.jpeg(8, 8);
        int sos = 2;
        while ((jpeg[sos + 1] & 0xFF) != 0xDA) {
            sos += 2 + (((jpeg[sos + 2] & 0xFF) << 8) | (jpeg[sos + 3] & 0xFF));
        }
        int scan = sos + 2 + (((jpeg[sos + 2] & 0xFF) << 8) | (jpeg[sos + 3] & 0xFF));
        byte[] withPdf = SampleFiles.concat(
                SampleFiles.concat(Arrays.copyOf(jpeg, scan), "%PDF-1.4\n".getBytes(StandardCharsets.ISO_8859_1)),
                Arrays.copyOfRange(jpeg, scan, jpeg.length));
        assertThat(scan).isLessThan(1_000);
        byte[] upload = SampleFiles.jpegWithComment(withPdf, new byte[1_100]);

        assertRefused(upload, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "document.polyglot");
    }

    @Test
    void aPdfMustEndWithItsEndMarker() {
        byte[] pdf = SampleFiles.pdf("x");
        assertThat(inspect(Arrays.copyOf(pdf, pdf.length + 500)).content()).hasSize(pdf.length + 500);
        assertRefused(Arrays.copyOf(pdf, pdf.length - 4), ErrorCode.UNSUPPORTED_MEDIA_TYPE, "document.pdf.end");
        assertRefused(
                SampleFiles.concat(pdf, "<html>".getBytes()), ErrorCode.UNSUPPORTED_MEDIA_TYPE, "document.pdf.end");
    }

    /** An endless upload that counts what is read of it. */
    static final class CountingStream extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return read <= 5 ? "%PDF-".charAt((int) read - 1) : 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                b[off + i] = (byte) read();
            }
            return len;
        }
    }
}
