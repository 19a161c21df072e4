package com.realsim.card.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.realsim.platform.error.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Coverage-guided fuzzing of the inventory file reader (issue 17): any bytes are a file whose header is refused with
 * {@code card.import.header} on the field {@code file}, or whose lines each come out either good (five values and a
 * known plan) or rejected with a code and a message key, in increasing line order, each rejected line kept short.
 * {@code ./mvnw -Pfuzz test} fuzzes it for its {@code maxDuration}; the default build runs it over the committed
 * corpus ({@code src/test/resources/com/realsim/card/inventory/InventoryFileFuzzTestInputs/}) only.
 */
class InventoryFileFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void anyBytesAreReadLineByLineIntoGoodAndRejectedLines(byte[] data) throws IOException {
        InventoryFile file;
        try {
            file = InventoryFile.open(new ByteArrayInputStream(data), InventoryFileHostileInputTest.PLANS);
        } catch (ValidationException noHeader) {
            assertThat(noHeader.fieldProblems()).singleElement().satisfies(problem -> {
                assertThat(problem.field()).isEqualTo("file");
                assertThat(problem.messageKey()).isEqualTo("card.import.header");
            });
            return;
        }
        long previous = 0;
        for (InventoryFile.Row row = file.next(); row != null; row = file.next()) {
            assertThat(row.line()).isGreaterThan(previous);
            previous = row.line();
            if (row.verdict() == null) {
                assertThat(row.values()).hasSize(5).doesNotContainNull();
                assertThat(row.plan()).isNotNull();
            } else {
                assertThat(row.verdict().code()).isIn(InventoryFileHostileInputTest.CODES);
                assertThat(row.verdict().messageKey()).isNotBlank();
                assertThat(row.raw()).isNotNull();
                assertThat(row.raw().length()).isLessThanOrEqualTo(InventoryFile.MAX_RAW_CHARS + 1);
            }
        }
    }
}
