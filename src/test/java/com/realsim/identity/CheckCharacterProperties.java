package com.realsim.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Property-based checks of the check-character rules: every number built by the published algorithms is accepted,
 * and every single-character change of one is refused (MOD 11-2 and MOD 31 with weights prime to the modulus catch
 * every single substitution).
 */
class CheckCharacterProperties {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final String DIGITS = "0123456789";
    static final String RESIDENT_LAST = "0123456789X";

    @Property(tries = 2000)
    void everyResidentIdNumberBuiltByTheAlgorithmIsAccepted(@ForAll("residentIdNumbers") String number) {
        assertThat(ResidentIdNumber.isValid(number, TODAY)).as(number).isTrue();
        assertThat(ResidentIdNumber.isValid(number.toLowerCase(), TODAY)).isTrue();
        assertThat(ResidentIdNumber.isValid(" " + toFullWidth(number) + " ", TODAY))
                .isTrue();
    }

    @Property(tries = 3000)
    void everySingleCharacterChangeOfAResidentIdNumberIsRefused(
            @ForAll("residentIdNumbers") String number,
            @ForAll @IntRange(min = 0, max = 17) int position,
            @ForAll @IntRange(min = 1, max = 10) int shift) {
        String alphabet = position == 17 ? RESIDENT_LAST : DIGITS;
        String changed = replace(number, position, alphabet, shift);
        assertThat(changed).isNotEqualTo(number);
        boolean stillValid = ResidentIdNumber.isValid(changed, TODAY);
        // Valid again only if the changed body happened to recompute to the same check character: never for MOD 11-2.
        assertThat(stillValid)
                .as("%s changed at %d to %s", number, position, changed)
                .isEqualTo(CheckCharacters.gb11643(changed) == changed.charAt(17)
                        && IdNumberRules.birthDate(changed) != null
                        && !IdNumberRules.birthDate(changed).isAfter(TODAY)
                        && !IdNumberRules.birthDate(changed).isBefore(IdNumberRules.EARLIEST_BIRTH_DATE)
                        && IdNumberRules.PROVINCES.contains(changed.substring(0, 2)))
                .isFalse();
    }

    @Property(tries = 2000)
    void everyResidencePermitNumberBuiltByTheAlgorithmIsAcceptedUnderItsType(
            @ForAll("birthDates") LocalDate birthDate, @ForAll @IntRange(min = 0, max = 999) int sequence) {
        String body = String.format("%s%03d", birthDate.toString().replace("-", ""), sequence);
        for (String[] permit : new String[][] {
            {"810000", "HK_MACAU_PERMIT"}, {"820000", "HK_MACAU_PERMIT"}, {"830000", "TAIWAN_PERMIT"}
        }) {
            String number = permit[0] + body + CheckCharacters.gb11643(permit[0] + body);
            assertThat(IdDocument.problem(IdType.valueOf(permit[1]), number, TODAY))
                    .as(number)
                    .isEmpty();
            assertThat(IdDocument.problem(IdType.RESIDENT_ID, number, TODAY)).contains("identity.idNumber.region");
        }
    }

    @Property(tries = 2000)
    void everyUsccBuiltByTheAlgorithmIsAccepted(@ForAll("usccs") String code) {
        assertThat(Uscc.isValid(code)).as(code).isTrue();
        assertThat(Uscc.isValid(code.toLowerCase())).isTrue();
        assertThat(Uscc.isValid(toFullWidth(code))).isTrue();
    }

    @Property(tries = 3000)
    void everySingleCharacterChangeOfAUsccIsRefused(
            @ForAll("usccs") String code,
            @ForAll @IntRange(min = 0, max = 17) int position,
            @ForAll @IntRange(min = 1, max = 30) int shift) {
        String changed = replace(code, position, CheckCharacters.GB32100_ALPHABET, shift);
        assertThat(Uscc.isValid(changed))
                .as("%s changed at %d to %s", code, position, changed)
                .isEqualTo(CheckCharacters.gb32100(changed) == changed.charAt(17))
                .isFalse();
    }

    @Property(tries = 1000)
    void aUsccWithALetterOutsideTheAlphabetIsRefused(
            @ForAll("usccs") String code,
            @ForAll @IntRange(min = 0, max = 17) int position,
            @ForAll("forbiddenLetters") char letter) {
        assertThat(Uscc.isValid(code.substring(0, position) + letter + code.substring(position + 1)))
                .isFalse();
    }

    @Provide
    Arbitrary<LocalDate> birthDates() {
        return Arbitraries.longs()
                .between(IdNumberRules.EARLIEST_BIRTH_DATE.toEpochDay(), TODAY.toEpochDay())
                .map(LocalDate::ofEpochDay)
                .edgeCases(edges -> edges.includeOnly(IdNumberRules.EARLIEST_BIRTH_DATE, TODAY));
    }

    @Provide
    Arbitrary<String> residentIdNumbers() {
        Arbitrary<String> province = Arbitraries.of(IdNumberRules.PROVINCES);
        Arbitrary<String> district = Arbitraries.strings().numeric().ofLength(4);
        Arbitrary<String> sequence = Arbitraries.strings().numeric().ofLength(3);
        return Combinators.combine(province, district, birthDates(), sequence).as((p, d, b, s) -> {
            String body = p + d + b.toString().replace("-", "") + s;
            return body + CheckCharacters.gb11643(body);
        });
    }

    @Provide
    Arbitrary<String> usccs() {
        return Arbitraries.strings()
                .withChars(CheckCharacters.GB32100_ALPHABET.toCharArray())
                .ofLength(17)
                .map(body -> body + CheckCharacters.gb32100(body));
    }

    @Provide
    Arbitrary<Character> forbiddenLetters() {
        return Arbitraries.of('I', 'O', 'S', 'V', 'Z', '-', ' ', '.');
    }

    static String replace(String text, int position, String alphabet, int shift) {
        int index = alphabet.indexOf(text.charAt(position));
        char other = alphabet.charAt((index + 1 + (shift - 1) % (alphabet.length() - 1)) % alphabet.length());
        return text.substring(0, position) + other + text.substring(position + 1);
    }

    static String toFullWidth(String text) {
        StringBuilder wide = new StringBuilder();
        text.chars().forEach(c -> wide.appendCodePoint(c + 0xFEE0));
        return wide.toString();
    }
}
