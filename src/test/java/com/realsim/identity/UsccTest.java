package com.realsim.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.ValidationException;
import org.junit.jupiter.api.Test;

class UsccTest {

    @Test
    void theWidelyPublishedExampleIsValid() {
        assertThat(Uscc.parse("91350100M000100Y43").value()).isEqualTo("91350100M000100Y43");
    }

    @Test
    void aWeightedSumDivisibleBy31HasCheckCharacterZero() {
        for (String code : new String[] {"91510107M1WCF0WTG0", "53440305J81J37T620", "526101130XQXUU12J0"}) {
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += CheckCharacters.GB32100_ALPHABET.indexOf(code.charAt(i)) * CheckCharacters.GB32100_WEIGHTS[i];
            }
            assertThat(sum % 31).as(code).isZero();
            assertThat(CheckCharacters.gb32100(code)).isEqualTo('0');
            assertThat(Uscc.isValid(code)).as(code).isTrue();
        }
    }

    @Test
    void lowerCaseFullWidthAndSurroundingSpacesAreNormalised() {
        assertThat(Uscc.parse("91350100m000100y43").value()).isEqualTo("91350100M000100Y43");
        assertThat(Uscc.parse("９１３５０１００Ｍ０００１００Ｙ４３").value()).isEqualTo("91350100M000100Y43");
        assertThat(Uscc.parse(" 91350100M000100Y43\u3000").value()).isEqualTo("91350100M000100Y43");
    }

    @Test
    void aWrongCheckCharacterIsAFieldErrorNotACrash() {
        assertThatThrownBy(() -> Uscc.parse("91350100M000100Y44", "certificateNumber"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_USCC);
                    assertThat(FieldProblems.of(e))
                            .containsExactly("certificateNumber INVALID_USCC identity.uscc.checkCharacter");
                });
    }

    @Test
    void eachRuleHasItsOwnMessageKey() {
        assertRule("", "identity.uscc.required");
        assertRule(null, "identity.uscc.required");
        assertRule("91350100M000100Y4", "identity.uscc.length");
        assertRule("91350100M000100Y433", "identity.uscc.length");
        for (char letter : "IOSVZ".toCharArray()) {
            assertRule("91350100M000100" + letter + "43", "identity.uscc.characters");
        }
        assertRule("91350100M000-100Y4", "identity.uscc.characters");
        assertRule("91350100M000100Y40", "identity.uscc.checkCharacter");
    }

    private static void assertRule(String raw, String key) {
        assertThatThrownBy(() -> Uscc.parse(raw, "uscc"))
                .as(raw)
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(FieldProblems.of(e))
                                .containsExactly("uscc " + ErrorCode.INVALID_USCC + " " + key));
    }
}
