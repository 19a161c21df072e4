package com.realsim.card;

import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;

/** A device's IMEI: 15 digits (the last a Luhn check digit, which devices in the field do not always honour). */
public record Imei(String value) {

    public Imei {
        if (value == null || !value.matches("[0-9]{15}")) {
            throw new ValidationException(new FieldProblem("imei", ErrorCode.VALIDATION_FAILED, "card.imei.invalid"));
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
