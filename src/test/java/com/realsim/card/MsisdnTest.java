package com.realsim.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MsisdnTest {

    @ParameterizedTest
    @CsvSource({
        "13812345678, true",
        "14912345678, true",
        "1440123456789, true",
        "1064912345678, true",
        "23812345678, false",
        "1381234567, false",
        "138123456789, false",
        "1381234567a, false",
        "+8613812345678, false"
    })
    void acceptsElevenDigitMobileAndThirteenDigitIotNumbers(String number, boolean valid) {
        assertThat(Msisdn.isValid(number)).isEqualTo(valid);
    }

    @Test
    void knowsItsSegmentAndMasksTheMiddle() {
        assertThat(new Msisdn("14912345678").segment()).isEqualTo("149");
        assertThat(new Msisdn("13812345678").masked()).isEqualTo("138****5678");
        assertThat(new Msisdn("1440123456789").isIotNumber()).isTrue();
    }
}
