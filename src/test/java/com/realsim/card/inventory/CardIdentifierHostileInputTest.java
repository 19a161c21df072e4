package com.realsim.card.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.card.Iccid;
import com.realsim.card.Imei;
import com.realsim.card.Msisdn;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.ValidationException;
import com.realsim.testsupport.GeneratedInputs;
import com.realsim.testsupport.HostileText;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Hostile input for the card's identifiers (issue 17): ICCIDs, numbers (MSISDN), IMSIs and IMEIs typed with
 * full-width digits, spaces, control and invisible characters, other scripts' digits, cut short, doubled, very long
 * and random. Each rule accepts exactly what an independent oracle accepts (ASCII digits of the right length and,
 * for ICCIDs, the Luhn check computed another way), refuses everything else with its code, and masks without
 * failing. The counts are printed and kept in {@code target/reliability/card-identifiers.txt}.
 */
class CardIdentifierHostileInputTest {

    static final GeneratedInputs inputs = new GeneratedInputs("card-identifiers");
    static final Pattern ICCID = Pattern.compile("[0-9]{19,20}");
    static final Pattern MSISDN = Pattern.compile("1[0-9]{10}|1[0-9]{12}");
    static final Pattern IMSI = Pattern.compile("460[0-9]{12}");
    static final Pattern IMEI = Pattern.compile("[0-9]{15}");

    @AfterContainer
    static void report() {
        inputs.report();
    }

    @Property(tries = 100_000)
    void anIccidIsAcceptedExactlyWhenTheOracleAcceptsItOrRefusedWithItsCode(@ForAll("iccids") String raw) {
        inputs.count("ICCIDs (Iccid)");
        boolean expected = raw != null && ICCID.matcher(raw).matches() && oracleLuhn(raw);
        assertThat(Iccid.isValid(raw)).as(raw).isEqualTo(expected);
        String stripped = raw == null ? null : raw.strip();
        if (stripped != null && ICCID.matcher(stripped).matches() && oracleLuhn(stripped)) {
            assertThat(Iccid.of(raw).value()).isEqualTo(stripped);
        } else {
            assertThatThrownBy(() -> Iccid.of(raw))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.fieldProblems()).singleElement().satisfies(p -> {
                                assertThat(p.field()).isEqualTo("iccid");
                                assertThat(p.code()).isEqualTo(ErrorCode.INVALID_ICCID);
                            }));
        }
    }

    @Property(tries = 60_000)
    void aNumberIsAcceptedExactlyWhenTheOracleAcceptsItAndAlwaysMasks(@ForAll("numbers") String raw) {
        inputs.count("numbers (Msisdn)");
        boolean expected = raw != null && MSISDN.matcher(raw).matches();
        assertThat(Msisdn.isValid(raw)).as(raw).isEqualTo(expected);
        if (expected) {
            Msisdn number = new Msisdn(raw);
            assertThat(number.masked()).hasSameSizeAs(raw).contains("****").isNotEqualTo(raw);
            assertThat(number.segment()).isEqualTo(raw.substring(0, 3));
        } else {
            assertThatThrownBy(() -> new Msisdn(raw))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.fieldProblems())
                                    .singleElement()
                                    .satisfies(p -> assertThat(p.messageKey()).isEqualTo("card.msisdn.invalid")));
        }
        assertThat(Msisdn.mask(raw)).isNotNull();
    }

    @Property(tries = 50_000)
    void anImsiOrAnImeiIsAcceptedExactlyWhenTheOracleAcceptsIt(@ForAll("subscriberAndDevice") String raw) {
        inputs.count("IMSIs and IMEIs (Imsi, Imei)");
        assertThat(Imsi.isValid(raw))
                .as(raw)
                .isEqualTo(raw != null && IMSI.matcher(raw).matches());
        if (raw != null && IMEI.matcher(raw).matches()) {
            assertThat(new Imei(raw).value()).isEqualTo(raw);
        } else {
            assertThatThrownBy(() -> new Imei(raw))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.fieldProblems())
                                    .singleElement()
                                    .satisfies(p -> assertThat(p.messageKey()).isEqualTo("card.imei.invalid")));
        }
    }

    /** Luhn written another way: from the right, every second digit doubled and its digits added up. */
    static boolean oracleLuhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? digit : "0246813579".charAt(digit) - '0';
        }
        return sum % 10 == 0;
    }

    @Provide
    Arbitrary<String> iccids() {
        Arbitrary<String> valid = Arbitraries.strings()
                .numeric()
                .ofMinLength(18)
                .ofMaxLength(19)
                .map(body -> {
                    for (char check = '0'; check <= '9'; check++) {
                        if (oracleLuhn(body + check)) {
                            return body + check;
                        }
                    }
                    throw new IllegalStateException(body);
                });
        return Arbitraries.oneOf(HostileText.around(valid), HostileText.anything("0123456789"));
    }

    @Provide
    Arbitrary<String> numbers() {
        Arbitrary<String> valid = Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofLength(10).map(d -> "1" + d),
                Arbitraries.strings().numeric().ofLength(12).map(d -> "1" + d));
        return Arbitraries.oneOf(HostileText.around(valid), HostileText.anything("0123456789+"));
    }

    @Provide
    Arbitrary<String> subscriberAndDevice() {
        Arbitrary<String> valid = Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofLength(12).map(d -> "460" + d),
                Arbitraries.strings().numeric().ofLength(15));
        return Arbitraries.oneOf(HostileText.around(valid), HostileText.anything("0123456789"));
    }
}
