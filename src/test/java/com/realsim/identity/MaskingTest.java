package com.realsim.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void idNumbersKeepTheFirstSixAndTheLastFour() {
        assertThat(Masking.idNumber("110101199003071234")).isEqualTo("110101********1234");
        assertThat(Masking.idNumber("USA110080010012")).isEqualTo("USA110*****0012");
    }

    @Test
    void shortDocumentNumbersKeepLessThanTheyHide() {
        assertThat(Masking.idNumber("E12345678")).isEqualTo("E1*****78");
        assertThat(Masking.idNumber("12345678")).isEqualTo("12****78");
        assertThat(Masking.idNumber("X1234")).isEqualTo("X***4");
        assertThat(Masking.idNumber("AB")).isEqualTo("**");
        assertThat(Masking.idNumber(null)).isEmpty();
    }

    @Test
    void mobileNumbersKeepTheFirstThreeAndTheLastFour() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.phone(" 13812345678 ")).isEqualTo("138****5678");
        assertThat(Masking.phone("+8613812345678")).isEqualTo("+86****5678");
        assertThat(Masking.phone("12345")).isEqualTo("***45");
    }

    @Test
    void chineseNamesKeepTheirFirstAndLastCharacter() {
        assertThat(Masking.name("张三丰")).isEqualTo("张*丰");
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("司马相如")).isEqualTo("司**如");
        assertThat(Masking.name("王")).isEqualTo("*");
    }

    @Test
    void latinNamesMaskTheMiddleWithoutTellingItsLength() {
        assertThat(Masking.name("John Smith")).isEqualTo("J***h");
        assertThat(Masking.name("Alexandra Maria Lopez")).isEqualTo("A***z");
        assertThat(Masking.name("Li")).isEqualTo("L*");
    }

    @Test
    void chineseAddressesKeepProvinceAndCity() {
        assertThat(Masking.address("广东省深圳市南山区科技园路1号")).isEqualTo("广东省深圳市****");
        assertThat(Masking.address("北京市朝阳区建国路88号")).isEqualTo("北京市****");
        assertThat(Masking.address("新疆维吾尔自治区乌鲁木齐市天山区解放路1号")).isEqualTo("新疆维吾尔自治区乌鲁木齐市****");
        assertThat(Masking.address("香港特别行政区中环皇后大道1号")).isEqualTo("香港特别行政区****");
        assertThat(Masking.address("四川省凉山彝族自治州西昌市某路1号")).isEqualTo("四川省凉山彝族自治州****");
    }

    @Test
    void addressesWithoutAProvinceOrCityKeepOnlyTheirBeginning() {
        assertThat(Masking.address("深圳南山区科技园路1号市场")).isEqualTo("深圳南山****");
        assertThat(Masking.address("221B Baker Street, London")).isEqualTo("****, London");
        assertThat(Masking.address("Somewhere without commas")).isEqualTo("Someth****".substring(0, 0) + "Somewh****");
        assertThat(Masking.address("")).isEmpty();
    }
}
