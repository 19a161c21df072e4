package com.realsim.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The shared, independently generated test vectors (copied from {@code shared/data/test-vectors}): every row gives
 * the expected answer. "Today" is fixed at 2026-11-23, the date the vectors' README counts from.
 */
class TestVectorsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @ParameterizedTest(name = "[{index}] {0} is {1} {2}")
    @CsvFileSource(
            resources = "/test-vectors/resident-id-numbers.csv",
            numLinesToSkip = 1,
            ignoreLeadingAndTrailingWhitespace = false,
            encoding = "UTF-8")
    void residentIdNumbers(String number, String expected, String note) {
        assertThat(ResidentIdNumber.isValid(number, TODAY)).as(note).isEqualTo(expected.equals("valid"));
        assertThat(IdDocument.problem(IdType.RESIDENT_ID, number, TODAY).isEmpty())
                .isEqualTo(expected.equals("valid"));
    }

    @ParameterizedTest(name = "[{index}] {0} is {1} {2}")
    @CsvFileSource(
            resources = "/test-vectors/uscc.csv",
            numLinesToSkip = 1,
            ignoreLeadingAndTrailingWhitespace = false,
            encoding = "UTF-8")
    void unifiedSocialCreditCodes(String code, String expected, String note) {
        assertThat(Uscc.isValid(code)).as(note).isEqualTo(expected.equals("valid"));
    }
}
