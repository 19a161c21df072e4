package com.realsim.card;

import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;

/** A SIM card's ICCID: 19 or 20 digits, the last a Luhn (ISO/IEC 7812) check digit. */
public record Iccid(String value) {

    public Iccid {
        if (!isValid(value)) {
            throw new ValidationException(FieldProblem.of("iccid", ErrorCode.INVALID_ICCID));
        }
    }

    public static Iccid of(String value) {
        return new Iccid(value == null ? null : value.strip());
    }

    /** 19–20 ASCII digits whose Luhn sum is a multiple of ten. */
    public static boolean isValid(String value) {
        if (value == null || value.length() < 19 || value.length() > 20) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = value.length() - 1; i >= 0; i--) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int digit = c - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** An ICCID as a page without a signed-in reader shows it: the first and last four digits ({@code 8986****1234}). */
    public static String mask(String iccid) {
        return iccid.substring(0, 4) + "****" + iccid.substring(iccid.length() - 4);
    }

    @Override
    public String toString() {
        return value;
    }
}
