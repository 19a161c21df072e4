package com.realsim.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.ValidationException;
import com.realsim.testsupport.GeneratedInputs;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Hostile uploads against the content checks, without a database: real JPEGs (baseline and progressive, with EXIF,
 * XMP and comments), PNGs (colour, grey, palette, with text and EXIF chunks) and PDFs, damaged in every way a file
 * gets damaged or forged — bytes flipped, cut short, bytes inserted, slices repeated, length fields set to zero or to
 * four gigabytes, archives and other images appended — and random bytes behind each format's magic. Every upload is
 * refused with a content code ({@code UNSUPPORTED_MEDIA_TYPE}, {@code PAYLOAD_TOO_LARGE}, or the empty-file field
 * error) or accepted as the same type; what is accepted is clean (no metadata left, nothing but the kept chunks and
 * segments) and checking it again changes nothing. Counts are printed and kept in
 * {@code target/reliability/document-content.txt}.
 */
class DocumentContentHostileInputTest {

    static final GeneratedInputs inputs = new GeneratedInputs("document-content");
    static final ContentInspector.Limits LIMITS = new ContentInspector.Limits(512 * 1024, 10_000, 40_000_000);
    static final Set<String> PNG_CHUNKS = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB");
    static final List<byte[]> SAMPLES = samples();

    @AfterContainer
    static void report() {
        inputs.report();
    }

    @Property(tries = 40_000)
    void aDamagedOrForgedFileIsRefusedWithAContentCodeOrAcceptedClean(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int damages) {
        inputs.count("damaged and forged JPEG, PNG and PDF files");
        Random random = new Random(seed);
        byte[] original = SAMPLES.get(random.nextInt(SAMPLES.size()));
        byte[] file = original;
        for (int i = 0; i < damages; i++) {
            file = damage(file, random);
        }
        assertRefusedOrClean(file);
    }

    @Property(tries = 20_000)
    void randomBytesBehindAnyMagicAreRefusedWithAContentCode(
            @ForAll long seed, @ForAll @IntRange(min = 0, max = 4) int magic) {
        inputs.count("random bytes behind a format's magic");
        Random random = new Random(seed);
        byte[][] magics = {
            {}, {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, PngFile.SIGNATURE, {'%', 'P', 'D', 'F', '-'}, {'P', 'K', 3, 4}
        };
        byte[] body = new byte[random.nextInt(2_000)];
        random.nextBytes(body);
        assertRefusedOrClean(SampleFiles.concat(magics[magic], body));
    }

    static void assertRefusedOrClean(byte[] file) {
        ContentInspector.Inspection[] accepted = new ContentInspector.Inspection[1];
        Throwable thrown =
                catchThrowable(() -> accepted[0] = ContentInspector.inspect(new ByteArrayInputStream(file), LIMITS));
        if (thrown != null) {
            if (thrown instanceof ValidationException empty) {
                assertThat(file).isEmpty();
                assertThat(empty.fieldProblems())
                        .singleElement()
                        .satisfies(p -> assertThat(p.messageKey()).isEqualTo("document.empty"));
                return;
            }
            assertThat(thrown).isInstanceOf(DomainException.class);
            assertThat(((DomainException) thrown).code())
                    .isIn(ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorCode.PAYLOAD_TOO_LARGE);
            inputs.outcome("refused (" + ((DomainException) thrown).messageKey() + ")");
            return;
        }
        inputs.outcome("accepted (" + accepted[0].type() + ")");
        byte[] stored = accepted[0].content();
        assertThat(ContentInspector.inspect(new ByteArrayInputStream(stored), LIMITS)
                        .content())
                .as("checking a stored file again changes nothing")
                .isEqualTo(stored);
        switch (accepted[0].type()) {
            case JPEG -> {
                List<String> markers = SampleFiles.segments(stored);
                assertThat(markers)
                        .doesNotContain("FE")
                        .filteredOn(m -> m.startsWith("E"))
                        .isSubsetOf("E0", "E1", "EE");
                if (markers.contains("E1")) {
                    assertThat(SampleFiles.segment(stored, 0xE1))
                            .as("EXIF holds the orientation and nothing else")
                            .hasSize(32);
                }
            }
            case PNG -> assertThat(chunks(stored)).isSubsetOf(PNG_CHUNKS);
            case PDF -> assertThat(stored).isEqualTo(file);
        }
    }

    /** One way a file is damaged or forged. */
    static byte[] damage(byte[] file, Random random) {
        if (file.length == 0) {
            return file;
        }
        int at = random.nextInt(file.length);
        return switch (random.nextInt(9)) {
            case 0 -> { // a byte flipped
                byte[] flipped = file.clone();
                flipped[at] ^= (byte) (1 << random.nextInt(8));
                yield flipped;
            }
            case 1 -> Arrays.copyOf(file, at); // cut short
            case 2 -> { // bytes inserted
                byte[] inserted = new byte[1 + random.nextInt(16)];
                random.nextBytes(inserted);
                yield SampleFiles.concat(
                        SampleFiles.concat(Arrays.copyOf(file, at), inserted),
                        Arrays.copyOfRange(file, at, file.length));
            }
            case 3 -> { // a slice repeated
                int length = Math.min(file.length - at, 1 + random.nextInt(64));
                byte[] slice = Arrays.copyOfRange(file, at, at + length);
                yield SampleFiles.concat(
                        SampleFiles.concat(Arrays.copyOf(file, at + length), slice),
                        Arrays.copyOfRange(file, at + length, file.length));
            }
            case 4 -> { // a length field of zero, 2 GB or 4 GB
                byte[] forged = file.clone();
                int value = new int[] {0, 0x7FFF_FFFF, 0xFFFF_FFFF, 0xFFFF}[random.nextInt(4)];
                for (int i = 0; i < 4 && at + i < forged.length; i++) {
                    forged[at + i] = (byte) (value >>> (24 - 8 * i));
                }
                yield forged;
            }
            case 5 -> SampleFiles.concat(file, SampleFiles.zip()); // an archive appended
            case 6 -> SampleFiles.concat(file, new byte[random.nextInt(300)]); // zero padding
            case 7 -> SampleFiles.concat(file, SampleFiles.jpeg(4, 4)); // another image appended
            default -> { // random bytes appended
                byte[] tail = new byte[1 + random.nextInt(100)];
                random.nextBytes(tail);
                yield SampleFiles.concat(file, tail);
            }
        };
    }

    /** The chunk types of a PNG, in order. */
    static List<String> chunks(byte[] png) {
        List<String> types = new ArrayList<>();
        int at = 8;
        while (at + 8 <= png.length) {
            long length = ((long) (png[at] & 0xFF) << 24)
                    | ((png[at + 1] & 0xFF) << 16)
                    | ((png[at + 2] & 0xFF) << 8)
                    | (png[at + 3] & 0xFF);
            types.add(new String(png, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
            at += (int) (12 + length);
        }
        return types;
    }

    static List<byte[]> samples() {
        List<byte[]> samples = new ArrayList<>();
        samples.add(SampleFiles.jpeg(40, 30));
        samples.add(SampleFiles.jpegWithExif(24, 16, 6, "GPS"));
        samples.add(progressiveJpeg(33, 21));
        samples.add(SampleFiles.png(17, 5));
        samples.add(png(BufferedImage.TYPE_BYTE_GRAY, 9, 9));
        samples.add(png(BufferedImage.TYPE_BYTE_INDEXED, 12, 7));
        samples.add(png(BufferedImage.TYPE_INT_ARGB, 6, 6));
        samples.add(SampleFiles.pngWith(SampleFiles.png(8, 8), "zTXt", "Comment\0\0x\u009c\u0003\0\0\0\0\u0001"));
        samples.add(SampleFiles.pdf("sample"));
        return samples;
    }

    static byte[] png(int type, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, type);
        image.setRGB(1, 1, 0x80FF8040);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] progressiveJpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(2, 2, 0x336699);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
