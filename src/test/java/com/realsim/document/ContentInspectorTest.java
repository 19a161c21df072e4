package com.realsim.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ContentInspectorTest {

    @Test
    void jpegPngAndPdfAreRecognisedByTheirFirstBytes() {
        assertThat(ContentInspector.inspect(SampleFiles.jpeg(40, 30)))
                .isEqualTo(new ContentInspector.Inspection(DocumentContentType.JPEG, 40, 30));
        assertThat(ContentInspector.inspect(SampleFiles.png(17, 5)))
                .isEqualTo(new ContentInspector.Inspection(DocumentContentType.PNG, 17, 5));
        assertThat(ContentInspector.inspect(SampleFiles.pdf("letter")).type()).isEqualTo(DocumentContentType.PDF);
    }

    @Test
    void dimensionsComeFromTheHeaderWithoutDecoding() {
        assertThat(ContentInspector.inspect(SampleFiles.pngClaiming(100_000, 100_000)))
                .isEqualTo(new ContentInspector.Inspection(DocumentContentType.PNG, 100_000, 100_000));
        assertThat(ContentInspector.inspect(SampleFiles.pngClaiming(0xFFFF_FFFFL, 1))
                        .width())
                .isEqualTo(0xFFFF_FFFFL);
        assertThat(ContentInspector.inspect(SampleFiles.jpegClaiming(65_000, 12)))
                .isEqualTo(new ContentInspector.Inspection(DocumentContentType.JPEG, 65_000, 12));
    }

    @Test
    void anythingElseIsAnUnsupportedMediaType() {
        for (byte[] content : new byte[][] {
            SampleFiles.exe(),
            "GIF89a....".getBytes(),
            "<html><script>".getBytes(),
            " %PDF-1.4".getBytes(),
            {(byte) 0xFF, (byte) 0xD8},
            {}
        }) {
            assertThatThrownBy(() -> ContentInspector.inspect(content))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
                        assertThat(e.messageKey()).isEqualTo("document.type.unsupported");
                    });
        }
    }

    @Test
    void imagesWhoseHeaderCannotBeReadAreRefused() {
        byte[] truncatedPng = Arrays.copyOf(SampleFiles.png(2, 2), 20);
        byte[] jpegWithoutFrame = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
        byte[] zeroHeight = SampleFiles.jpegClaiming(10, 0);
        for (byte[] content : new byte[][] {truncatedPng, jpegWithoutFrame, zeroHeight}) {
            assertThatThrownBy(() -> ContentInspector.inspect(content))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
                        assertThat(e.messageKey()).isEqualTo("document.image.unreadable");
                    });
        }
    }
}
