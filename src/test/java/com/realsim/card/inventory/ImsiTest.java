package com.realsim.card.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The IMSI column of an inventory file: 15 digits starting with a Chinese MCC (460). */
class ImsiTest {

    @ParameterizedTest
    @CsvSource({"460001234567890, true", "460111234567890, true", "310001234567890, false", "46000123456789, false"})
    void imsisAreFifteenDigitsFromChina(String imsi, boolean valid) {
        assertThat(Imsi.isValid(imsi)).isEqualTo(valid);
    }
}
