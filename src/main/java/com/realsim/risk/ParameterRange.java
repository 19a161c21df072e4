package com.realsim.risk;

import java.math.BigDecimal;

/** The values a rule's parameter may take: from {@code min} to {@code max} inclusive, whole numbers only if so. */
public record ParameterRange(BigDecimal min, BigDecimal max, boolean integer) {

    /** Whether the value lies in the range (and is whole where it must be). */
    public boolean admits(BigDecimal value) {
        return value.compareTo(min) >= 0
                && value.compareTo(max) <= 0
                && (!integer || value.stripTrailingZeros().scale() <= 0);
    }
}
