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

    /** An IMEI as pages, answers and the audit trail show it: the eight digits of the device type, then {@code ****}. */
    public static String mask(String imei) {
        return imei == null ? null : imei.substring(0, 8) + "****" + imei.substring(12);
    }

    @Override
    public String toString() {
        return value;
    }
}
