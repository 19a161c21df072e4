package com.realsim.identity;

import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import java.time.LocalDate;

/**
 * A mainland resident ID number (公民身份号码, GB 11643): 6-digit region code of a province, a real birth date from
 * 1900 up to today, a 3-digit sequence and the MOD 11-2 check character. Lower-case {@code x}, full-width digits and
 * surrounding spaces are normalised. {@link #toString()} shows the masked form only.
 */
public final class ResidentIdNumber {

    private final String value;

    private ResidentIdNumber(String value) {
        this.value = value;
    }

    /**
     * @param today the date the birth date must not be after: take it from the injected {@code Clock}
     * @throws ValidationException {@code INVALID_ID_NUMBER} on the field {@code idNumber}, naming the broken rule
     */
    public static ResidentIdNumber parse(String raw, LocalDate today) {
        return parse(raw, today, "idNumber");
    }

    /** As {@link #parse(String, LocalDate)}, reporting the problem on the given field. */
    public static ResidentIdNumber parse(String raw, LocalDate today, String field) {
        String number = IdNumberRules.normalise(IdType.RESIDENT_ID, raw);
        var problem = IdNumberRules.problem(IdType.RESIDENT_ID, number, today);
        if (problem.isPresent()) {
            throw new ValidationException(new FieldProblem(field, ErrorCode.INVALID_ID_NUMBER, problem.get()));
        }
        return new ResidentIdNumber(number);
    }

    public static boolean isValid(String raw, LocalDate today) {
        return IdNumberRules.problem(IdType.RESIDENT_ID, IdNumberRules.normalise(IdType.RESIDENT_ID, raw), today)
                .isEmpty();
    }

    /** The normalised number in clear: for sealing, never for display or logs. */
    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return IdNumberRules.birthDate(value);
    }

    /** The 6-digit administrative region code the number was issued under. */
    public String regionCode() {
        return value.substring(0, 6);
    }

    public String masked() {
        return Masking.idNumber(value);
    }

    public IdDocument asDocument() {
        return IdDocument.trusted(IdType.RESIDENT_ID, value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResidentIdNumber that && that.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
