package com.realsim.card;

import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;

/**
 * A card's number: an 11-digit mobile number or a 13-digit IoT number, both starting with 1. Its segment (号段) is
 * the first three digits, e.g. {@code 149}. A number is personal-ish data: screens outside the card's own pages
 * show {@link #masked()}.
 */
public record Msisdn(String value) {

    public Msisdn {
        if (!isValid(value)) {
            throw new ValidationException(
                    new FieldProblem("msisdn", ErrorCode.VALIDATION_FAILED, "card.msisdn.invalid"));
        }
    }

    public static boolean isValid(String value) {
        if (value == null || (value.length() != 11 && value.length() != 13) || value.charAt(0) != '1') {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The number segment (号段): the first three digits. */
    public String segment() {
        return value.substring(0, 3);
    }

    public boolean isIotNumber() {
        return value.length() == 13;
    }

    /** {@code 138****5678} for 11 digits, {@code 1440****5678} style for 13. */
    public String masked() {
        return mask(value);
    }

    public static String mask(String number) {
        if (number == null || number.length() < 8) {
            return "****";
        }
        int keepStart = number.length() - 8;
        return number.substring(0, keepStart) + "****" + number.substring(number.length() - 4);
    }

    @Override
    public String toString() {
        return value;
    }
}
