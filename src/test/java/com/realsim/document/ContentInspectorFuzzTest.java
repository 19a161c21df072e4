package com.realsim.document;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the upload content checks (issue 17): any bytes are refused with a content code
 * ({@code UNSUPPORTED_MEDIA_TYPE}, {@code PAYLOAD_TOO_LARGE}, or the empty-file field error) or accepted clean — no
 * metadata left, nothing but the kept chunks and segments — and checking the stored file again changes nothing
 * ({@link DocumentContentHostileInputTest#assertRefusedOrClean}). {@code ./mvnw -Pfuzz test} fuzzes it for its
 * {@code maxDuration}; the default build runs it over the committed corpus
 * ({@code src/test/resources/com/realsim/document/ContentInspectorFuzzTestInputs/}) only.
 */
class ContentInspectorFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void anyBytesAreRefusedWithAContentCodeOrAcceptedClean(byte[] upload) {
        DocumentContentHostileInputTest.assertRefusedOrClean(upload);
    }
}
