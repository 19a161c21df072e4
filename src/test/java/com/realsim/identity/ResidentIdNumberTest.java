package com.realsim.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResidentIdNumberTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void aValidNumberIsAcceptedWithItsBirthDateAndRegion() {
        ResidentIdNumber number = ResidentIdNumber.parse("110105199809181031", TODAY);
        assertThat(number.value()).isEqualTo("110105199809181031");
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1998, 9, 18));
        assertThat(number.regionCode()).isEqualTo("110105");
    }

    @Test
    void lowerCaseXMeansX() {
        assertThat(ResidentIdNumber.parse("33010619880520397x", TODAY).value()).isEqualTo("33010619880520397X");
        assertThat(ResidentIdNumber.parse("33010619880520397x", TODAY))
                .isEqualTo(ResidentIdNumber.parse("33010619880520397X", TODAY));
    }

    @Test
    void fullWidthDigitsAndLettersAreHalfWidth() {
        assertThat(ResidentIdNumber.parse("１２０１０１２００７０９２０９１９０", TODAY).value()).isEqualTo("120101200709209190");
        assertThat(ResidentIdNumber.parse("３３０１０６１９８８０５２０３９７ｘ", TODAY).value()).isEqualTo("33010619880520397X");
    }

    @Test
    void surroundingSpacesIncludingIdeographicOnesAreTrimmed() {
        assertThat(ResidentIdNumber.parse("  420106199810051639 ", TODAY).value())
                .isEqualTo("420106199810051639");
        assertThat(ResidentIdNumber.parse("\u3000420106199810051639\t", TODAY).value())
                .isEqualTo("420106199810051639");
    }

    @Test
    void spacesInsideAreBadCharacters() {
        assertRule("420106 199810051639", "identity.idNumber.length");
        assertRule("420106 19981005163", "identity.idNumber.characters");
    }

    @Test
    void eachRuleHasItsOwnMessageKey() {
        assertRule("", "identity.idNumber.required");
        assertRule(null, "identity.idNumber.required");
        assertRule("12010120070920919", "identity.idNumber.length");
        assertRule("1201012007092091901", "identity.idNumber.length");
        assertRule("6101131955A7220904", "identity.idNumber.characters");
        assertRule("61011319550722090Y", "identity.idNumber.characters");
        assertRule("610113195507220903", "identity.idNumber.checkCharacter");
        assertRule("350102199002301237", "identity.idNumber.birthDateImpossible");
        assertRule("110105198902291230", "identity.idNumber.birthDateImpossible");
        assertRule("510107199900001238", "identity.idNumber.birthDateImpossible");
        assertRule("11010118991231123X", "identity.idNumber.birthDateTooEarly");
        assertRule("11010120290131123X", "identity.idNumber.birthDateFuture");
        assertRule("000000199810051639", "identity.idNumber.region");
        assertRule("990106199810051639", "identity.idNumber.region");
        assertRule(withCheck("81000019900101123"), "identity.idNumber.region");
    }

    @Test
    void aLeapDayIsARealDateInALeapYear() {
        assertThat(ResidentIdNumber.isValid(withCheck("11010520000229123"), TODAY))
                .isTrue();
        assertThat(ResidentIdNumber.isValid(withCheck("11010519000229123"), TODAY))
                .isFalse();
    }

    @Test
    void todayComesFromTheCallerSoABirthDateBecomesValidOnItsDay() {
        String bornTomorrow = withCheck("11010120261124123");
        assertThat(ResidentIdNumber.isValid(bornTomorrow, TODAY)).isFalse();
        assertThat(ResidentIdNumber.isValid(bornTomorrow, TODAY.plusDays(1))).isTrue();
    }

    @Test
    void theProblemNamesTheCallersFieldAndTheErrorCarriesNoNumber() {
        assertThatThrownBy(() -> ResidentIdNumber.parse("610113195507220903", TODAY, "endUser.idNumber"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    FieldProblem problem = e.fieldProblems().get(0);
                    assertThat(problem.field()).isEqualTo("endUser.idNumber");
                    assertThat(problem.code()).isEqualTo(ErrorCode.INVALID_ID_NUMBER);
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ID_NUMBER);
                    assertThat(e.getMessage()).doesNotContain("610113");
                });
    }

    @Test
    void toStringShowsOnlyTheMaskedNumber() {
        ResidentIdNumber number = ResidentIdNumber.parse("110105199809181031", TODAY);
        assertThat(number.toString()).isEqualTo("110105********1031").doesNotContain("19980918");
        assertThat(number.masked()).isEqualTo("110105********1031");
        assertThat(String.valueOf(number.asDocument())).isEqualTo("RESIDENT_ID 110105********1031");
    }

    static String withCheck(String first17) {
        return first17 + CheckCharacters.gb11643(first17);
    }

    private static void assertRule(String raw, String messageKey) {
        assertThatThrownBy(() -> ResidentIdNumber.parse(raw, TODAY))
                .as(raw)
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(FieldProblems.of(e))
                                .containsExactly("idNumber " + ErrorCode.INVALID_ID_NUMBER + " " + messageKey));
    }
}
