package com.realsim.identity;

import java.time.LocalDate;

/**
 * What OPS type (or a CSV row carries) to record a bar: a PERSON with {@code idType} and {@code idNumber}, or an
 * ENTERPRISE with {@code uscc}; the basis (police notice number), the validity and the reason.
 */
public record NewBar(
        BarSubject subjectType,
        IdType idType,
        String idNumber,
        String uscc,
        String basis,
        LocalDate validFrom,
        LocalDate validTo,
        String reason) {

    @Override
    public String toString() {
        return "NewBar[" + subjectType + ", " + basis + "]";
    }
}
