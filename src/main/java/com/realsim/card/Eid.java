package com.realsim.card;

/** The eUICC identifier (EID) of the device an eSIM profile lives in: 32 digits. */
public final class Eid {

    private Eid() {}

    /** 32 ASCII digits. */
    public static boolean isValid(String value) {
        if (value == null || value.length() != 32) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
