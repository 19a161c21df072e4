package com.realsim.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ICCIDs: the shared, independently generated test vectors, and Luhn's properties over random digits. */
class IccidTest {

    /** A copy of the project's shared vectors ({@code shared/data/test-vectors/iccid.csv}), kept in the test resources. */
    static final String VECTORS = "/test-vectors/iccid.csv";

    static Stream<Arguments> sharedVectors() throws IOException {
        List<String> lines;
        try (InputStream in = IccidTest.class.getResourceAsStream(VECTORS)) {
            assertThat(in).as("test resource %s", VECTORS).isNotNull();
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        }
        return lines.stream()
                .skip(1)
                .filter(l -> !l.isBlank())
                .map(l -> l.split(",", -1))
                .map(f -> Arguments.of(f[0], f[1].equals("valid"), f.length > 2 ? f[2] : ""));
    }

    @Test
    void theSharedVectorsArePresentAndCoverBothOutcomes() throws IOException {
        List<Arguments> vectors = sharedVectors().toList();
        assertThat(vectors).hasSizeGreaterThan(100);
        assertThat(vectors).anyMatch(a -> (boolean) a.get()[1]).anyMatch(a -> !(boolean) a.get()[1]);
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("sharedVectors")
    void agreesWithTheSharedVectors(String iccid, boolean valid, String note) {
        assertThat(Iccid.isValid(iccid)).as(note).isEqualTo(valid);
        if (!valid) {
            assertThatThrownBy(() -> new Iccid(iccid)).isInstanceOfSatisfying(ValidationException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ICCID);
                assertThat(e.fieldProblems())
                        .singleElement()
                        .extracting("field")
                        .isEqualTo("iccid");
            });
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.strings().numeric().ofMinLength(18).ofMaxLength(19);
    }

    /** Luhn check digit computed the textbook way (double every second digit from the right of the body). */
    static int checkDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }

    @Property
    void aBodyWithItsCheckDigitIsValid(@ForAll("bodies") String body) {
        assertThat(Iccid.isValid(body + checkDigit(body))).isTrue();
    }

    @Property
    void anyOtherCheckDigitIsInvalid(@ForAll("bodies") String body, @ForAll("digits") int wrong) {
        int right = checkDigit(body);
        int digit = (right + 1 + wrong % 9) % 10;
        assertThat(Iccid.isValid(body + digit)).isFalse();
    }

    @Provide
    Arbitrary<Integer> digits() {
        return Arbitraries.integers().between(0, 8);
    }

    @Property
    void changingOneDigitIsCaught(@ForAll("bodies") String body, @ForAll("positions") int position) {
        String iccid = body + checkDigit(body);
        int at = position % iccid.length();
        char changed = (char) ('0' + ((iccid.charAt(at) - '0' + 1 + position % 9) % 10));
        String typo = iccid.substring(0, at) + changed + iccid.substring(at + 1);
        assertThat(Iccid.isValid(typo)).isFalse();
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 1000);
    }
}
